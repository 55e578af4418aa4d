// An item's outcome and guideline lines stand in the frontmatter (what the page shows) and in the
// body (for whoever reads the raw file): `check` refuses a file whose two copies disagree, naming
// the item and the body's line, whichever copy was edited.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkDetermination } from '../../scripts/check/check-determination.ts';

const content = join(import.meta.dirname, '../../content/determinations');
const golden = join(import.meta.dirname, '../fixtures/letters');

/** The problems `check` finds in a sample letter after `edit`. */
function problemsOf(path: string, edit: (text: string) => string): string[] {
  const text = readFileSync(join(content, path), 'utf8');
  const edited = edit(text);
  expect(edited, 'the edit changed nothing').not.toBe(text);
  return checkDetermination(path, edited, {}).problems;
}

/** `text` with the first `from` replaced, which must be there. */
const replaceOnce = (from: string, to: string) => (text: string) => {
  expect(text).toContain(from);
  return text.replace(from, to);
};

const MRI = '2016/CM16-0213037.md';
const SHOULDER = 'Decision based on MTUS Shoulder Complaints 2004, Section(s): Special Studies.';
// Its reviewer line opens with a sentence of its own before the citation; its claims
// administrator cited nothing.
const SILDENAFIL = '2016/CM16-0221706.md';

describe('check holds the body’s outcome and guideline lines to the frontmatter', () => {
  test('finds the two copies agreeing in the 148 sample letters and the golden files', () => {
    const files = [
      ...readdirSync(content, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.md'))
        .map((f) => join(content, f)),
      ...readdirSync(golden, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('expected.md'))
        .map((f) => join(golden, f)),
    ];
    expect(files.length).toBeGreaterThanOrEqual(148 + 33);
    for (const file of files) {
      const problems = checkDetermination('x.md', readFileSync(file, 'utf8'), {}).problems;
      expect(
        problems.filter((p) => p.startsWith('items.')),
        file,
      ).toEqual([]);
    }
  });

  test('refuses a body whose outcome line was edited, naming the item, its heading and the line', () => {
    expect(problemsOf(MRI, replaceOnce('**Upheld.**', '**Overturned.**'))).toEqual([
      'items.0.outcome: the body\'s outcome line under "### Item 1" (line 77) says "Overturned." but the frontmatter says "upheld"',
    ]);
  });

  test('refuses a frontmatter outcome edited alone', () => {
    expect(problemsOf(MRI, replaceOnce('outcome: upheld', 'outcome: overturned'))).toEqual([
      'items.0.outcome: the body\'s outcome line under "### Item 1" (line 77) says "Upheld." but the frontmatter says "overturned"',
    ]);
  });

  test('refuses a guideline line edited in the body, or a citation text edited in the frontmatter, quoting where they part', () => {
    const said = (body: string, frontmatter: string) =>
      `items.0.citations.reviewer: the body's "MAXIMUS guideline:" line under "### Item 1" (line 81) says ${body} but the frontmatter's citations say ${frontmatter}`;
    expect(problemsOf(MRI, replaceOnce(`MAXIMUS guideline: ${SHOULDER}`, 'MAXIMUS guideline: Decision based on ODG Shoulder.'))).toEqual([
      said('"Decision based on ODG Shoulder."', '"Decision based on MTUS Shoulder Complaints 2004, Section(s): Special…"'),
    ]);
    expect(problemsOf(MRI, replaceOnce(`text: "${SHOULDER}"`, `text: "${SHOULDER.replace('2004', '2014')}"`))).toEqual([
      said(
        '"…on MTUS Shoulder Complaints 2004, Section(s): Special Studies."',
        '"…on MTUS Shoulder Complaints 2014, Section(s): Special Studies."',
      ),
    ]);
  });

  test('refuses a line that cites nothing where the frontmatter cites, and a citation the frontmatter lacks', () => {
    expect(
      problemsOf(
        MRI,
        replaceOnce(
          'Claims Administrator guideline: Decision based on MTUS Shoulder Complaints 2004.',
          'Claims Administrator guideline: The Claims Administrator did not cite any medical evidence for its decision.',
        ),
      ),
    ).toEqual([
      'items.0.citations.claimsAdministrator: the body\'s "Claims Administrator guideline:" line under "### Item 1" (line 79) says "The Claims Administrator did not cite any medical …" but the frontmatter\'s citations say "Decision based on MTUS Shoulder Complaints 2004."',
    ]);
    expect(
      problemsOf(
        SILDENAFIL,
        replaceOnce(
          'Claims Administrator guideline: The Claims Administrator did not cite any medical evidence for its decision.',
          'Claims Administrator guideline: Decision based on ODG Pain.',
        ),
      ),
    ).toEqual([
      'items.0.citations.claimsAdministrator: the body\'s "Claims Administrator guideline:" line under "### Item 1" (line 59) says "Decision based on ODG Pain." but the frontmatter\'s citations say nothing',
    ]);
  });

  test('leaves alone what the frontmatter does not hold: the words before the first citation, and a body without the lines', () => {
    expect(problemsOf(SILDENAFIL, replaceOnce('The Expert Reviewer based their decision', 'The reviewer based the decision'))).toEqual([]);
    expect(problemsOf(MRI, replaceOnce('**Upheld.**\n\n', ''))).toEqual([]);
  });
});
