// The open data's periods: a letter's decision year ("2016"), or "undated" for the letters that
// state no decision date. Each period has files of its own (data/<period>/), so a build writes
// again only the periods whose letters changed, and no file grows with the whole corpus.
import type { Determination } from '../schema/index.ts';

/** The period of the letters without a decision date. */
export const UNDATED = 'undated';

export function periodOf(d: Pick<Determination, 'dates'>): string {
  return d.dates.decided?.slice(0, 4) ?? UNDATED;
}

export interface Period<T> {
  period: string;
  /** In the order given. */
  determinations: T[];
}

/** The periods of the determinations, in the order their first letters come (newest first for the corpus's order). */
export function groupByPeriod<T extends Pick<Determination, 'dates'>>(determinations: readonly T[]): Period<T>[] {
  const byPeriod = new Map<string, T[]>();
  for (const d of determinations) {
    const period = periodOf(d);
    const list = byPeriod.get(period);
    if (list) list.push(d);
    else byPeriod.set(period, [d]);
  }
  return [...byPeriod].map(([period, list]) => ({ period, determinations: list }));
}
