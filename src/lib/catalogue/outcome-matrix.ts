import type { TreatmentGuidelineEntry } from './index-treatment-guidelines.ts';
import type { TreatmentRow } from './treatment-rows.ts';

export interface OutcomeMatrix {
  /** Guideline slugs of the columns: the ones reviewers cite most, most cited first. */
  columns: string[];
  /** Treatment types with items, in taxonomy order, each with its cells by column. */
  rows: { treatment: TreatmentRow; cells: (TreatmentGuidelineEntry | undefined)[] }[];
}

/**
 * The /outcomes/ table: treatment types × the `columns` guidelines reviewers cite most (by items,
 * ties by slug). A cell is the type × guideline list, so its counts are that list's.
 */
export function outcomeMatrix(
  treatments: readonly TreatmentRow[],
  entries: readonly TreatmentGuidelineEntry[],
  columns: number,
): OutcomeMatrix {
  const cited = new Map<string, number>();
  for (const e of entries) cited.set(e.guideline, (cited.get(e.guideline) ?? 0) + e.items.length);
  const top = [...cited]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, columns)
    .map(([slug]) => slug);
  const cell = new Map(entries.map((e) => [`${e.treatment} ${e.guideline}`, e]));
  return {
    columns: top,
    rows: treatments
      .filter((t) => t.counts.total > 0)
      .map((treatment) => ({ treatment, cells: top.map((g) => cell.get(`${treatment.slug} ${g}`)) })),
  };
}
