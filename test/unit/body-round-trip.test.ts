// What the importer writes (scripts/import/to-markdown.ts, through remark), parsed as the page and
// `check` parse it (src/lib/body/letter-markdown.ts), gives back the letter's own words block by
// block, nothing added, nothing read as markup: for the sample letters in ../shared/corpus (the
// part skips without it and fails under CI=true), the letters of test/fixtures/letters, and
// hostile text.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Nodes, Root } from 'mdast';
import { markdownToMdast } from 'satteri';
import { describe, expect, test } from 'vitest';
import { extractPdfText } from '../../scripts/import/extract-text.ts';
import { parseLetter, type ParsedLetter } from '../../scripts/import/parse-letter.ts';
import { toBody } from '../../scripts/import/to-markdown.ts';
import { paragraph, root, writeMarkdown } from '../../scripts/import/write-markdown.ts';
import { LETTER_FEATURES } from '../../src/lib/body/letter-markdown.ts';
import { CLAIMS_ADMINISTRATOR_LABEL, RATIONALE_LABEL, reviewerLabel } from '../../src/lib/schema/body-vocab.ts';
import { UNSAFE_CHAR } from '../../src/lib/format/unsafe-text.ts';

const shared = join(import.meta.dirname, '../../../shared/corpus');
const HAVE_SHARED = existsSync(join(shared, 'letters/pdf'));
const IN_CI = process.env.CI === 'true';
const fixtures = join(import.meta.dirname, '../fixtures/letters');

/** One block as a reader sees it: a heading (with its depth) or a paragraph, and its words, bold kept apart. */
type Block = [kind: string, ...spans: string[]];

function blocksOf(tree: Root): Block[] {
  return tree.children.map((node) => {
    const kind = node.type === 'heading' ? `h${node.depth}` : node.type;
    const spans: string[] = [];
    const add = (span: string) => {
      // Adjacent runs of plain text are one span (a parser may split text at an escape).
      if (!span.startsWith('**') && spans.length > 0 && !spans.at(-1)!.startsWith('**')) spans[spans.length - 1] += span;
      else spans.push(span);
    };
    for (const child of 'children' in node ? (node.children as Nodes[]) : [])
      add(child.type === 'strong' ? `**${plain(child)}**` : plain(child));
    return [kind, ...spans];
  });
}

function plain(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'strong' || node.type === 'emphasis') return node.children.map(plain).join('');
  // Anything else (a link, raw HTML, code, a break) is markup the writer let through.
  return `<${node.type}>`;
}

/** The blocks a letter's body must read as: its sections' paragraphs, then each item's heading, outcome, guideline lines and rationale. */
function expectedBlocks(letter: ParsedLetter): Block[] {
  const blocks: Block[] = [];
  for (const section of letter.sections) blocks.push(['h2', section.heading], ...section.paragraphs.map((p): Block => ['paragraph', p]));
  letter.items.forEach((item, i) => {
    blocks.push(['h3', `Item ${i + 1}: ${item.request}`], ['paragraph', `**${item.outcome === 'upheld' ? 'Upheld' : 'Overturned'}.**`]);
    if (item.claimsAdministrator !== undefined) blocks.push(['paragraph', `${CLAIMS_ADMINISTRATOR_LABEL}: ${item.claimsAdministrator}`]);
    if (item.reviewer !== undefined) blocks.push(['paragraph', `${reviewerLabel(letter.format)}: ${item.reviewer}`]);
    item.rationale.forEach((p, k) => blocks.push(['paragraph', k === 0 ? `${RATIONALE_LABEL}: ${p}` : p]));
  });
  return blocks;
}

const parse = (markdown: string) => markdownToMdast(markdown, { features: LETTER_FEATURES }) as Root;

async function letterText(file: string): Promise<string> {
  const bytes = readFileSync(file);
  return file.endsWith('.pdf') ? extractPdfText(bytes, file) : bytes.toString('utf8');
}

async function expectRoundTrip(files: string[]): Promise<void> {
  for (const file of files) {
    const letter = parseLetter(await letterText(file));
    expect(blocksOf(parse(toBody(letter))), file).toEqual(expectedBlocks(letter));
  }
}

describe('a written letter body parses back to the letter’s words', () => {
  test.skipIf(!HAVE_SHARED && !IN_CI)('for the 147 sample letters (PDF) and the 2014 fragment', async () => {
    if (!HAVE_SHARED) throw new Error(`CI=true but no sample corpus at ${shared} (shared/ is laid beside the clone)`);
    const pdfs = readdirSync(join(shared, 'letters/pdf')).filter((f) => f.endsWith('.pdf'));
    expect(pdfs).toHaveLength(147);
    const fragments = readdirSync(join(shared, 'fragments')).filter((f) => f.endsWith('.txt'));
    await expectRoundTrip([...pdfs.map((f) => join(shared, 'letters/pdf', f)), ...fragments.map((f) => join(shared, 'fragments', f))]);
  });

  test('for the letters of test/fixtures/letters, real and synthetic', async () => {
    const files = readdirSync(fixtures, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(pdf|txt)$/.test(f))
      .map((f) => join(fixtures, f));
    expect(files.length).toBeGreaterThanOrEqual(30);
    await expectRoundTrip(files);
  });
});

// Text a letter could hold that Markdown would read as markup, and the hostile values of the site
// fixture test/fixtures/site/determinations/2016/CM16-0100001.md.
const HOSTILE = [
  'Rationale <script>alert("x")</script> here.',
  '<img src=x onerror=alert(1)>',
  "Physical therapy <script>alert('request')</script> x 12 sessions",
  "Decision based on MTUS Chronic Pain <img src=x onerror=alert('text')>.",
  `A summary with inline <img src=x onerror="alert('inline')"> markup and a [link](javascript:alert('link')) that must stay inert.`,
  `<div onclick="alert('block')">A block of raw HTML.</div>`,
  `The patient's "pain level" -- 7/10 --- is on file at https://evil.example/x and www.evil.example; ask claims@evil.example.`,
  '1. Lumbar degenerative disk disease. 2. Lumbar radiculitis.',
  '12) twelve',
  '# not a heading',
  '> not a quote',
  '- not a list',
  '+ not a list',
  '* not a list',
  '=== not an underline',
  '--- not a rule',
  '    indented code',
  '```js fence',
  '~~~ fence',
  'Norco 10/325mg #60 with *two* refills and `code` ~~struck~~ __bold__ _it_ **Upheld.**',
  'Physical Medicine & Rehabilitation; &amp; &#60; &copy stay literal',
  'recommended by [redacted]. [x]: /definition "title"',
  'aetna.com/cpb/medical/data/100_199/0181.html a\\b c\\*d trailing backslash\\',
  '| Drug | Dose |',
  '<!-- sic -->...',
  'Records at <https://evil.example/x> and <claims@evil.example>.',
];

describe('hostile text', () => {
  test.each(HOSTILE)('%j reads back as itself, in one paragraph and as a heading', (text) => {
    expect(blocksOf(parse(writeMarkdown(root([paragraph(text)]))))).toEqual([['paragraph', text]]);
    const letter = { format: 'imr-2016', sections: [], items: [{ request: text, outcome: 'upheld', rationale: [text] }] };
    expect(blocksOf(parse(toBody(letter as unknown as ParsedLetter)))).toEqual(expectedBlocks(letter as unknown as ParsedLetter));
  });

  test('any one-line text without control characters reads back as itself', () => {
    // What the importer hands the writer: one line, trimmed, no control or bidirectional characters.
    const piece = fc.oneof(fc.constantFrom(...'#*_`[]()<>!&\\~|-+=.:;"\' 0123456789aA'), fc.string({ unit: 'binary', maxLength: 2 }));
    const line = fc
      .array(piece, { maxLength: 40 })
      .map((pieces) => pieces.join(''))
      .map((s) => s.replace(new RegExp(UNSAFE_CHAR.source, 'gu'), ' ').replace(/\s+/g, ' ').trim())
      .filter((s) => s !== '');
    fc.assert(
      fc.property(line, (text) => {
        expect(blocksOf(parse(writeMarkdown(root([paragraph(text)]))))).toEqual([['paragraph', text]]);
      }),
      { numRuns: 3000 },
    );
  });
});
