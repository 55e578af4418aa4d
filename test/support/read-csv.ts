// Reads a CSV file the way a strict RFC 4180 reader does (csv-parse, a library apart from the Papa
// Parse that writes it): a byte-order mark first, CRLF between rows, every row as wide as the header.
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';

export const BOM = '\uFEFF';

/** The rows of a CSV text, header first. */
export function readCsv(text: string): string[][] {
  expect(text.startsWith(BOM), 'a CSV file starts with a byte-order mark').toBe(true);
  return parse(text.slice(BOM.length), {
    record_delimiter: '\r\n',
    relax_column_count: false,
    relax_quotes: false,
    skip_empty_lines: false,
  }) as string[][];
}

/** The rows as objects keyed by the header's column names. */
export function readCsvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = readCsv(text);
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]!])));
}
