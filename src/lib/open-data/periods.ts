// The open data's periods: a letter's decision year ("2016"), or "undated" for the letters that
// state no decision date. Each period has files of its own (data/<period>/), so a build writes
// again only the periods whose letters changed, and no file grows with the whole corpus.
import type { Determination } from '../schema/index.ts';

/** The period of the letters without a decision date. */
export const UNDATED = 'undated';

export function periodOf(d: Pick<Determination, 'dates'>): string {
  return d.dates.decided?.slice(0, 4) ?? UNDATED;
}
