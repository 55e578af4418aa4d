// `check` and the site read a letter body the same way: whatever check accepts, the page shows as
// headings, paragraphs, bold, italics and line breaks, and nothing else (no link, table, list...).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkDetermination } from '../../scripts/check/check-determination.ts';
import { renderLetterBody } from '../../src/data/letter-body.ts';
import { bodyHtml } from '../support/body-html.ts';

const LETTER = '2016/CM16-0213037.md';
const original = readFileSync(join(import.meta.dirname, '../../content/determinations', LETTER), 'utf8');
const corpus = mkdtempSync(join(tmpdir(), 'imr-dialect-'));
afterAll(() => rmSync(corpus, { recursive: true, force: true }));
process.env.CORPUS_DIR = corpus;

/** The line of the letter where `markdown` goes: the one after the case summary's heading and a blank line. */
const LINE = original.split('\n').indexOf('## Clinical case summary') + 3;

/** The real letter with `markdown` added to its case summary. */
const letterWith = (markdown: string) => original.replace('## Clinical case summary\n\n', `## Clinical case summary\n\n${markdown}\n\n`);

/** Body problems `check` finds in the letter with `markdown` added. */
const bodyProblems = (markdown: string) =>
  checkDetermination(LETTER, letterWith(markdown), {}).problems.filter((p) => p.startsWith('body'));

/** The element names of the letter's page body, rendered as the page renders it. */
async function renderedTags(markdown: string): Promise<Set<string>> {
  mkdirSync(join(corpus, 'determinations/2016'), { recursive: true });
  writeFileSync(join(corpus, 'determinations', LETTER), letterWith(markdown));
  const html = bodyHtml(await renderLetterBody({ id: 'CM16-0213037', filePath: join(corpus, 'determinations', LETTER) }));
  return new Set([...html.matchAll(/<([a-z][a-z0-9]*)\b/g)].map((m) => m[1]!));
}

const LETTER_TAGS = new Set(['h2', 'h3', 'p', 'strong', 'em', 'br']);

// Markdown a crafted or hand-edited letter could hold, GitHub-flavoured and CommonMark alike.
const SAMPLES = [
  'Records were sent to https://evil.example/x for review.',
  'See www.evil.example for the form.',
  'Write to claims@evil.example.',
  '| Drug | Dose |\n|---|---|\n| Norco | 10/325mg |',
  'The ~~denied~~ request.',
  '- [ ] task',
  '- item',
  '1. item',
  '> quoted',
  '    indented code',
  '```\ncode\n```',
  'Use `code` here.',
  '***',
  '# Title',
  '#### Deep heading',
  'Setext title\n===',
  '<https://evil.example/x>',
  '[link](https://evil.example/x)',
  '[ref]\n\n[ref]: https://evil.example/x',
  'A note[^1].\n\n[^1]: https://evil.example/x',
  '![chart](x.png)',
  '<b>bold</b>',
  '<!-- comment -->',
  'Line one  \nline two',
  '*Italic* and **bold** words.',
];

describe('check and the page agree on a letter body', () => {
  test.each(SAMPLES)('a body check accepts with %j renders only headings, paragraphs and emphasis', async (markdown) => {
    const problems = bodyProblems(markdown);
    const tags = await renderedTags(markdown);
    if (problems.length === 0) expect([...tags].filter((t) => !LETTER_TAGS.has(t))).toEqual([]);
    else expect(problems[0]).toMatch(new RegExp(`^body line ${LINE}: .* not allowed, got `));
  });

  test('accepts bare addresses, pipes and tildes as the plain text the page shows', () => {
    for (const markdown of SAMPLES.slice(0, 5)) expect(bodyProblems(markdown), markdown).toEqual([]);
  });

  test('refuses a list, a quote, code, a rule, a heading of another level and a link, naming each', () => {
    expect(bodyProblems('- item')).toEqual([`body line ${LINE}: a list is not allowed, got "- item"`]);
    expect(bodyProblems('> quoted')).toEqual([`body line ${LINE}: a block quote is not allowed, got "> quoted"`]);
    expect(bodyProblems('Use `code` here.')).toEqual([`body line ${LINE}: inline code is not allowed, got "\`code\`"`]);
    expect(bodyProblems('***')).toEqual([`body line ${LINE}: a horizontal rule is not allowed, got "***"`]);
    expect(bodyProblems('#### Deep heading')).toEqual([`body line ${LINE}: a level 4 heading is not allowed, got "#### Deep heading"`]);
    expect(bodyProblems('<https://evil.example/x>')).toEqual([`body line ${LINE}: a link is not allowed, got "<https://evil.example/x>"`]);
  });

  test('refuses control and bidirectional formatting characters by line', () => {
    expect(bodyProblems('right\u000bshoulder')).toEqual([
      `body line ${LINE}: U+000B is not allowed (a control or bidirectional formatting character)`,
    ]);
    expect(bodyProblems('dose \u202e01 gm')).toEqual([
      `body line ${LINE}: U+202E is not allowed (a control or bidirectional formatting character)`,
    ]);
    expect(bodyProblems('next\u0085line')).toEqual([
      `body line ${LINE}: U+0085 is not allowed (a control or bidirectional formatting character)`,
    ]);
    expect(bodyProblems('a\ttab')).toEqual([]);
  });
});
