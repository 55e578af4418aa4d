import type { Determination } from '../schema/index.ts';

// Month abbreviations as legal citations print them (Bluebook table T12): four-letter months
// are spelled out and September is "Sept.".
const MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

/** "2016-12-09" -> "Dec. 9, 2016", the date form of a citation line. */
export function citationDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (month === undefined || day === undefined) throw new Error(`not a date of the form 2016-12-09: "${iso}"`);
  return `${MONTHS[month - 1]} ${day}, ${year}`;
}

const OUTCOME_WORD = { upheld: 'Upheld', overturned: 'Overturned' } as const;

/**
 * The line a brief or a note can quote for one disputed item:
 * "IMR Final Determination CM16-0213037 (Dec. 9, 2016), item 1: MRI of the right shoulder without contrast — Upheld".
 * A letter without a case number is named by its id; one without a decision date says "undated".
 */
export function citationLine(determination: Pick<Determination, 'id' | 'caseNumber' | 'dates' | 'items'>, itemNumber: number): string {
  const item = determination.items[itemNumber - 1];
  if (!item) throw new RangeError(`${determination.id} has no item ${itemNumber}`);
  const name = determination.caseNumber ?? determination.id;
  const date = determination.dates.decided ? citationDate(determination.dates.decided) : 'undated';
  return `IMR Final Determination ${name} (${date}), item ${itemNumber}: ${item.request} — ${OUTCOME_WORD[item.outcome]}`;
}
