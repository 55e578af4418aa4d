// "Before this decision, MRI under MTUS Low Back 2004 › Special Studies: 41 items, 38 upheld,
// 3 overturned": the items of a list (the item's cohort) decided on or before an item's decision,
// less its own letter's. Counted from running totals of each group, so it is one binary search
// per list an item may count, and it depends on earlier letters only.
import { endOnOrBefore, type Timeline, type TimelineItem } from './timeline.ts';
import type { OutcomeCounts } from '../corpus/count-outcomes.ts';
import type { Subject } from './subjects.ts';

export type CohortSubject = TimelineItem & Pick<Subject, 'outcome' | 'cohorts'>;

/** Numbers kept per subject: items, overturned, and which of its cohorts they count. */
export const COUNTS_STRIDE = 3;

/** Running count of overturned items over a group's positions: [0, after 1st, after 2nd, ...]. */
function runningOverturned(subjects: readonly CohortSubject[], timeline: Timeline, group: Int32Array): Int32Array {
  const running = new Int32Array(group.length + 1);
  group.forEach((q, k) => (running[k + 1] = running[k]! + (subjects[timeline.order[q]!]!.outcome === 'overturned' ? 1 : 0)));
  return running;
}

/**
 * Each subject's figure as of its decision: of its cohorts (a reviewer citing three sections has
 * three), the one with the most items decided on or before it, the first of equals. Three numbers
 * a subject: items, overturned, the cohort's index (0, 0, 0 when undated, and for the positions
 * before `from`, which are left to the caller).
 */
export function cohortCounts(
  subjects: readonly CohortSubject[],
  timeline: Timeline,
  groups: ReadonlyMap<string, Int32Array>,
  from = 0,
): Int32Array {
  const running = new Map<string, Int32Array>();
  const result = new Int32Array(subjects.length * COUNTS_STRIDE);
  for (let p = from; p < timeline.order.length; p++) {
    const index = timeline.order[p]!;
    const subject = subjects[index]!;
    const day = timeline.day[p]!;
    subject.cohorts.forEach((cohort, choice) => {
      const group = groups.get(cohort);
      if (!group) return;
      let totals = running.get(cohort);
      if (!totals) running.set(cohort, (totals = runningOverturned(subjects, timeline, group)));
      const end = endOnOrBefore(timeline, group, day);
      let total = end;
      let overturned = totals[end]!;
      // The letter's own items are among the last of that day: they are not "before" it.
      for (let k = end - 1; k >= 0 && timeline.day[group[k]!] === day; k--) {
        const other = subjects[timeline.order[group[k]!]!]!;
        if (other.determinationId !== subject.determinationId) continue;
        total--;
        if (other.outcome === 'overturned') overturned--;
      }
      if (choice > 0 && total <= result[index * COUNTS_STRIDE]!) return;
      result[index * COUNTS_STRIDE] = total;
      result[index * COUNTS_STRIDE + 1] = overturned;
      result[index * COUNTS_STRIDE + 2] = choice;
    });
  }
  return result;
}

/** The counts of subject `index` from cohortCounts' numbers. */
export function countsAt(counts: Int32Array, index: number): OutcomeCounts {
  const total = counts[index * COUNTS_STRIDE] ?? 0;
  const overturned = counts[index * COUNTS_STRIDE + 1] ?? 0;
  return { total, upheld: total - overturned, overturned };
}

/** Which of subject `index`'s cohorts its counts are of. */
export const cohortChoice = (counts: Int32Array, index: number): number => counts[index * COUNTS_STRIDE + 2] ?? 0;
