// Dates as the letters print them: "11/09/2016" in headers, "10-13-16" or "04/01/2009" in prose.
import { group } from './match-group.ts';

const US_DATE = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/;

/** "11/09/2016" -> "2016-11-09"; undefined when it is not a real calendar date. */
export function toIsoDate(raw: string): string | undefined {
  const m = US_DATE.exec(raw.trim());
  if (!m) return undefined;
  const [month, day, yearText] = [Number(group(m, 1)), Number(group(m, 2)), group(m, 3)];
  let year = Number(yearText);
  if (yearText.length === 2) year += year < 50 ? 2000 : 1900;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}
