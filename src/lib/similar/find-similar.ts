// "Earlier determinations like this one": for every dated item, up to `limit` other items decided
// on or before it, ranked: those citing a reviewer section it cites first, then by the overlap
// of the request's terms, then of the letter's diagnoses, then newest. Never an item of its own
// letter, never a later one, so a page's list never changes when newer letters arrive.
import type { Subject } from './subjects.ts';
import { endOnOrBefore, type Timeline, type TimelineItem } from './timeline.ts';

/** What the ranking reads of an item (see subjects.ts). */
export type SimilarSubject = TimelineItem & Pick<Subject, 'terms' | 'context' | 'typeGroup' | 'sectionGroups'>;

export interface SimilarOptions {
  /** Matches kept per item. */
  limit: number;
  /** Newest earlier items scored per candidate pool (sharing a section; of the type). */
  window: number;
}

export const SIMILAR_DEFAULTS: SimilarOptions = { limit: 5, window: 200 };

/** Strings as sorted numbers, so two items compare in one merge of small integer arrays. */
function interner() {
  const ids = new Map<string, number>();
  return (values: readonly string[]) => Int32Array.from(values.map((t) => ids.get(t) ?? ids.set(t, ids.size).get(t)!)).sort();
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

/** The `limit` best candidates offered so far, best first, in reusable typed arrays. */
class Ranked {
  size = 0;
  readonly position: Int32Array;
  private readonly shares: Uint8Array;
  private readonly request: Float64Array;
  private readonly context: Float64Array;
  constructor(private readonly limit: number) {
    this.position = new Int32Array(limit);
    this.shares = new Uint8Array(limit);
    this.request = new Float64Array(limit);
    this.context = new Float64Array(limit);
  }
  /** Whether a candidate ranks before slot k: shares a section, closer request, closer diagnoses, newer. */
  private before(q: number, shares: number, request: number, context: number, k: number): boolean {
    if (shares !== this.shares[k]) return shares > this.shares[k]!;
    if (request !== this.request[k]) return request > this.request[k]!;
    if (context !== this.context[k]) return context > this.context[k]!;
    return q > this.position[k]!;
  }
  offer(q: number, shares: number, request: number, context: number): void {
    if (this.size === this.limit && !this.before(q, shares, request, context, this.limit - 1)) return;
    let at = Math.min(this.size, this.limit - 1);
    for (; at > 0 && this.before(q, shares, request, context, at - 1); at--) {
      this.position[at] = this.position[at - 1]!;
      this.shares[at] = this.shares[at - 1]!;
      this.request[at] = this.request[at - 1]!;
      this.context[at] = this.context[at - 1]!;
    }
    this.position[at] = q;
    this.shares[at] = shares;
    this.request[at] = request;
    this.context[at] = context;
    this.size = Math.min(this.size + 1, this.limit);
  }
}

/**
 * Per timeline position: its letter, and its request and diagnoses terms as numbers, interned when
 * first compared (a build that ranks only its newest items reads few of the older ones).
 */
function positionData(subjects: readonly SimilarSubject[], timeline: Timeline) {
  const intern = interner();
  const letters = new Map<string, number>();
  const contextOf = new Map<string, Int32Array>();
  // Filled up front, so that setting any position later keeps the arrays' fast elements.
  const terms = new Array<Int32Array | undefined>(timeline.order.length).fill(undefined);
  const context = new Array<Int32Array | undefined>(timeline.order.length).fill(undefined);
  const at = (p: number) => subjects[timeline.order[p]!]!;
  const letterContext = ({ determinationId: id, context: words }: SimilarSubject) =>
    contextOf.get(id) ?? contextOf.set(id, intern(words)).get(id)!;
  return {
    letter: Int32Array.from(timeline.order, (index) => {
      const id = subjects[index]!.determinationId;
      return letters.get(id) ?? letters.set(id, letters.size).get(id)!;
    }),
    terms: (p: number) => (terms[p] ??= intern(at(p).terms)),
    context: (p: number) => (context[p] ??= letterContext(at(p))),
  };
}

// Bounded, never all pairs: candidates are the `window` newest earlier items of the item's
// treatment type whose reviewer cited a section it cites, and only when those are fewer than
// `limit`, the `window` newest earlier items of its treatment type. Work is items × window;
// memory is the items' terms as numbers and `limit` numbers an item.
/**
 * The matches of every subject as subject indices, `limit` slots per subject (best first, -1
 * where there are fewer), given the subjects' timeline and their candidate groups. Only the
 * positions from `from` on are ranked; the slots of the earlier ones are left -1 for the caller.
 */
export function findSimilar(
  subjects: readonly SimilarSubject[],
  timeline: Timeline,
  groups: ReadonlyMap<string, Int32Array>,
  options = SIMILAR_DEFAULTS,
  from = 0,
): Int32Array {
  const { limit, window } = options;
  const data = positionData(subjects, timeline);
  const matches = new Int32Array(subjects.length * limit).fill(-1);
  const seen = new Int32Array(timeline.order.length).fill(-1);
  const best = new Ranked(limit);
  const cursors: number[] = [];

  /**
   * Scores the `window` newest earlier items of the lists (merged, newest first); returns how
   * many. `shares`: whether they share a reviewer section with item p (1 for its section lists;
   * 0 for its type, scanned only when the section lists ran out, so every sharing item is seen).
   */
  const scan = (p: number, lists: Int32Array[], shares: number) => {
    const day = timeline.day[p]!;
    cursors.length = 0;
    for (const list of lists) cursors.push(endOnOrBefore(timeline, list, day) - 1);
    let taken = 0;
    while (taken < window) {
      let from = -1;
      for (let k = 0; k < lists.length; k++)
        if (cursors[k]! >= 0 && (from < 0 || lists[k]![cursors[k]!]! > lists[from]![cursors[from]!]!)) from = k;
      if (from < 0) break;
      const q = lists[from]![cursors[from]!--]!;
      if (seen[q] === p || data.letter[q] === data.letter[p]) continue;
      seen[q] = p;
      taken++;
      best.offer(q, shares, jaccard(data.terms(p), data.terms(q)), jaccard(data.context(p), data.context(q)));
    }
    return taken;
  };

  for (let p = from; p < timeline.order.length; p++) {
    const index = timeline.order[p]!;
    const subject = subjects[index]!;
    best.size = 0;
    const sections = subject.sectionGroups.map((g) => groups.get(g)!);
    // Any candidate sharing a section outranks every other: the type is scanned only when short.
    if (scan(p, sections, 1) < limit) scan(p, [groups.get(subject.typeGroup)!], 0);
    for (let k = 0; k < best.size; k++) matches[index * limit + k] = timeline.order[best.position[k]!]!;
  }
  return matches;
}
