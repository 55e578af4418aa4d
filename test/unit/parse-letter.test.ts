import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseLetter, ParseError } from '../../scripts/import/parse-letter.ts';

const letters = join(import.meta.dirname, '../fixtures/letters');
const read = (name: string) => readFileSync(join(letters, name), 'utf8');
const eightItems = read('CM16-0238035-txt/CM16-0238035.txt');
const fragment = read('2014-fragment/000_106e9026968353b5.txt');
const pdftotext21 = readFileSync(join(import.meta.dirname, '../fixtures/pdf/CM16-0248698.txt'), 'utf8');

function reasonOf(text: string): string {
  try {
    parseLetter(text);
  } catch (error) {
    if (error instanceof ParseError) return error.reason;
    throw error;
  }
  return 'parsed';
}

describe('parseLetter on real letters', () => {
  test('keeps every disputed item when a letter has 21, in letter order', () => {
    const letter = parseLetter(pdftotext21);
    expect(letter.items).toHaveLength(21);
    expect(letter.items[0]?.request).toBe('X-rays lumbar spine');
    expect(letter.items[7]?.request).toBe('NCV bilateral lower extremities QTY: 2');
    expect(letter.items[20]?.request).toBe('Dicopanol (unknown quantity)');
  });

  test('reads the header table, including the label wrapped over two lines', () => {
    const { header, reviewer, format } = parseLetter(pdftotext21);
    expect(format).toBe('imr-2016');
    expect(header).toEqual({
      caseNumber: 'CM16-0248698',
      assigned: '2017-01-04',
      injury: '2016-10-26',
      decided: '2017-02-02',
      urDenial: '2016-12-23',
      applicationReceived: '2016-12-28',
      priority: 'standard',
    });
    expect(reviewer).toEqual({ licensedIn: ['Texas', 'New York'], specialties: ['Physical Medicine & Rehabilitation', 'Sports Medicine'] });
  });

  test('reads a modified request as original, authorized and the remaining portion decided', () => {
    const item = parseLetter(pdftotext21).items[2];
    expect(item?.request).toBe('Acupuncture 12 sessions');
    expect(item?.modified).toEqual({ originalRequest: 'Acupuncture 18 sessions', authorized: 'Acupuncture 6 sessions' });
    // The title followed the previous rationale with no blank line: that rationale keeps its last sentence.
    expect(parseLetter(pdftotext21).items[1]?.rationale.at(-1)).toMatch(/is not medically necessary\.$/);
  });

  test('joins an item title that a page break splits', () => {
    const letter = parseLetter(read('CM16-0231706-txt/CM16-0231706.txt'));
    expect(letter.items[0]?.request).toBe('Chiropractic physiotherapy treatment 6 visits');
    expect(letter.items[0]?.modified?.originalRequest).toBe(
      'Chiropractic physiotherapy treatment 12 visits for the cervical spine and back followed by re-examination',
    );
  });

  test('keeps a guideline field whole across a page break', async () => {
    const { extractPdfText } = await import('../../scripts/import/extract-text.ts');
    const pdf = join(letters, 'CM16-0245128-pdf/CM16-0245128.pdf');
    const letter = parseLetter(await extractPdfText(readFileSync(pdf), 'CM16-0245128.pdf'));
    expect(letter.items[0]?.claimsAdministrator).toBe(
      'Decision based on MTUS Neck and Upper Back Complaints 2004, Section(s): Special Studies. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Neck and Upper Back (updated 11/16/16), Magnetic Resonance Imaging (MRI).',
    );
    expect(letter.items[0]?.rationale[0]).not.toContain('Guidelines (ODG)');
  });

  test('reads the 2014 fragment: no header, prose credentials, redactions marked, glued list split', () => {
    const letter = parseLetter(fragment);
    expect(letter.format).toBe('imr-2014');
    expect(letter.header).toEqual({ injury: '2009-04-01', urDenial: '2014-09-04' });
    expect(letter.reviewer).toEqual({
      licensedIn: ['California'],
      specialties: ['Physical Medicine & Rehabilitation', 'Pain Management', 'Interventional Spine'],
    });
    expect(letter.patient).toEqual({ age: 52, sex: 'female' });
    expect(letter.diagnoses).toEqual([
      'Lumbar degenerative disk disease',
      'Lumbar radiculitis',
      'Status post L5-S1 microdiscectomy, 10/04/2013',
      'Depression',
      'Anxiety',
    ]);
    const summary = letter.sections.find((s) => s.heading === 'Clinical case summary')!.paragraphs.join(' ');
    expect(summary).toContain('The listed diagnoses per [redacted] are:');
    expect(summary).toContain('as recommended by [redacted]. Examination');
    expect(letter.items).toHaveLength(1);
    expect(letter.items[0]).toMatchObject({
      request: 'Zynex EMS unit (home use)/purchase for lumbar spine',
      outcome: 'upheld',
      claimsAdministrator: 'Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): 116/127.',
      reviewer:
        'Decision based on MTUS Chronic Pain Treatment Guidelines Guidelines MTUS Neuromuscular electrical stimulation (NMES devices) Page(s): 121.',
    });
  });

  test('gives a PDF and its text dump of the same letter the same words hash', async () => {
    const { extractPdfText } = await import('../../scripts/import/extract-text.ts');
    const pdf = await extractPdfText(
      readFileSync(join(import.meta.dirname, '../fixtures/letters/CM16-0213037-pdf/CM16-0213037.pdf')),
      'CM16-0213037.pdf',
    );
    const txt = readFileSync(join(import.meta.dirname, '../fixtures/pdf/CM16-0213037.txt'), 'utf8');
    expect(parseLetter(pdf).textHash).toBe(parseLetter(txt).textHash);
  });
});

describe('parseLetter on bad input', () => {
  test('skips an empty letter', () => {
    expect(reasonOf('')).toBe('empty letter: no text');
    expect(reasonOf(' \n\f\n ')).toBe('empty letter: no text');
  });

  test('skips text in no known layout, naming the headings it looked for', () => {
    expect(reasonOf('Dear Sir,\nThis is a grocery list.\nEggs: Upheld\n')).toMatch(
      /^unknown letter format: found none of the headings "HOW THE IMR FINAL DETERMINATION WAS MADE"/,
    );
  });

  test('skips a letter cut before its decisions', () => {
    const cut = pdftotext21.slice(0, pdftotext21.indexOf('IMR ISSUES, DECISIONS'));
    expect(reasonOf(cut)).toBe('truncated letter: no "IMR ISSUES, DECISIONS AND RATIONALES" section');
  });

  test('skips a letter cut in the middle of its last rationale', () => {
    const cut = pdftotext21.slice(0, pdftotext21.indexOf('Given the above, the request for Dicopanol') + 30);
    expect(reasonOf(cut)).toMatch(/^truncated letter: the rationale of item 21 ends mid-sentence/);
  });

  test('skips a letter cut right after an item title', () => {
    const cut = pdftotext21.slice(0, pdftotext21.indexOf('Dicopanol (unknown quantity): Upheld') + 40);
    expect(reasonOf(cut)).toBe('truncated or malformed letter: item 21 ("Dicopanol (unknown quantity)") has no reviewer guideline field');
  });
});

describe('parseLetter never crashes', () => {
  const samples = [pdftotext21, fragment, eightItems];
  const outcome = (text: string) => {
    try {
      const letter = parseLetter(text);
      // A parsed letter is whole: every item has a request, an outcome, a reviewer field and a rationale.
      for (const item of letter.items) {
        expect(item.request.length).toBeGreaterThan(0);
        expect(['upheld', 'overturned']).toContain(item.outcome);
        expect(item.reviewer).toBeDefined();
        expect(item.rationale.length).toBeGreaterThan(0);
      }
      return 'parsed';
    } catch (error) {
      expect(error).toBeInstanceOf(ParseError);
      expect((error as ParseError).reason.length).toBeGreaterThan(10);
      return 'skipped';
    }
  };

  test('ends in a parsed letter or a clear skip reason for truncated letters', () => {
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.double({ min: 0, max: 1, noNaN: true }), (text, cut) => {
        outcome(text.slice(0, Math.floor(text.length * cut)));
      }),
      { numRuns: 300 },
    );
  });

  test('ends in a parsed letter or a clear skip reason for letters with shuffled lines', () => {
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), (text, swaps) => {
        const lines = text.split('\n');
        for (const s of swaps) {
          const [a, b] = [s % lines.length, (s * 7919) % lines.length];
          [lines[a], lines[b]] = [lines[b]!, lines[a]!];
        }
        outcome(lines.join('\n'));
      }),
      { numRuns: 200 },
    );
  });

  test('ends in a parsed letter or a clear skip reason for garbage', () => {
    const letterish = fc.constantFrom(
      'CLINICAL CASE SUMMARY',
      'IMR ISSUES, DECISIONS AND RATIONALES',
      'HOW THE IMR FINAL DETERMINATION WAS MADE',
      'MRI: Upheld',
      'X: Overturned',
      'Claims Administrator guideline: ',
      'MAXIMUS guideline: ',
      'Decision rationale: ',
      '\f',
      '',
      'was the original request.',
      'Case Number: CM16-0000001',
      'Decision Date: 13/45/2016',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), letterish), { maxLength: 60 }), (parts) => {
        outcome(parts.join('\n'));
      }),
      { numRuns: 400 },
    );
  });
});

describe('parseLetter stays fast on hostile text', () => {
  const timed = (text: string) => {
    const started = performance.now();
    const result = reasonOf(text);
    return { result, ms: performance.now() - started };
  };

  test('reads a letter with a 400 KB line of spaces and punctuation in well under a second', () => {
    const junk = ' '.repeat(200_000) + ',;:/-('.repeat(30_000) + 'x';
    const { ms } = timed(pdftotext21.replace('Decision rationale: The ACOEM', `Decision rationale: ${junk} The ACOEM`));
    expect(ms).toBeLessThan(1500);
  });

  test('skips a letter whose guideline field is thousands of parentheses, quickly', async () => {
    const { loadCatalogue } = await import('../../src/data/files/load-catalogue.ts');
    const { convertLetter } = await import('../../scripts/import/import-letter.ts');
    const catalogue = loadCatalogue(join(import.meta.dirname, '../../content'));
    const hostile = pdftotext21.replace(
      'MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004, Section(s):',
      `MAXIMUS guideline: Decision based on Non-MTUS Citation ODG ${'('.repeat(4000)}${')'.repeat(4000)} Section(s):`,
    );
    const started = performance.now();
    const result = await convertLetter('hostile.txt', new TextEncoder().encode(hostile), catalogue);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(result).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^malformed letter: a guideline field of item 1 is \d+ characters long/),
    });
  });
});
