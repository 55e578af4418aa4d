// Reads the two-column header table of the 2016–17 letters (shown above parseHeader).
// "Application Received:" is wrapped over two lines with its value on the first, so labels are
// found by their first word and the value is whatever follows on that line.
import { toIsoDate } from './parse-dates.ts';

export interface Header {
  caseNumber?: string;
  assigned?: string;
  decided?: string;
  injury?: string;
  urDenial?: string;
  applicationReceived?: string;
  priority?: 'standard' | 'expedited';
}

const CASE_NUMBER = /Case\s+Number:\s*(CM\d{2}-\d{7})/i;
// Label, then its value up to the next run of 2+ spaces (the column gap) or the line end.
const DATE_FIELDS: Array<[keyof Header, RegExp]> = [
  ['assigned', /Date\s+Assigned:\s*(\S+)/i],
  ['decided', /(?:Decision\s+Date|^\s*Dated):\s*(\S+)/im],
  ['injury', /Date\s+of\s+Injury:\s*(\S+)/i],
  ['urDenial', /(?:UR\s+Denial\s+Date|Date\s+of\s+UR\s+Decision):\s*(\S+)/i],
  ['applicationReceived', /Application(?:\s+Received:)?\s+(\d{1,2}\/\d{1,2}\/\d{2,4})/i],
];
// The value up to the column gap or the line end; empty when the label has none.
const PRIORITY = /Priority:[ \t]*(\S*)/i;

// The table:
//
//   Case Number:          CM16-0213037
//   Date Assigned:        11/09/2016                      Date of Injury:      10/13/2016
//   Decision Date:        12/09/2016                      UR Denial Date:      11/03/2016
//   Priority:             Standard                        Application          11/03/2016
//                                                         Received:
/** Reads header fields from the lines before the first section heading. Absent fields stay undefined. */
export function parseHeader(lines: string[]): { header: Header; problems: string[] } {
  const text = lines.join('\n');
  const header: Header = {};
  const problems: string[] = [];
  header.caseNumber = CASE_NUMBER.exec(text)?.[1]?.toUpperCase();
  for (const [key, pattern] of DATE_FIELDS) {
    const raw = pattern.exec(text)?.[1];
    if (raw === undefined) continue;
    const iso = toIsoDate(raw);
    if (iso) (header as Record<string, string>)[key] = iso;
    else problems.push(`header ${key}: "${raw}" is not a date (expected MM/DD/YYYY)`);
  }
  // A damaged label must not lose a field silently: say what a header table should have had.
  if (!header.caseNumber) problems.push('header: no "Case Number: CMyy-nnnnnnn"; the id falls back to a hash of the text');
  if (!header.decided) problems.push('header: no readable "Decision Date:"; the folder year falls back to the UR denial date');
  const priority = PRIORITY.exec(text)?.[1];
  const known = priority?.toLowerCase();
  if (known === 'standard' || known === 'expedited') header.priority = known;
  else if (priority !== undefined)
    problems.push(`header priority: ${priority ? `"${priority}"` : 'no value'} is not "Standard" or "Expedited"; left out`);
  return { header, problems };
}

/** True when the lines hold a header table: a case number or any of its labels. */
export function hasHeaderTable(lines: string[]): boolean {
  return lines.some((l) => CASE_NUMBER.test(l) || DATE_FIELDS.some(([, label]) => label.test(l)));
}
