import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { renderBody, renderLetterBody } from '../../src/data/letter-body.ts';
import { markdownBody } from '../../src/lib/body/frontmatter.ts';
import { LETTER_MARKDOWN_OPTIONS, letterMarkdown } from '../../src/lib/body/letter-markdown.ts';
import { SAMPLE_BODY } from '../support/sample-body.ts';

const BODY = SAMPLE_BODY;

describe('renderBody', async () => {
  const body = await renderBody(BODY);

  test('renders the boilerplate, the case summary and the decisions intro apart, without their headings', () => {
    expect(body.howMade).toBe('<p>MAXIMUS Federal Services sent the complete case file to an expert reviewer.</p>');
    expect(body.decisionsIntro).toBe(
      '<p>The Final Determination was based on decisions for the disputed items/services set forth below:</p>',
    );
    expect(body.preamble).toBe('');
    expect(body.whole).toBeUndefined();
  });

  test("keeps third-level headings that are not items inside their section, with the renderer's ids", () => {
    expect(body.summary).toBe('<p>The injured worker is a 48 year old male.</p>\n<h3 id="history">History</h3>\n<p>Older notes.</p>');
  });

  test('gives each item its rationale without the outcome and guideline lines the page shows from the frontmatter', () => {
    expect([...body.items.keys()]).toEqual([1, 2]);
    expect(body.items.get(1)).toBe('<p>CA MTUS/ACOEM Guidelines state that … not medically necessary.</p>');
    expect(body.items.get(2)).toBe('<p>The request is medically necessary.</p>');
  });

  test('keeps unknown sections with their heading text', () => {
    expect(body.other).toEqual([{ title: 'Notes', text: '<p>An extra section.</p>' }]);
  });

  test('finds the known sections whatever their case', async () => {
    expect((await renderBody(BODY.replace('## Clinical case summary', '## CLINICAL Case Summary'))).summary).toBe(body.summary);
  });

  test('renders what stands before the first heading on its own', async () => {
    expect((await renderBody('Loose *text*.\n\n' + BODY)).preamble).toBe('<p>Loose <em>text</em>.</p>');
  });

  test('gives an item whose heading repeats all its parts, and an item heading with nothing under it an empty rationale', async () => {
    const repeated = await renderBody(
      BODY.replace('### Item 2: MRI of the cervical spine & neck', '### Item 1: again\n\nMore.\n\n### Item 2: MRI\n\n### Item 3: x'),
    );
    expect(repeated.items.get(1)).toBe('<p>CA MTUS/ACOEM Guidelines state that … not medically necessary.</p>\n<p>More.</p>');
    expect(repeated.items.get(2)).toBe('');
  });

  test('shows a body with no part the page places whole, as one render of the whole body', async () => {
    const renderer = await letterMarkdown.createRenderer(LETTER_MARKDOWN_OPTIONS);
    for (const text of ['Only text.\n\nMore *text*.', '## Clinical case summary\n', '']) {
      const whole = await renderBody(text);
      expect(whole.whole).toBe((await renderer.render(text.trim())).code);
      expect(whole.items.size).toBe(0);
    }
  });

  test('renders each part of the sample letters as the HTML the whole body rendered in one piece has for it', async () => {
    const renderer = await letterMarkdown.createRenderer(LETTER_MARKDOWN_OPTIONS);
    const folder = join(import.meta.dirname, '../../content/determinations');
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const markdown = markdownBody(readFileSync(join(folder, file), 'utf8'));
      const [parts, { code }] = await Promise.all([renderBody(markdown), renderer.render(markdown.trim())]);
      // In body order, as the importer writes the sections: other sections come before the decisions.
      const html = [
        parts.preamble,
        parts.howMade,
        parts.summary,
        ...parts.other.map((o) => o.text),
        parts.decisionsIntro,
        ...parts.items.values(),
      ];
      for (const part of html.filter(Boolean)) expect(code, file).toContain(part);
      // Nothing of the whole is lost but the headings and the item facts.
      const words = (h: string) =>
        h.replace(
          /<h[23][^>]*>.*?<\/h[23]>|<p><strong>(?:Upheld|Overturned)\.<\/strong><\/p>|<p>(?:Claims Administrator|MAXIMUS) guideline:.*?<\/p>|<[^>]+>|\s+/g,
          '',
        );
      expect(html.map(words).join(''), file).toBe(words(code));
    }
  });
});

describe('renderLetterBody', () => {
  test('renders the body of a letter file saved with a byte-order mark, not its frontmatter as text', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'imr-bom-'));
    try {
      const letter = readFileSync(join(import.meta.dirname, '../../content/determinations/2016/CM16-0213037.md'), 'utf8');
      writeFileSync(join(folder, 'with-bom.md'), `\uFEFF${letter}`);
      writeFileSync(join(folder, 'without.md'), letter);
      const root = pathToFileURL(`${import.meta.dirname}/../../`);
      const [withBom, without] = await Promise.all(
        ['with-bom.md', 'without.md'].map((f) => renderLetterBody({ id: f, filePath: pathToFileURL(join(folder, f)).href }, root)),
      );
      expect(withBom).toEqual(without);
      expect(withBom!.whole).toBeUndefined();
      expect(withBom!.preamble).toBe('');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
