// What the open-data writer must know of the whole corpus before it sees any letter: each letter's
// id, period and number of items, and each list file's items as positions in the corpus's items.
// It is all the worker holds of the corpus (the letters themselves come a part at a time:
// src/data/open-data-parts.ts), and all it needs to say which files are kept and which parts of
// the corpus the others need. (The open-data worker runs this file as it stands: erasable
// TypeScript only.)
import { periodOf } from './periods.ts';
import type { OpenDataInput } from './write-open-data.ts';
import type { ItemRef } from '../corpus/flatten-items.ts';
import { listCsvPath, sectionPath, treatmentPath, treatmentRegionPath } from '../paths/routes.ts';

export interface OpenDataOutline {
  /** Each determination's id, newest decision first, as the corpus holds them. */
  ids: string[];
  /** Its period (periods.ts), same order. */
  periods: string[];
  /** Its number of items, same order. */
  itemCounts: Int32Array;
  /** Every list's items.csv, its items as positions in the corpus's items (ascending). */
  lists: OutlineList[];
}

/** A list page's items.csv. */
export interface ListCsv {
  path: string;
  kind: 'treatment' | 'region' | 'section';
  /** Its items, in the file's order. */
  refs: readonly ItemRef[];
}

export interface OutlineList extends Omit<ListCsv, 'refs'> {
  positions: Int32Array;
}

/** The outline of the corpus; throws on a list whose items are not in corpus order (one pass could not write it). */
export function openDataOutline(
  input: Pick<OpenDataInput, 'determinations' | 'items' | 'guidelineIndex' | 'treatmentRegions'>,
): OpenDataOutline {
  const { determinations } = input;
  const itemCounts = new Int32Array(determinations.length);
  const firstItem = new Map<string, number>();
  let total = 0;
  determinations.forEach((d, i) => {
    itemCounts[i] = d.items.length;
    firstItem.set(d.id, total);
    total += d.items.length;
  });
  const lists = listCsvs(input).map(({ path, kind, refs }) => {
    const positions = new Int32Array(refs.length);
    refs.forEach((r, i) => (positions[i] = firstItem.get(r.determinationId)! + r.number - 1));
    for (let i = 1; i < positions.length; i++)
      if (positions[i]! <= positions[i - 1]!) throw new Error(`open data: the items of ${path} are not in the corpus's order`);
    return { path, kind, positions };
  });
  return { ids: determinations.map((d) => d.id), periods: determinations.map(periodOf), itemCounts, lists };
}

/** The items.csv of every treatment type with items, type × region and cited section, with their items. */
export function listCsvs(input: Pick<OpenDataInput, 'items' | 'guidelineIndex' | 'treatmentRegions'>): ListCsv[] {
  const byType = new Map<string, ItemRef[]>();
  for (const ref of input.items) {
    const list = byType.get(ref.item.treatmentType);
    if (list) list.push(ref);
    else byType.set(ref.item.treatmentType, [ref]);
  }
  return [
    ...[...byType].map(([slug, refs]) => ({ path: listCsvPath(treatmentPath(slug)), kind: 'treatment' as const, refs })),
    ...input.treatmentRegions.map((e) => ({
      path: listCsvPath(treatmentRegionPath(e.treatment, e.region)),
      kind: 'region' as const,
      refs: e.items,
    })),
    ...input.guidelineIndex.flatMap((entry) =>
      entry.sections.map((s) => ({ path: listCsvPath(sectionPath(entry.slug, s.key)), kind: 'section' as const, refs: s.items })),
    ),
  ];
}

/** Each period's determinations, as indexes into the outline, in the order the periods first come (newest first). */
export function outlinePeriods(outline: Pick<OpenDataOutline, 'periods'>): { period: string; indexes: number[] }[] {
  const byPeriod = new Map<string, number[]>();
  outline.periods.forEach((period, i) => {
    const list = byPeriod.get(period);
    if (list) list.push(i);
    else byPeriod.set(period, [i]);
  });
  return [...byPeriod].map(([period, indexes]) => ({ period, indexes }));
}

/** Where each determination's items start among the corpus's items, and which determination holds each item. */
export function itemPlaces(itemCounts: Int32Array): { firstItem: Int32Array; owner: Int32Array } {
  const firstItem = new Int32Array(itemCounts.length + 1);
  for (let i = 0; i < itemCounts.length; i++) firstItem[i + 1] = firstItem[i]! + itemCounts[i]!;
  const owner = new Int32Array(firstItem[itemCounts.length]!);
  for (let i = 0; i < itemCounts.length; i++) owner.fill(i, firstItem[i], firstItem[i + 1]);
  return { firstItem, owner };
}

/** A run of a list's items decided in one period: positions `start` to `end` (exclusive) of its items. */
export interface ListSegment {
  period: string;
  start: number;
  end: number;
}

/**
 * A list's items cut into runs of one period each, in the file's order: the unit a rebuild keeps
 * of a list file whose other periods changed (src/data/open-data-files.ts). A list whose periods
 * are not each one run (the corpus's order not by period) is one segment of no period.
 */
export function listSegments(outline: Pick<OpenDataOutline, 'periods'>, positions: Int32Array, owner: Int32Array): ListSegment[] {
  const segments: ListSegment[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < positions.length; i++) {
    const period = outline.periods[owner[positions[i]!]!]!;
    const last = segments.at(-1);
    if (last?.period === period) last.end = i + 1;
    else if (seen.has(period)) return [{ period: '', start: 0, end: positions.length }];
    else {
      seen.add(period);
      segments.push({ period, start: i, end: i + 1 });
    }
  }
  return segments;
}
