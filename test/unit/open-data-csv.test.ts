// The CSV the site publishes (src/lib/open-data/csv.ts), parsed back as a spreadsheet would read it.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CSV_BOM, csvFile, csvLines, FORMULA_START } from '../../src/lib/open-data/csv.ts';
import { formatBytes } from '../../src/lib/format/format-bytes.ts';
import { readCsv as parseBack } from '../support/read-csv.ts';

describe('CSV files', () => {
  test('keep quotes, commas, line breaks and non-ASCII text in a request whole, one row per item', () => {
    const hostile = [
      ['CM15-0045678', 'Norco 10/325mg #60, "as needed"', 'Item with\na line break\r\nand a CRLF', 'Résumé — “curly” ’quotes’ ½'],
      ['CM16-0100001', 'Physical therapy <script>alert(1)</script> x 12', '', 'a,b;c'],
    ];
    const text = csvFile(['id', 'request', 'note', 'other'], hostile);
    expect(parseBack(text)).toEqual([['id', 'request', 'note', 'other'], ...hostile]);
    // RFC 4180: CRLF after every row, quotes doubled inside a quoted field.
    expect(text).toContain('"Norco 10/325mg #60, ""as needed"""');
    expect(text.endsWith('\r\n')).toBe(true);
  });

  test('store a cell a spreadsheet would run as a formula with a leading apostrophe, numbers untouched', () => {
    const cells = [
      '=cmd()',
      '=HYPERLINK("http://x","y")\nsecond line',
      '+1',
      '-2+3',
      '@SUM(A1)',
      '\tTab',
      '\rCR',
      'plain = text',
      ' =leading space',
    ];
    const back = parseBack(
      csvFile(
        ['cell'],
        cells.map((c) => [c]),
      ),
    );
    expect(back.slice(1).map((r) => r[0])).toEqual([
      `'=cmd()`,
      `'=HYPERLINK("http://x","y")\nsecond line`,
      `'+1`,
      `'-2+3`,
      `'@SUM(A1)`,
      `'\tTab`,
      `'\rCR`,
      'plain = text',
      ' =leading space',
    ]);
    expect(csvLines([[-5, 3]])).toBe('-5,3\r\n');
  });

  test('read back any text as written, formulas apostrophed (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const width = rows[0]!.length;
          const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
          const expected = table.map((r) => r.map((c) => (FORMULA_START.test(c) ? `'${c}` : c)));
          expect(parseBack(csvFile(['a', 'b', 'c', 'd'].slice(0, width), table)).slice(1)).toEqual(expected);
        },
      ),
    );
  });

  test('successive chunks of rows join into one file', () => {
    const text = `${CSV_BOM}${csvLines([['h']])}${csvLines([['a'], ['b,c']])}${csvLines([])}${csvLines([['d']])}`;
    expect(parseBack(text)).toEqual([['h'], ['a'], ['b,c'], ['d']]);
  });
});

describe('formatBytes', () => {
  test('gives sizes in SI units with three figures at most', () => {
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(48_300)).toBe('48 kB');
    expect(formatBytes(1_234)).toBe('1.2 kB');
    expect(formatBytes(12_345_678)).toBe('12 MB');
    expect(formatBytes(2_500_000_000)).toBe('2.5 GB');
  });
});
