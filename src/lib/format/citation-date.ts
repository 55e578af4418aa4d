// Month abbreviations as legal citations print them (Bluebook table T12): four-letter months
// are spelled out and September is "Sept.".
const MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

/** "2016-12-09" -> "Dec. 9, 2016", the date form of a citation line. */
export function citationDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (month === undefined || day === undefined) throw new Error(`not a date of the form 2016-12-09: "${iso}"`);
  return `${MONTHS[month - 1]} ${day}, ${year}`;
}
