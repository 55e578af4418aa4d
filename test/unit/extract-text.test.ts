import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ExtractError, extractPdfText } from '../../scripts/import/extract-text.ts';

// Damaged and odd PDFs live here with the `pdftotext -layout` text of each real letter; the real
// letters' PDFs themselves are stored once, as golden-letter inputs (letters/<id>-pdf/<id>.pdf).
const fixtures = fileURLToPath(new URL('../fixtures/pdf/', import.meta.url));
const letterPdfs = fileURLToPath(new URL('../fixtures/letters/', import.meta.url));
const readFixture = (name: string): Uint8Array => new Uint8Array(readFileSync(fixtures + name));
const readLetterPdf = (id: string): Uint8Array => new Uint8Array(readFileSync(`${letterPdfs}${id}-pdf/${id}.pdf`));

// Real letters (with their `pdftotext -layout` text beside them): CM16-0213037 is the
// plain 2-item case, CM16-0248698 the longest (21 items), CM16-0229336 a modified request,
// CM16-0247274 has double blank lines, CM17-0002551 a redaction gap inside a body line,
// CM16-0231745 an item title opening a page.
const letters = ['CM16-0213037', 'CM16-0248698', 'CM16-0229336', 'CM16-0247274', 'CM17-0002551', 'CM16-0231745'];

/** Space-normalised lines; blank lines dropped unless asked for. */
function normalise(text: string, { keepBlank = false } = {}): string[] {
  const lines = text.split('\n').map((line) => line.replaceAll('\f', '').replace(/ +/g, ' ').trim());
  return keepBlank ? lines : lines.filter((line) => line !== '');
}

const HEADING = 'HOW THE IMR FINAL DETERMINATION WAS MADE';
const headerLines = (lines: string[]): string[] => lines.slice(0, lines.indexOf(HEADING) + 1);
const keyLines = (lines: string[]): string[] =>
  lines.filter((line) => /^(.*): (Upheld|Overturned)$/.test(line) || /^(Claims Administrator|MAXIMUS) guideline:/.test(line));

const extracted = new Map<string, string>();
const poppler = new Map<string, string>();

beforeAll(async () => {
  for (const id of letters) {
    extracted.set(id, await extractPdfText(readLetterPdf(id), `${id}.pdf`));
    poppler.set(id, readFileSync(`${fixtures}${id}.txt`, 'utf8'));
  }
});

describe.each(letters)('extractPdfText on letter %s', (id) => {
  const ours = () => extracted.get(id) ?? '';
  const theirs = () => poppler.get(id) ?? '';

  it('gives the same header lines as pdftotext once spaces are normalised', () => {
    const expected = headerLines(normalise(theirs()));
    expect(expected.length).toBeGreaterThan(5);
    expect(headerLines(normalise(ours()))).toEqual(expected);
  });

  it('gives the same decision and guideline lines as pdftotext', () => {
    const expected = keyLines(normalise(theirs()));
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(keyLines(normalise(ours()))).toEqual(expected);
  });

  it('matches pdftotext line for line, blank lines included, once spaces are normalised', () => {
    expect(normalise(ours(), { keepBlank: true })).toEqual(normalise(theirs(), { keepBlank: true }));
  });

  it('ends every page with a form feed, as many pages as pdftotext', () => {
    expect(ours().endsWith('\n\f')).toBe(true);
    expect(ours().split('\f').length).toBe(theirs().split('\f').length);
  });

  it('keeps both header columns on one row, separated by two or more spaces', () => {
    const lines = ours().split('\n');
    const row = (label: string) => lines.find((line) => line.startsWith(label)) ?? '';
    expect(row('Case Number:')).toMatch(/^Case Number: {2,}CM\d{2}-\d{7}$/);
    expect(row('Date Assigned:')).toMatch(/^Date Assigned: {2,}\d\d\/\d\d\/\d{4} {2,}Date of Injury: {2,}\d\d\/\d\d\/\d{4}$/);
    expect(row('Decision Date:')).toMatch(/^Decision Date: {2,}\d\d\/\d\d\/\d{4} {2,}UR Denial Date: {2,}\d\d\/\d\d\/\d{4}$/);
    expect(row('Priority:')).toMatch(/^Priority: {2,}\w+ {2,}Application {2,}\d\d\/\d\d\/\d{4}$/);
    // The wrapped label's second half sits alone on the next line, indented under "Application".
    const priority = lines.indexOf(row('Priority:'));
    expect(lines[priority + 1]).toMatch(/^ {20,}Received:$/);
    expect(lines[priority + 1]?.indexOf('Received:')).toBe(row('Priority:').indexOf('Application'));
  });

  it('puts each centred section heading on its own indented line', () => {
    const lines = ours()
      .split('\n')
      .map((line) => line.replaceAll('\f', ''));
    for (const heading of [HEADING, 'CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES']) {
      expect(lines.find((line) => line.trim() === heading)).toMatch(/^ {10,}\S/);
    }
  });
});

describe('extractPdfText on any letter', () => {
  it("returns page text only, never the document's metadata", async () => {
    // Read the Info dictionary here only to prove it is absent from the output; never print it.
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: readLetterPdf('CM16-0213037'), verbosity: 0, isEvalSupported: false }).promise;
    const { info } = await doc.getMetadata();
    await doc.destroy();
    const values = ['Author', 'Creator', 'Producer', 'Title', 'Subject']
      .map((key) => (info as Record<string, unknown>)[key])
      .filter((value): value is string => typeof value === 'string' && value.trim().length >= 4);
    expect(values.length).toBeGreaterThan(0);
    const text = extracted.get('CM16-0213037') ?? '';
    expect(text.startsWith('Case Number:')).toBe(true);
    expect(values.filter((value) => text.includes(value.trim())).length).toBe(0);
  });

  it("accepts a Node Buffer and leaves the caller's bytes untouched", async () => {
    const buffer = readFileSync(`${letterPdfs}CM16-0213037-pdf/CM16-0213037.pdf`);
    const before = Buffer.from(buffer);
    const text = await extractPdfText(buffer, 'CM16-0213037.pdf');
    expect(text).toBe(extracted.get('CM16-0213037'));
    expect(buffer.equals(before)).toBe(true);
  });

  it('gives the same text when letters are extracted concurrently', async () => {
    const texts = await Promise.all(letters.map((id) => extractPdfText(readLetterPdf(id), `${id}.pdf`)));
    expect(texts).toEqual(letters.map((id) => extracted.get(id)));
  });
});

describe('extractPdfText on bad input', () => {
  const cases = [
    ['a text file renamed .pdf', 'not-a-pdf.pdf', 'not a PDF file: no %PDF header'],
    ['an empty 0-byte file', 'empty.pdf', 'not a PDF file: empty file (0 bytes)'],
    ['a truncated PDF (first 2 KB of a letter)', 'truncated.pdf', 'not a PDF file: invalid or truncated PDF structure'],
    ['a PDF that needs a user password', 'user-password.pdf', 'encrypted PDF (needs a password)'],
    ['a PDF whose page has no text layer', 'no-text.pdf', 'no text in PDF (scanned image or empty)'],
  ] as const;

  it.each(cases)('rejects %s with an ExtractError giving a printable reason', async (_what, file, reason) => {
    const error = await extractPdfText(readFixture(file), file).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(ExtractError);
    expect(error).toMatchObject({ reason, fileName: file, message: `${file}: ${reason}` });
  });
});
