// Items counted by decision year, or by month when their decisions span under three years (a
// handful of yearly bars says little). Every period between the first and the last is listed,
// empty ones too, so the bars keep an even time scale.
import type { Outcome } from '../schema/index.ts';

export interface Period {
  /** "2017" or "2017-02". */
  key: string;
  upheld: number;
  overturned: number;
}

export interface OutcomePeriods {
  unit: 'year' | 'month';
  periods: Period[];
  /** Items without a decision date: in the list, not in the chart. */
  undated: number;
}

/** Longest span, in months, still shown by month. */
const MONTHLY_UP_TO = 36;

type Dated = { decided: string | undefined; item: { outcome: Outcome } };

const monthIndex = (key: string) => Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1;
const monthKey = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

export function outcomePeriods(items: readonly Dated[]): OutcomePeriods {
  const months = new Map<number, Period>();
  let undated = 0;
  // Lists come in date order, so most items share the day before them: their period is looked up
  // once a day (a list's first page renders every time a letter joins it, its whole list counted).
  let day: string | undefined;
  let period: Period | undefined;
  for (const { decided, item } of items) {
    if (!decided) {
      undated++;
      continue;
    }
    if (decided !== day || !period) {
      const m = monthIndex(decided);
      period = months.get(m);
      if (!period) months.set(m, (period = { key: monthKey(m), upheld: 0, overturned: 0 }));
      day = decided;
    }
    period[item.outcome]++;
  }
  if (months.size === 0) return { unit: 'year', periods: [], undated };
  const first = Math.min(...months.keys());
  const last = Math.max(...months.keys());
  if (last - first < MONTHLY_UP_TO) {
    const periods: Period[] = [];
    for (let m = first; m <= last; m++) periods.push(months.get(m) ?? { key: monthKey(m), upheld: 0, overturned: 0 });
    return { unit: 'month', periods, undated };
  }
  const years = new Map<number, Period>();
  for (let y = Math.floor(first / 12); y <= Math.floor(last / 12); y++) years.set(y, { key: String(y), upheld: 0, overturned: 0 });
  for (const [m, p] of months) {
    const year = years.get(Math.floor(m / 12))!;
    year.upheld += p.upheld;
    year.overturned += p.overturned;
  }
  return { unit: 'year', periods: [...years.values()], undated };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2017", or "February 2017" for a month. */
export function periodLabel(key: string): string {
  return key.length === 4 ? key : `${MONTHS[Number(key.slice(5, 7)) - 1]} ${key.slice(0, 4)}`;
}
