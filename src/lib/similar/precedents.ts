// The "Earlier determinations like this one" data of every item, computed once a build: the
// ranked earlier items (find-similar.ts) and the cohort figure (cohort-counts.ts). What is kept
// between pages is small (numbers per item); a page asks for its letter and gets the items,
// citations and counts it shows.
import { cohortChoice, cohortCounts, countsAt } from './cohort-counts.ts';
import { findSimilar, SIMILAR_DEFAULTS, type SimilarOptions } from './find-similar.ts';
import { cohortScopes, similarSubjects, type CohortScope } from './subjects.ts';
import { buildTimeline, groupPositions, startOnOrAfter } from './timeline.ts';
import { reviewerBases, targetId } from '../catalogue/reviewer-basis.ts';
import type { SectionTarget } from '../catalogue/citation-targets.ts';
import type { OutcomeCounts } from '../corpus/count-outcomes.ts';
import type { ItemRef } from '../corpus/flatten-items.ts';
import type { Determination, Guideline } from '../schema/index.ts';

/** An earlier item like this one, with the reviewer sections both cite. */
export interface Precedent {
  ref: ItemRef;
  /** Reviewer sections (or pages) this item and the earlier one both cite. */
  shared: SectionTarget[];
  /** The earlier item's reviewer sections, shown when none is shared. */
  targets: SectionTarget[];
  /** The earlier item's reviewer guidelines. */
  guidelines: string[];
}

export type { CohortScope } from './subjects.ts';

export interface ItemPrecedents {
  /** 1-based item number in its letter. */
  number: number;
  /** False when the letter states no decision date: nothing can be called earlier. */
  dated: boolean;
  /** Best first, at most SIMILAR_DEFAULTS.limit. */
  matches: Precedent[];
  /** The list its figure counts: of its cohortScopes (subjects.ts), the one with the most earlier items. */
  cohort: CohortScope;
  /** The cohort's items decided on or before this letter, other letters only (zero when undated). */
  counts: OutcomeCounts;
}

export interface Precedents {
  /** Per item of the letter, in letter order ([] for an unknown id). */
  of(determinationId: string): ItemPrecedents[];
  /**
   * What the letter's block shows besides the letter itself, for its page's cache key: the
   * letters of its earlier items, and its figures as text.
   */
  shownBy(determinationId: string): { ids: string[]; figures: string };
  /** Bytes of the ranking kept for the pages (matches and figures, a few numbers an item). */
  readonly keptBytes: number;
}

/** Per item of the items ranked: its matches (`limit` item indices, best first, -1 where fewer) and its figure (cohort-counts.ts). */
export interface Ranking {
  matches: Int32Array;
  counts: Int32Array;
}

/**
 * The heavy part, in a scope of its own so that nothing but its numbers outlives it. `since`
 * (yyyymmdd): only the items decided on or after it are ranked, the rest left -1 and zeros for
 * the caller to fill (reuse-ranking.ts); every item is still a candidate.
 */
export function rankItems(
  items: readonly ItemRef[],
  determinations: readonly Determination[],
  guidelines: readonly Guideline[],
  options: SimilarOptions = SIMILAR_DEFAULTS,
  since = 0,
): Ranking {
  const subjects = similarSubjects(items, determinations, guidelines);
  const timeline = buildTimeline(subjects);
  const groups = groupPositions(timeline, (i) => subjects[i]!.groups);
  const from = startOnOrAfter(timeline, since);
  return { matches: findSimilar(subjects, timeline, groups, options, from), counts: cohortCounts(subjects, timeline, groups, from) };
}

/** `items`: every item of the corpus, a letter's items together (as flattenItems gives them). */
export function findPrecedents(
  items: readonly ItemRef[],
  determinations: readonly Determination[],
  guidelines: readonly Guideline[],
  options: SimilarOptions = SIMILAR_DEFAULTS,
): Precedents {
  return precedentsOf(items, guidelines, rankItems(items, determinations, guidelines, options), options);
}

/** What the pages read of a ranking of `items` (with the same options). */
export function precedentsOf(
  items: readonly ItemRef[],
  guidelines: readonly Guideline[],
  { matches, counts }: Ranking,
  options: SimilarOptions = SIMILAR_DEFAULTS,
): Precedents {
  const basisOf = reviewerBases(guidelines);
  const first = new Map<string, number>();
  items.forEach((ref, i) => {
    if (!first.has(ref.determinationId)) first.set(ref.determinationId, i);
  });

  const itemsOf = (determinationId: string) => {
    const indices: number[] = [];
    for (let i = first.get(determinationId) ?? items.length; i < items.length && items[i]!.determinationId === determinationId; i++)
      indices.push(i);
    return indices;
  };
  const found = (i: number) => [...matches.subarray(i * options.limit, (i + 1) * options.limit)].filter((m) => m >= 0);
  const precedent = (index: number, mine: Set<string>): Precedent => {
    const ref = items[index]!;
    const basis = basisOf(ref.item);
    return { ref, shared: basis.targets.filter((t) => mine.has(targetId(t))), targets: basis.targets, guidelines: basis.guidelines };
  };
  return {
    keptBytes: matches.byteLength + counts.byteLength,
    of(determinationId) {
      return itemsOf(determinationId).map((i) => {
        const ref = items[i]!;
        const basis = basisOf(ref.item);
        const mine = new Set(basis.targets.map(targetId));
        return {
          number: ref.number,
          dated: ref.decided !== undefined,
          matches: found(i).map((m) => precedent(m, mine)),
          cohort: cohortScopes(ref.item.treatmentType, basis)[cohortChoice(counts, i)]!,
          counts: countsAt(counts, i),
        };
      });
    },
    shownBy(determinationId) {
      const indices = itemsOf(determinationId);
      const ids = indices.flatMap((i) => found(i).map((m) => items[m]!.determinationId));
      const figures = indices
        .map((i) => {
          const { total, overturned } = countsAt(counts, i);
          return `${items[i]!.number}: ${total} ${overturned} ${cohortChoice(counts, i)}`;
        })
        .join('\n');
      return { ids: [...new Set(ids)].sort(), figures };
    },
  };
}
