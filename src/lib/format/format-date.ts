const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "2016-12-09" -> "December 9, 2016". Read as a calendar date, never through `Date`, so no
 * time zone can move it a day.
 */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (month === undefined || day === undefined) throw new Error(`not a date of the form 2016-12-09: "${iso}"`);
  return `${MONTHS[month - 1]} ${day}, ${year}`;
}
