// Data integrity (issue 9): a letter the importer cannot read whole is skipped with its reason or
// imported with a warning, never imported with items merged, dropped or cut.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCatalogue } from '../../src/data/files/load-catalogue.ts';
import { convertLetter } from '../../scripts/import/import-letter.ts';
import { decodeLetter } from '../../src/data/files/letter-text.ts';

const fixtures = join(import.meta.dirname, '../fixtures');
const catalogue = loadCatalogue(join(import.meta.dirname, '../../content'));
const twoMris = readFileSync(join(fixtures, 'pdf/CM16-0213037.txt'), 'utf8');
const SHOULDER = 'MRI of the right shoulder without contrast: Upheld';
const NECK = 'MRI of the cervical spine without contrast: Upheld';

async function importText(text: string, name = 'letter.txt') {
  return convertLetter(name, new TextEncoder().encode(text), catalogue);
}

async function skipReason(text: string): Promise<string> {
  const result = await importText(text);
  if (result.ok) throw new Error(`imported ${result.determination.items.length} item(s), expected a skip`);
  return result.reason;
}

describe('an item whose decision line cannot be read', () => {
  test('imports the unchanged letter as two items, each with its own guideline', async () => {
    const result = await importText(twoMris);
    if (!result.ok) throw new Error(result.reason);
    expect(result.determination.items.map((i) => [i.request, i.citations.reviewer.map((c) => c.guideline)])).toEqual([
      ['MRI of the right shoulder without contrast', ['mtus-shoulder-2004']],
      ['MRI of the cervical spine without contrast', ['mtus-neck-upper-back-2004']],
    ]);
  });

  test('skips the letter, quoting the line, when a ";" follows the second decision', async () => {
    expect(await skipReason(twoMris.replace(NECK, `${NECK};`))).toBe(
      'a decision line cannot be read: "MRI of the cervical spine without contrast: Upheld;" (an item\'s title must end in ": Upheld" or ": Overturned")',
    );
  });

  test('skips the letter when the first item is the one whose decision line cannot be read', async () => {
    expect(await skipReason(twoMris.replace(SHOULDER, `${SHOULDER};`))).toMatch(
      /^a decision line cannot be read: "MRI of the right shoulder without contrast: Upheld;"/,
    );
  });

  test('skips the letter when the second title lost its decision, rather than give the first item its guidelines', async () => {
    expect(await skipReason(twoMris.replace(NECK, 'MRI of the cervical spine without contrast'))).toBe(
      'item 1 ("MRI of the right shoulder without contrast") has a second "Claims Administrator guideline:" field: the item after it has no readable decision line (near "MRI of the cervical spine without contrast")',
    );
  });

  test('skips the letter when the first title lost its decision, rather than drop the item', async () => {
    expect(await skipReason(twoMris.replace(SHOULDER, 'MRI of the right shoulder without contrast'))).toBe(
      'text before the first item belongs to no item: "MRI of the right shoulder without contrast Claims Administrator guideline: Decis…" (an item whose decision line cannot be read?)',
    );
  });

  test('keeps text between the intro and the first item, when it holds no item field, with the intro', async () => {
    const result = await importText(twoMris.replace(`${SHOULDER}\n`, `The items are listed in the order of the request.\n\n${SHOULDER}\n`));
    if (!result.ok) throw new Error(result.reason);
    expect(result.markdown).toContain(
      'set forth below:\n\nThe items are listed in the order of the request.\n\n### Item 1: MRI of the right shoulder',
    );
  });

  test('reads a modified-request title glued to a rationale that names the original request too', async () => {
    // CM16-0229336's one item, twice: its rationale restates "... was the original request".
    const letter = readFileSync(join(fixtures, 'pdf/CM16-0229336.txt'), 'utf8');
    const start = letter.indexOf('Acute inpatient rehabilitation physical therapy and occupational therapy 7-10 days for left\nfoot');
    const end = letter.lastIndexOf('is medically necessary.') + 'is medically necessary.'.length;
    const item = letter.slice(start, end);
    const result = await importText(letter.slice(0, end) + '\n' + item + letter.slice(end));
    if (!result.ok) throw new Error(result.reason);
    const [first, second] = result.determination.items;
    expect(second).toEqual(first);
    expect(result.warnings).toEqual([expect.stringMatching(/^item 2 \("Acute inpatient .*"\) repeats item 1 word for word /)]);
    expect(first!.request).toBe(
      'Acute inpatient rehabilitation physical therapy and occupational therapy 7-10 days for left foot fracture',
    );
    expect(result.markdown).toContain('left foot fracture, is medically necessary.\n\n### Item 2:');
  });

  test('keeps a guideline field whole when a title is glued to the rationale right under it', async () => {
    // CM17-0008479's last item, twice: its rationale follows its MAXIMUS field with no blank line.
    const letter = readFileSync(join(fixtures, 'letters/CM17-0008479-txt/CM17-0008479.txt'), 'utf8');
    const start = letter.indexOf('Localized intense neurostimulation therapy [following TPII]: Upheld');
    const end = letter.lastIndexOf('request is not medically necessary.') + 'request is not medically necessary.'.length;
    const result = await importText(letter.slice(0, end) + '\n' + letter.slice(start, end) + letter.slice(end));
    if (!result.ok) throw new Error(result.reason);
    const [first, second] = result.determination.items.slice(-2);
    expect(first!.citations.reviewer).toEqual([
      {
        guideline: 'odg-low-back',
        section: 'Hyperstimulation analgesia',
        text: 'Decision based on Non-MTUS Citation Low Back (Hyperstimulation analgesia).',
      },
    ]);
    expect(second).toEqual(first);
    expect(result.warnings).toEqual([
      expect.stringMatching(/^item \d+ \("Localized intense neurostimulation therapy \[following TPII\]"\) repeats item \d+ /),
    ]);
  });

  test('skips a letter whose title runs on from a rationale paragraph that lacks its full stop, rather than publish a wrong request', async () => {
    const runOn = twoMris.replace(
      'medically necessary.\n\nMRI of the cervical spine',
      'medically necessary.\n\nThe request remains not medically necessary\nMRI of the cervical spine',
    );
    expect(await skipReason(runOn)).toBe(
      'cannot tell where an item\'s title starts: "…quest remains not medically necessary MRI of the cervical spine without contrast" runs on from the text before it (a rationale without its final full stop?)',
    );
  });

  test('skips a MAXIMUS-letterhead letter whose numbered items skip a number', async () => {
    const letterhead = readFileSync(join(fixtures, 'letters/synthetic-maximus-header/synthetic-maximus-header.txt'), 'utf8');
    expect(await skipReason(letterhead.replace('2. Physical therapy', '3. Physical therapy'))).toBe(
      'items numbered 1, 3: expected 1 to 2; an item is missing or its decision line cannot be read',
    );
  });

  test('skips a 2013 notice whose second item line cannot be read, rather than give the first item its guidelines', async () => {
    const notice = readFileSync(join(fixtures, 'letters/synthetic-notice-2013/synthetic-notice-2013.txt'), 'utf8');
    expect(
      await skipReason(
        notice.replace('2. Urine drug screen is medically necessary and appropriate.', '2. Urine drug screen is medically necessary.'),
      ),
    ).toBe(
      'item 1 ("Lidoderm 5% patches #30") has a second "Claims Administrator guideline" field: the item after it has no readable decision line',
    );
  });

  test.each([
    ['U+2028', '\u2028'],
    ['U+2029', '\u2029'],
  ])('reads a title with %s inside it as one title of its own item', async (_name, separator) => {
    for (const mangled of [
      twoMris.replace(NECK, NECK.replace('cervical ', `cervical${separator}`)),
      twoMris.replace(SHOULDER, SHOULDER.replace('right ', `right${separator}`)),
    ]) {
      const result = await importText(mangled);
      if (!result.ok) throw new Error(result.reason);
      expect(result.determination.items.map((i) => [i.request, i.citations.reviewer.map((c) => c.guideline)])).toEqual([
        ['MRI of the right shoulder without contrast', ['mtus-shoulder-2004']],
        ['MRI of the cervical spine without contrast', ['mtus-neck-upper-back-2004']],
      ]);
    }
  });
});

describe('a truncated letter', () => {
  const letters = join(fixtures, 'letters');
  const fragment = readFileSync(join(letters, '2014-fragment/000_106e9026968353b5.txt'), 'utf8');
  const notice = readFileSync(join(letters, 'synthetic-notice-2013/synthetic-notice-2013.txt'), 'utf8');
  const review = readFileSync(join(letters, 'synthetic-medical-professional-review/synthetic-medical-professional-review.txt'), 'utf8');
  const upTo = (text: string, end: string) => text.slice(0, text.indexOf(end) + end.length);

  test('is skipped when a text dump is cut at the end of a sentence in its last rationale', async () => {
    const end = 'There is no\nevidence of any red flag conditions.';
    expect(await skipReason(twoMris.slice(0, twoMris.lastIndexOf(end) + end.length))).toBe(
      'truncated letter: the rationale of item 2 ends without its conclusion (the last sentence, "There is no evidence of any red flag conditions.", states no verdict on medical necessity)',
    );
  });

  test('is skipped when a text dump is cut after a whole item, before the next one', async () => {
    expect(await skipReason(upTo(twoMris, 'determined to be not\nmedically necessary.\n'))).toBe(
      'truncated letter: the text stops inside a page (each page of a PDF text dump ends with a form feed, and the last one has none)',
    );
  });

  test('is skipped when a letter without page breaks is cut at the end of a sentence', async () => {
    expect(await skipReason(upTo(fragment, '"pain and disuse atrophy."'))).toMatch(
      /^truncated letter: the rationale of item 1 ends without its conclusion/,
    );
  });

  test('is skipped when a 2013 notice is cut before an item its "Final Determination" counts', async () => {
    expect(await skipReason(notice.slice(0, notice.indexOf('2. Urine drug screen')))).toBe(
      'truncated or malformed notice: "Final Determination: UPHOLD IN PART" but 1 of 1 item read is upheld',
    );
  });

  test('is skipped when a MEDICAL PROFESSIONAL REVIEW is cut before its closing qualifications', async () => {
    expect(await skipReason(review.slice(0, review.indexOf('MEDICAL REVIEWER QUALIFICATIONS:')))).toBe(
      'truncated letter: no closing "MEDICAL REVIEWER QUALIFICATIONS:" section',
    );
  });

  test('still imports a whole text dump, whose last page ends with a form feed', async () => {
    expect(twoMris.endsWith('\f')).toBe(true);
    expect((await importText(twoMris)).ok).toBe(true);
  });
});

describe('credentials that wrap onto a second line', () => {
  const letter = readFileSync(join(fixtures, 'letters/CM16-0219557-txt/CM16-0219557.txt'), 'utf8');

  test('keeps a specialty whose name is cut by the wrap whole', async () => {
    const wrapped = letter.replace(
      'Certification(s)/Specialty: Preventive Medicine, Occupational Medicine',
      'Certification(s)/Specialty: Preventive Medicine, Occupational\nMedicine',
    );
    const result = await importText(wrapped);
    if (!result.ok) throw new Error(result.reason);
    expect(result.determination.reviewer.specialties).toEqual(['Preventive Medicine', 'Occupational Medicine']);
  });

  test('keeps a wrapped list of states of licensure whole', async () => {
    const line = /State\(s\) of Licensure: (.*)/.exec(letter)![0];
    const result = await importText(letter.replace(line, 'State(s) of Licensure: California, North\nCarolina'));
    if (!result.ok) throw new Error(result.reason);
    expect(result.determination.reviewer.licensedIn).toEqual(['California', 'North Carolina']);
  });
});

describe('a header value that cannot be read', () => {
  test('warns about an unreadable priority, as about an unreadable date', async () => {
    const result = await importText(twoMris.replace('Priority:             Standard', 'Priority:             Urgent  '));
    if (!result.ok) throw new Error(result.reason);
    expect(result.determination.priority).toBeUndefined();
    expect(result.warnings).toEqual(['header priority: "Urgent" is not "Standard" or "Expedited"; left out']);
  });

  test('warns about a priority label with no value', async () => {
    const result = await importText(twoMris.replace(/Priority: +Standard +Application +11\/03\/2016/, 'Priority:'));
    expect(result.ok && result.warnings).toEqual(['header priority: no value is not "Standard" or "Expedited"; left out']);
  });
});

describe('an item that repeats or contradicts itself', () => {
  const neckStart = twoMris.indexOf(NECK);
  const end = twoMris.lastIndexOf('necessary.') + 'necessary.'.length;

  test('imports an item pasted again right after itself, with a warning that names both', async () => {
    const result = await importText(twoMris.slice(0, end) + '\n' + twoMris.slice(neckStart, end) + twoMris.slice(end));
    if (!result.ok) throw new Error(result.reason);
    expect(result.determination.items).toHaveLength(3);
    expect(result.warnings).toEqual([
      'item 3 ("MRI of the cervical spine without contrast") repeats item 2 word for word (request, guideline fields and rationale); check the original for a page the text holds twice',
    ]);
  });

  test('warns about a decision line whose verdict is not the one its rationale concludes, quoting the conclusion', async () => {
    const result = await importText(twoMris.replace(NECK, NECK.replace('Upheld', 'Overturned')));
    if (!result.ok) throw new Error(result.reason);
    expect(result.determination.items[1]!.outcome).toBe('overturned');
    expect(result.warnings).toEqual([
      'item 2 ("MRI of the cervical spine without contrast"): the decision line says Overturned but its rationale concludes "…for an MRI of the cervical spine is determined to be not medically necessary."; check the original',
    ]);
  });

  test('warns about every item when each decision line is turned round, and about none in the letter as it is', async () => {
    const letter = readFileSync(join(fixtures, 'letters/CM16-0246487-txt/CM16-0246487.txt'), 'utf8');
    const whole = await importText(letter);
    if (!whole.ok) throw new Error(whole.reason);
    expect(whole.warnings).toEqual([]);
    const swapped = letter.replace(
      /: (Upheld|Overturned)(?=\s*$)/gm,
      (_, verdict: string) => `: ${verdict === 'Upheld' ? 'Overturned' : 'Upheld'}`,
    );
    const result = await importText(swapped);
    if (!result.ok) throw new Error(result.reason);
    expect(result.warnings.map((w) => w.replace(/ \(".*"\): /, ': '))).toEqual(
      whole.determination.items.map((item, i) =>
        expect.stringMatching(
          new RegExp(`^item ${i + 1}: the decision line says ${item.outcome === 'upheld' ? 'Overturned' : 'Upheld'} but`),
        ),
      ),
    );
  });
});

describe('what the importer writes', () => {
  test('never a date the calendar lacks: a header date of February 30 is left out with a warning', async () => {
    const result = await importText(twoMris.replace('Decision Date:        12/09/2016', 'Decision Date:        02/30/2016'));
    if (!result.ok) throw new Error(result.reason);
    expect(result.determination.dates.decided).toBeUndefined();
    expect(result.warnings[0]).toBe('header decided: "02/30/2016" is not a date (expected MM/DD/YYYY)');
  });

  test('the same letter from a text dump saved with a byte-order mark, in a file check and the build read as written', async () => {
    const plain = await importText(twoMris);
    const marked = await importText(`\uFEFF${twoMris}`);
    if (!plain.ok || !marked.ok) throw new Error('skipped');
    expect(marked.markdown.replace(/sha256: \w+/, '')).toBe(plain.markdown.replace(/sha256: \w+/, ''));
    expect(decodeLetter(new TextEncoder().encode(marked.markdown))).toBe(marked.markdown);
    expect(marked.markdown.startsWith('---\n')).toBe(true);
  });
});
