// Items in decision order, grouped, with the one question the "earlier determinations" block
// asks of a group: which of its items were decided on or before a date? Each group holds its
// members' positions in ascending order, so that is one binary search, and the newest earlier
// items are the ones just before it. Undated items are left out: they can be neither before nor
// after anything.

/** What the timeline needs of an item. */
export interface TimelineItem {
  determinationId: string;
  number: number;
  /** ISO decision date. */
  decided: string | undefined;
}

export interface Timeline {
  /** Item indices (into the array given) in order: decision date, then determination id, then number. */
  order: Int32Array;
  /** Position in `order` of each item index, -1 for an undated item. */
  position: Int32Array;
  /** Decision date of each position as yyyymmdd. */
  day: Int32Array;
}

/** An ISO date as yyyymmdd, the number the timeline orders days by. */
export const dayOf = (iso: string) => Number(iso.slice(0, 4)) * 10_000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));

export function buildTimeline(items: readonly TimelineItem[]): Timeline {
  const dated: number[] = [];
  items.forEach((it, i) => {
    if (it.decided) dated.push(i);
  });
  dated.sort((a, b) => {
    const x = items[a]!;
    const y = items[b]!;
    if (x.decided !== y.decided) return x.decided! < y.decided! ? -1 : 1;
    if (x.determinationId !== y.determinationId) return x.determinationId < y.determinationId ? -1 : 1;
    return x.number - y.number;
  });
  const order = Int32Array.from(dated);
  const position = new Int32Array(items.length).fill(-1);
  const day = new Int32Array(order.length);
  order.forEach((index, p) => {
    position[index] = p;
    day[p] = dayOf(items[index]!.decided!);
  });
  return { order, position, day };
}

/** Groups of positions by key (an item may be in several groups, or none), each ascending. */
export function groupPositions(timeline: Timeline, keysOf: (index: number) => readonly string[]): Map<string, Int32Array> {
  const lists = new Map<string, number[]>();
  timeline.order.forEach((index, p) => {
    for (const key of keysOf(index)) {
      const list = lists.get(key);
      if (list) list.push(p);
      else lists.set(key, [p]);
    }
  });
  return new Map([...lists].map(([key, list]) => [key, Int32Array.from(list)]));
}

/** How many positions of the group were decided on or before the day (the first that was not). */
export function endOnOrBefore(timeline: Timeline, group: Int32Array, day: number): number {
  let lo = 0;
  let hi = group.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timeline.day[group[mid]!]! <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first position decided on or after the day (every position after it is too). */
export function startOnOrAfter(timeline: Timeline, day: number): number {
  let lo = 0;
  let hi = timeline.day.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timeline.day[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
