import type { Determination } from '../schema/determination.ts';

/**
 * The folder year of a determination: its decision year, else (letters without a header page)
 * the year of the UR denial it reviews, else "undated". The importer, `check` and the site agree on it.
 */
export function determinationYear(d: Pick<Determination, 'dates'>): string {
  const date = d.dates.decided ?? d.dates.urDenial ?? d.dates.applicationReceived ?? d.dates.assigned;
  return date ? date.slice(0, 4) : 'undated';
}
