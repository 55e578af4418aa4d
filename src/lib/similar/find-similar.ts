// "Earlier determinations like this one": for every dated item, up to `limit` other items decided
// on or before it, ranked: those citing a reviewer section it cites first, then by the overlap
// of the request's terms, then of the letter's diagnoses, then newest. Never an item of its own
// letter, never a later one, so a page's list never changes when newer letters arrive.
//
// Bounded, never all pairs: candidates are the `window` newest earlier items of each section the
// item's reviewer cites (within its treatment type), and only when those are fewer than `limit`,
// the `window` newest earlier items of its treatment type. Work is items × window, memory the
// item terms and `limit` numbers an item.
import { endOnOrBefore, type Timeline, type TimelineItem } from './timeline.ts';

export interface SimilarSubject extends TimelineItem {
  treatmentType: string;
  /** Ids of the reviewer's cited sections (see targetId). */
  targets: readonly string[];
  /** The request's terms (requestTerms). */
  terms: readonly string[];
  /** Terms of the letter's diagnoses: what the case is about beyond the request. */
  context: readonly string[];
}

export interface SimilarOptions {
  /** Matches kept per item. */
  limit: number;
  /** Newest earlier items scored per candidate group. */
  window: number;
}

export const SIMILAR_DEFAULTS: SimilarOptions = { limit: 5, window: 250 };

/** The groups an item is a candidate in: its type, and its type × each reviewer section. */
export const typeGroup = (s: Pick<SimilarSubject, 'treatmentType'>) => `type ${s.treatmentType}`;
export const sectionGroup = (s: Pick<SimilarSubject, 'treatmentType'>, target: string) => `section ${s.treatmentType} ${target}`;

/** Terms as sorted numbers, so two items compare in one merge. */
function internAll(lists: (readonly string[])[]): Int32Array[] {
  const ids = new Map<string, number>();
  return lists.map((terms) => Int32Array.from(terms.map((t) => ids.get(t) ?? ids.set(t, ids.size).get(t)!)).sort());
}

function jaccard(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  const union = a.length + b.length - common;
  return union === 0 ? 0 : common / union;
}

/** A candidate's rank: sharing a section, request overlap, diagnoses overlap, newer (its position). */
interface Rank {
  position: number;
  shares: number;
  request: number;
  context: number;
}

/** True when rank a comes before rank b. */
function before(a: Rank, b: Rank): boolean {
  if (a.shares !== b.shares) return a.shares > b.shares;
  if (a.request !== b.request) return a.request > b.request;
  if (a.context !== b.context) return a.context > b.context;
  return a.position > b.position;
}

/** Keeps the `limit` best ranks offered, best first. */
function offer(best: Rank[], rank: Rank, limit: number): void {
  if (best.length === limit && !before(rank, best[limit - 1]!)) return;
  let at = best.length;
  while (at > 0 && before(rank, best[at - 1]!)) at--;
  best.splice(at, 0, rank);
  if (best.length > limit) best.pop();
}

/**
 * The matches of every subject as subject indices, `limit` slots per subject (best first, -1
 * where there are fewer), given the subjects' timeline and their candidate groups.
 */
export function findSimilar(
  subjects: readonly SimilarSubject[],
  timeline: Timeline,
  groups: ReadonlyMap<string, Int32Array>,
  options = SIMILAR_DEFAULTS,
): Int32Array {
  const { limit, window } = options;
  const terms = internAll(subjects.map((s) => s.terms));
  const context = internAll(subjects.map((s) => s.context));
  const matches = new Int32Array(subjects.length * limit).fill(-1);
  const seen = new Int32Array(timeline.order.length).fill(-1);
  timeline.order.forEach((index, p) => {
    const subject = subjects[index]!;
    const day = timeline.day[p]!;
    const best: Rank[] = [];
    let considered = 0;
    const scan = (groupKey: string) => {
      const group = groups.get(groupKey);
      if (!group) return;
      let taken = 0;
      for (let k = endOnOrBefore(timeline, group, day) - 1; k >= 0 && taken < window; k--) {
        const q = group[k]!;
        const other = subjects[timeline.order[q]!]!;
        if (seen[q] === p || other.determinationId === subject.determinationId) continue;
        seen[q] = p;
        taken++;
        const o = timeline.order[q]!;
        const shares = other.targets.some((t) => subject.targets.includes(t)) ? 1 : 0;
        offer(
          best,
          { position: q, shares, request: jaccard(terms[index]!, terms[o]!), context: jaccard(context[index]!, context[o]!) },
          limit,
        );
      }
      considered += taken;
    };
    for (const target of subject.targets) scan(sectionGroup(subject, target));
    // Any candidate sharing a section outranks every other: the type is scanned only when short.
    if (considered < limit) scan(typeGroup(subject));
    best.forEach((rank, k) => (matches[index * limit + k] = timeline.order[rank.position]!));
  });
  return matches;
}
