// The frontmatter split the checker, the loader and the determination page share.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { markdownBody, parseFrontmatter } from '../../src/lib/body/frontmatter.ts';

const letters = join(import.meta.dirname, '../../content/determinations');
const files = readdirSync(letters, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));

/** YAML whose last key expands to 10^depth strings through nested aliases. */
function aliasBomb(depth: number): string {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i <= depth; i++)
    lines.push(
      `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return `---\n${lines.join('\n')}\n---\n## Body\n`;
}

describe('parseFrontmatter', () => {
  test('reads a letter’s fields and cuts its body after the closing line', () => {
    const text = readFileSync(join(letters, files[0]!), 'utf8');
    const { data, body } = parseFrontmatter(text);
    expect(data.id).toBe(files[0]!.split('/').at(-1)!.replace(/\.md$/, ''));
    expect(body).toBe(text.slice(text.indexOf('\n---\n', 3) + 5));
  });

  test('stops a YAML alias bomb at 100 expansions with an error instead of walking it', () => {
    expect(() => parseFrontmatter(aliasBomb(9))).toThrow('more than 100 YAML alias expansions (a letter needs none)');
  });

  test('reads the few aliases an older importer wrote for an item listed twice', () => {
    const { data } = parseFrontmatter('---\nitems:\n  - &a1\n    request: MRI\n    outcome: upheld\n  - *a1\n---\n');
    expect(data).toEqual({
      items: [
        { request: 'MRI', outcome: 'upheld' },
        { request: 'MRI', outcome: 'upheld' },
      ],
    });
  });

  test('keeps an unquoted date as its text, so a day the calendar lacks reaches the schema as written, not as the next day', () => {
    const { data } = parseFrontmatter('---\ndates:\n  decided: 2016-02-30\n  injury: 2016-12-09\n---\n');
    expect(data).toEqual({ dates: { decided: '2016-02-30', injury: '2016-12-09' } });
  });

  test('never runs a front-matter block written in another language', () => {
    const text = '---js\n{ id: (globalThis.frontmatterRan = true, "x") }\n---\n## Body\n';
    expect(() => parseFrontmatter(text)).toThrow('front matter in JavaScript is not read (letters use YAML)');
    expect(() => parseFrontmatter('---json\n{"id": "x"}\n---\n')).toThrow('front matter in JSON is not read (letters use YAML)');
    expect((globalThis as { frontmatterRan?: boolean }).frontmatterRan).toBeUndefined();
  });

  test('says what is wrong with frontmatter that is unclosed, not YAML, or not a mapping, by the file’s line', () => {
    expect(() => parseFrontmatter('---\nid: x\n')).toThrow('no line "---" closes the frontmatter');
    // A list left open is placed at the end of its line, not at the closing `---` where js-yaml noticed it.
    expect(() => parseFrontmatter('---\nid: x\nitems: [unclosed\n---\n')).toThrow(
      'not valid YAML: unexpected end of the stream within a flow collection (a "[" or "{" left without its "]" or "}"?) at line 3, column 17: "items: [unclosed"',
    );
    expect(() => parseFrontmatter('---\nid: x\nid: y\n---\n')).toThrow(
      'not valid YAML: duplicated mapping key at line 3, column 1: "id: y"',
    );
    expect(() => parseFrontmatter('---\nid: x\n\tcaseNumber: y\n---\n')).toThrow(
      /^not valid YAML: .* \(the line is indented with a tab: YAML indents with spaces\) at line 3, column \d+: "caseNumber: y"$/,
    );
    expect(() => parseFrontmatter('---\n- a\n- b\n---\n')).toThrow('not a YAML mapping of fields');
  });
});

describe('markdownBody', () => {
  test(`cuts every one of the ${files.length} letters where parseFrontmatter does`, () => {
    expect(files.length).toBeGreaterThan(100);
    for (const f of files) {
      const text = readFileSync(join(letters, f), 'utf8');
      expect(markdownBody(text), f).toBe(parseFrontmatter(text).body);
    }
  });

  test('gives text without frontmatter back whole, and an unclosed block as no body', () => {
    expect(markdownBody('## Title\n\ntext\n')).toBe('## Title\n\ntext\n');
    expect(markdownBody('---\nid: x\n')).toBe('');
    expect(markdownBody('---\nid: x\n---\n## A\n')).toBe('## A\n');
    expect(markdownBody('---\r\nid: x\r\n---\r\n## A\r\n')).toBe('## A\r\n');
  });

  test('cuts a text that starts with a byte-order mark where parseFrontmatter does, after the frontmatter', () => {
    const text = '\uFEFF---\nid: x\n---\n## A\n';
    expect(markdownBody(text)).toBe('## A\n');
    expect(parseFrontmatter(text)).toEqual({ data: { id: 'x' }, body: '## A\n' });
  });
});
