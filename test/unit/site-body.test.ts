import { describe, expect, test } from 'vitest';
import { splitBody } from '../../src/lib/body/split-body.ts';
import { stripItemFacts } from '../../src/lib/body/strip-item-facts.ts';
import { undoYamlDates } from '../../src/lib/body/undo-yaml-dates.ts';

// As Astro's Markdown processor renders the sample determination's body.
const RENDERED = `<h2 id="how-the-imr-final-determination-was-made">How the IMR final determination was made</h2>
<p>MAXIMUS Federal Services sent the complete case file to an expert reviewer.</p>
<h2 id="clinical-case-summary">Clinical case summary</h2>
<p>The injured worker is a 48 year old male.</p>
<h3 id="history">History</h3>
<p>Older notes.</p>
<h2 id="decisions-and-rationales">Decisions and rationales</h2>
<p>The Final Determination was based on decisions for the disputed items/services set forth below:</p>
<h3 id="item-1-mri">Item 1: MRI of the right shoulder without contrast</h3>
<p><strong>Upheld.</strong></p>
<p>Claims Administrator guideline: Decision based on MTUS Shoulder Complaints 2004.</p>
<p>MAXIMUS guideline: Decision based on MTUS Shoulder Complaints 2004, Section(s): Special Studies.</p>
<p>CA MTUS/ACOEM Guidelines state that … not medically necessary.</p>
<h3 id="item-2-mri">Item 2: MRI of the cervical spine &amp; neck</h3>
<p><strong>Overturned.</strong></p>
<p>The request is medically necessary.</p>
<h2 id="notes">Notes</h2>
<p>An extra section.</p>`;

describe('splitBody', () => {
  const body = splitBody(RENDERED);

  test('cuts the boilerplate, the case summary and the decisions intro apart, without their headings', () => {
    expect(body.howMade).toBe('<p>MAXIMUS Federal Services sent the complete case file to an expert reviewer.</p>');
    expect(body.decisionsIntro).toBe('<p>The Final Determination was based on decisions for the disputed items/services set forth below:</p>');
    expect(body.preamble).toBe('');
  });

  test('keeps third-level headings that are not items inside their section', () => {
    expect(body.summary).toBe('<p>The injured worker is a 48 year old male.</p>\n<h3 id="history">History</h3>\n<p>Older notes.</p>');
  });

  test('gives each item everything under its "Item N:" heading', () => {
    expect([...body.items.keys()]).toEqual([1, 2]);
    expect(body.items.get(1)).toMatch(/^<p><strong>Upheld\.<\/strong><\/p>[\s\S]*not medically necessary\.<\/p>$/);
    expect(body.items.get(2)).toBe('<p><strong>Overturned.</strong></p>\n<p>The request is medically necessary.</p>');
  });

  test('keeps unknown sections with their heading text', () => {
    expect(body.other).toEqual([{ title: 'Notes', html: '<p>An extra section.</p>' }]);
  });

  test('keeps anything before the first heading, and copes with a body without headings', () => {
    expect(splitBody('<p>Loose text.</p>\n' + RENDERED).preamble).toBe('<p>Loose text.</p>');
    expect(splitBody('<p>Only text.</p>')).toMatchObject({ preamble: '<p>Only text.</p>', summary: '', items: new Map() });
  });
});

describe('stripItemFacts', () => {
  test('drops the outcome and guideline paragraphs the page shows from the frontmatter', () => {
    expect(stripItemFacts(splitBody(RENDERED).items.get(1) ?? '')).toBe('<p>CA MTUS/ACOEM Guidelines state that … not medically necessary.</p>');
  });

  test('knows the reviewer line of the older layouts', () => {
    const html = '<p>Medical Treatment Guideline(s) used by the Expert Reviewer: MTUS.</p>\n<p>Rationale.</p>';
    expect(stripItemFacts(html)).toBe('<p>Rationale.</p>');
  });

  test('keeps a paragraph that only mentions a guideline', () => {
    const html = '<p>The MAXIMUS guideline: is quoted here.</p>';
    expect(stripItemFacts(html)).toBe(html);
  });
});

describe('undoYamlDates', () => {
  test('turns dates a YAML 1.1 parser made back into ISO text, deep inside the data', () => {
    const parsed = { dates: { decided: new Date(Date.UTC(2016, 11, 9)) }, items: [{ at: new Date('2016-12-09T10:30:00Z') }], n: 3, s: 'x', z: null };
    expect(undoYamlDates(parsed)).toEqual({ dates: { decided: '2016-12-09' }, items: [{ at: '2016-12-09T10:30:00.000Z' }], n: 3, s: 'x', z: null });
  });
});
