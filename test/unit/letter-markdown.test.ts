// A letter body as its page renders it (src/data/letter-body.ts, the site's one Markdown pipeline):
// the text the letter has, never links, tables or typographic replacements the letter did not make.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { paragraph, root, writeMarkdown } from '../../scripts/import/write-markdown.ts';
import { renderLetterBody } from '../../src/data/letter-body.ts';
import { bodyHtml } from '../support/body-html.ts';

const corpus = mkdtempSync(join(tmpdir(), 'imr-render-'));
afterAll(() => rmSync(corpus, { recursive: true, force: true }));
process.env.CORPUS_DIR = corpus;
let letters = 0;

/** Renders `body` as the page of a letter with that body does. */
async function render(body: string): Promise<string> {
  const id = `CM16-${String(++letters).padStart(7, '0')}`;
  mkdirSync(join(corpus, 'determinations/2016'), { recursive: true });
  writeFileSync(join(corpus, `determinations/2016/${id}.md`), `---\nid: ${id}\n---\n\n${body}`);
  return bodyHtml(await renderLetterBody({ id, filePath: join(corpus, `determinations/2016/${id}.md`) }));
}

describe('a letter body on its page', () => {
  test.each([
    ['a bare web address', 'Records were sent to https://evil.example/x for review.'],
    ['a www address', 'See www.evil.example/x for the form.'],
    ['an e-mail address', 'Write to claims@evil.example with questions.'],
    ['a pipe table', '| Drug | Dose |\n|---|---|\n| Norco | 10/325mg |'],
    ['strikethrough', 'The ~~denied~~ request.'],
  ])('shows %s as the letter’s text, not as markup', async (_name, text) => {
    const html = await render(`## Clinical case summary\n\n${text}\n`);
    expect(html).not.toMatch(/<(a|table|del|input)\b/);
    expect(html).toContain(text.split('\n')[0]);
  });

  test('keeps straight quotes, double and triple hyphens and three dots as the letter writes them', async () => {
    const text = `The patient's "pain level" is 7/10 -- worse at night --- and "improving..." per the 'PR-2' report.`;
    const html = await render(`## Clinical case summary\n\n${text}\n`);
    expect(html).toContain(`<p>${text}</p>`);
    expect(html).not.toMatch(/[‘’“”–—…]/);
  });

  test('shows an HTML comment opener in imported text as typed', async () => {
    const html = await render(
      `## Clinical case summary\n\n${writeMarkdown(root([paragraph('The note reads <!-- see attached --> in the margin.')]))}`,
    );
    expect(html).toContain('The note reads &lt;!-- see attached --&gt; in the margin.');
  });

  test('renders a second frontmatter-like block as content, as check sees it', async () => {
    const html = await render('---\ntitle: hidden\n---\n\n## Clinical case summary\n\nText.\n');
    expect(html).toContain('title: hidden');
  });
});
