// CSV as the site publishes it (the data files, the list downloads and the search page's download):
// RFC 4180 through Papa Parse (fields with a comma, quote or line break quoted, quotes doubled),
// CRLF line ends, UTF-8 with a byte-order mark so a spreadsheet reads the accents and dashes
// right when the file is opened as is. A cell a spreadsheet would run as a formula (starting
// with = + - @, tab or carriage return) gets a leading apostrophe: `=cmd()` is stored as `'=cmd()`.
import Papa from 'papaparse';

/** Byte-order mark at the start of every CSV file: Excel reads UTF-8 only with it. */
export const CSV_BOM = '\uFEFF';
/** RFC 4180 line end. */
export const CSV_NEWLINE = '\r\n';
/** The cells a spreadsheet takes for formulas (OWASP's list); numbers are never changed. */
export const FORMULA_START = /^[=+\-@\t\r]/;

export type Cell = string | number;

/** Rows as CSV lines, each ended by CRLF ('' for no rows); join the results of successive calls. */
export function csvLines(rows: readonly (readonly Cell[])[]): string {
  if (rows.length === 0) return '';
  return `${Papa.unparse(rows as Cell[][], { newline: CSV_NEWLINE, escapeFormulae: FORMULA_START, header: false })}${CSV_NEWLINE}`;
}

/** A whole CSV file: BOM, header row, rows. */
export function csvFile(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `${CSV_BOM}${csvLines([header, ...rows])}`;
}
