import { describe, expect, test } from 'vitest';
import { markdownToMdast } from 'satteri';
import { heading, paragraph, root, writeMarkdown } from '../../scripts/import/write-markdown.ts';
import { LETTER_FEATURES } from '../../src/lib/body/letter-markdown.ts';

// Parses as the site and `check` do, and reads back the plain text, as a reader would see it.
const parse = (markdown: string) => markdownToMdast(markdown, { features: LETTER_FEATURES });
function rendered(markdown: string): { text: string; types: string[] } {
  const tree = parse(markdown);
  const types: string[] = [];
  const text: string[] = [];
  const walk = (node: { type: string; value?: string; children?: unknown[] }) => {
    types.push(node.type);
    if (typeof node.value === 'string') text.push(node.value);
    (node.children as (typeof node)[] | undefined)?.forEach(walk);
  };
  walk(tree as never);
  return { text: text.join(''), types };
}

// The importer writes letter text through remark (write-markdown.ts): whatever the text, it reads back
// as exactly its own words.
const written = (text: string) => writeMarkdown(root([paragraph(text)]));

describe('writeMarkdown of a paragraph', () => {
  test.each([
    'Rationale <script>alert("x")</script> here.',
    '<img src=x onerror=alert(1)>',
    '1. Lumbar degenerative disk disease. 2. Lumbar radiculitis.',
    '# not a heading',
    '> not a quote',
    '- not a list',
    'Norco 10/325mg #60 with *two* refills and a [link](javascript:alert(1)) and `code` ~~struck~~ __bold__',
    'Physical Medicine & Rehabilitation; &amp; stays literal',
    'recommended by [redacted].',
    '1.',
    '12)',
    'Records at https://evil.example/x, www.evil.example and claims@evil.example.',
    '| Drug | Dose |',
    '- [ ] task',
    'The "pain level" is 7/10 -- worse --- per the patient\'s note <!-- sic -->...',
  ])('renders %j as exactly its own words in one paragraph', (text) => {
    const out = rendered(written(text));
    expect(out.text).toBe(text);
    expect(out.types.filter((t) => t !== 'root' && t !== 'text')).toEqual(['paragraph']);
  });
});

describe('writeMarkdown of a heading', () => {
  test.each(['Norco 10/325mg #', 'Item with # inside #60', 'MRI <b>lumbar</b> *spine*', '- 1. # > not a list'])(
    'keeps %j whole as the heading text',
    (text) => {
      const tree = parse(writeMarkdown(root([heading(3, `Item 1: ${text}`)])));
      const [first] = (tree as unknown as { children: unknown[] }).children;
      const node = first as { type: string; children: Array<{ value?: string }> };
      expect(node.type).toBe('heading');
      expect(node.children.map((c) => c.value ?? '').join('')).toBe(`Item 1: ${text}`);
    },
  );
});
