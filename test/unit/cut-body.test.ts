import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { layoutBody } from '../../src/lib/body/body-layout.ts';
import { cutBody } from '../../src/lib/body/cut-body.ts';
import { parseFrontmatter } from '../../src/lib/body/frontmatter.ts';
import { LETTER_MARKDOWN_OPTIONS, letterMarkdown } from '../../src/lib/body/letter-markdown.ts';
import { DeterminationSchema, REQUIRED_BODY_HEADINGS, RATIONALE_LABEL, outcomeLine } from '../../src/lib/schema/index.ts';
import { SAMPLE_BODY } from '../support/sample-body.ts';

// A determination body as the importer writes it, with a third-level heading that is not an item
// and a section the page does not know.
const BODY = SAMPLE_BODY.replace('\n\nCA MTUS/ACOEM Guidelines state', '\n\nDecision rationale: CA MTUS/ACOEM Guidelines state');

describe('cutBody', () => {
  const cut = cutBody(BODY);

  test('cuts the sections apart at their headings, each without its heading, in body order', () => {
    expect(cut.sections.map((s) => s.title)).toEqual([
      'How the IMR final determination was made',
      'Clinical case summary',
      'Decisions and rationales',
      'Notes',
    ]);
    expect(cut.sections[0]!.markdown).toBe('MAXIMUS Federal Services sent the complete case file to an expert reviewer.');
    expect(cut.sections[2]!.markdown).toBe(
      'The Final Determination was based on decisions for the disputed items/services set forth below:',
    );
    expect(cut.sections[3]!.markdown).toBe('An extra section.');
    expect(cut.preamble).toBe('');
  });

  test('keeps third-level headings that are not items inside their section', () => {
    expect(cut.sections[1]!.markdown).toBe('The injured worker is a 48 year old male.\n\n### History\n\nOlder notes.');
  });

  test('gives each item everything under its "Item N:" heading, and as its rationale that without the outcome and guideline lines', () => {
    expect(cut.items.map((i) => i.n)).toEqual([1, 2]);
    expect(cut.items[0]!.markdown).toMatch(
      /^\*\*Upheld\.\*\*\n\nClaims Administrator guideline: .*\n\nMAXIMUS guideline: .*\n\nDecision rationale: .* not medically necessary\.$/,
    );
    expect(cut.items[0]!.rationale).toEqual(['Decision rationale: CA MTUS/ACOEM Guidelines state that … not medically necessary.']);
    expect(cut.items[1]!.rationale).toEqual(['The request is medically necessary.']);
  });

  test('keeps anything before the first heading, and takes a body without headings as all preamble', () => {
    expect(cutBody('Loose text.\n\n' + BODY).preamble).toBe('Loose text.');
    expect(cutBody('Only text.\n\nMore text.')).toEqual({ preamble: 'Only text.\n\nMore text.', sections: [], items: [] });
    expect(cutBody('')).toEqual({ preamble: '', sections: [], items: [] });
  });

  test('leaves a missing section out rather than making one up', () => {
    const withoutSummary = cutBody(BODY.replace(/## Clinical case summary[\s\S]*?(?=## Decisions)/, ''));
    expect(withoutSummary.sections.map((s) => s.title)).toEqual([
      'How the IMR final determination was made',
      'Decisions and rationales',
      'Notes',
    ]);
    expect(layoutBody(withoutSummary).summary).toEqual([]);
  });

  test('keeps repeated "Item N:" headings apart in body order, and the page layout gives the number all of them', () => {
    const twice = cutBody(
      BODY.replace('### Item 2: MRI of the cervical spine & neck', '### Item 1: again\n\nMore on the shoulder.\n\n### Item 2: MRI'),
    );
    expect(twice.items.map((i) => i.n)).toEqual([1, 1, 2]);
    expect(layoutBody(twice).items.get(1)).toEqual([
      'Decision rationale: CA MTUS/ACOEM Guidelines state that … not medically necessary.',
      'More on the shoulder.',
    ]);
  });

  test('reads an item heading written loosely ("item  2 :"), and not a third-level heading that only mentions an item', () => {
    const loose = cutBody('### item  2 : Norco\n\nText.\n\n### Items 1 and 2\n\nOther.\n\n### Item: none\n');
    expect(loose.items.map((i) => [i.n, i.markdown])).toEqual([[2, 'Text.\n\n### Items 1 and 2\n\nOther.\n\n### Item: none']]);
  });

  test('cuts only at headings of the tree: not at a heading-looking line that continues a paragraph, is escaped or is quoted', () => {
    const item = 'Some text\n    ### Item 2: a continued line\n\n\\### Item 2: escaped\n\n> ### Item 2: quoted\n\nItem 2: no hashes';
    const cut = cutBody(`### Item 1: MRI\n\n${item}\n`);
    expect(cut.items.map((i) => i.n)).toEqual([1]);
    expect(cut.items[0]!.rationale).toEqual([item]);
  });

  test('cuts where the renderer sees a heading however it is written: an underlined title, a closing "##", a heading that interrupts a paragraph', () => {
    const cut = cutBody(
      'Intro\n## Clinical case summary ##\nText.\n\nDecisions and rationales\n------------------------\n\nAll.\n### Item 1: x\nWhy.',
    );
    expect(cut.preamble).toBe('Intro');
    expect(cut.sections).toEqual([
      { title: 'Clinical case summary', markdown: 'Text.' },
      { title: 'Decisions and rationales', markdown: 'All.' },
    ]);
    expect(cut.items).toEqual([{ n: 1, markdown: 'Why.', rationale: ['Why.'], facts: [] }]);
  });

  test('drops a fact paragraph wherever it stands, keeping the blocks on either side as separate runs of whole lines', () => {
    const cut = cutBody('### Item 1: x\n\n- a list\n\n**Overturned**\n\n  indented after\n\nmaximus GUIDELINE: any case\n\nLast.\n');
    expect(cut.items[0]!.rationale).toEqual(['- a list', '  indented after', 'Last.']);
    // ... and hands the facts to `check`, with their words and lines.
    expect(cut.items[0]!.facts).toEqual([
      { kind: 'outcome', text: 'Overturned', line: 5 },
      { kind: 'guideline', text: 'maximus GUIDELINE: any case', line: 9 },
    ]);
  });

  test('knows the guideline lines of the older layouts', () => {
    const cut = cutBody(
      '### Item 1: x\n\nMedical Treatment Guideline(s) used by the Expert Reviewer: MTUS.\n\nMedical treatment guideline(s) relied upon by the professional reviewer: ODG.\n\nRationale.\n',
    );
    expect(cut.items[0]!.rationale).toEqual(['Rationale.']);
  });

  test('keeps a paragraph that only mentions a guideline or an outcome', () => {
    const kept = [
      'The MAXIMUS guideline: is quoted here.',
      '**Upheld.** Then more.',
      '**Upheld by** the reviewer.',
      '*Upheld.*',
      'Claims Administrator guidelines: plural',
    ];
    const cut = cutBody(`### Item 1: x\n\n${kept.join('\n\n')}\n`);
    expect(cut.items[0]!.rationale).toEqual([kept.join('\n\n')]);
  });

  test('gives a section the title the renderer shows: quotes and dashes as written, entities and emphasis as text', async () => {
    const source = '## Notes "on" the -- case... &amp; *more*\n\nText.';
    const renderer = await letterMarkdown.createRenderer(LETTER_MARKDOWN_OPTIONS);
    const { code } = await renderer.render(source);
    const shown = /<h2[^>]*>(.*)<\/h2>/
      .exec(code)![1]!
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&');
    expect(cutBody(source).sections[0]!.title).toBe(shown);
    expect(shown).toBe('Notes "on" the -- case... & more');
  });

  test('parses with the Sätteri the site renderer uses, not a second copy', () => {
    const fromRenderer = createRequire(createRequire(import.meta.url).resolve('@astrojs/markdown-satteri')).resolve('satteri');
    expect(createRequire(import.meta.url).resolve('satteri')).toBe(fromRenderer);
  });
});

describe('cutBody on the sample letters', () => {
  const folder = join(import.meta.dirname, '../../content/determinations');
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));

  test.each(files)(
    '%s: the required sections, one item per frontmatter item in order, each opening with its outcome and its rationale whole',
    (file) => {
      const { data, body } = parseFrontmatter(readFileSync(join(folder, file), 'utf8'));
      const d = DeterminationSchema.parse(data);
      const cut = cutBody(body.trim());
      for (const heading of REQUIRED_BODY_HEADINGS) expect(cut.sections.map((s) => s.title)).toContain(heading);
      expect(cut.items.map((i) => i.n)).toEqual(d.items.map((_, i) => i + 1));
      cut.items.forEach((item, i) => {
        expect(item.markdown.startsWith(outcomeLine(d.items[i]!.outcome))).toBe(true);
        expect(item.rationale).toHaveLength(1);
        expect(item.rationale[0]!.startsWith(`${RATIONALE_LABEL}: `)).toBe(true);
        expect(item.markdown.endsWith(item.rationale[0]!)).toBe(true);
      });
      // Every line of the body is in one part, apart from the headings that cut it.
      const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');
      const parts = [cut.preamble, ...cut.sections.map((s) => s.markdown), ...cut.items.map((i) => i.markdown)];
      expect(parts.flatMap(lines)).toEqual(lines(body).filter((l) => !/^(?:## |### Item \d+: )/.test(l)));
    },
  );
});
