// Splits the determination pages into search-index shards small enough to index in bounded
// memory (Pagefind holds a whole index in memory while it builds one).
// Shards are runs of whole decision years, oldest first, each at most `maxPages` pages; a year
// larger than that is cut at its months' edges (monthRuns). Cutting only there keeps a
// shard unchanged while letters are added to later dates, so only the newest shards are re-indexed
// (and the newest month is apart, cut at its days' edges when too large; see below).

export interface PageRef {
  /** HTML file relative to the site root ("determinations/CM14-0123456/index.html"). */
  file: string;
  /** Decision date, ISO ("2014-10-02"); "0000-00-00" when the letter states none. */
  decided: string;
}

export interface PlannedShard {
  /** "2014" for one year, "2013-2019" for a run of years, "2021-01_04", "2021-05" or "2021-06.1"
   *  for parts of a year too large for one shard (monthRuns), "2026-10" for the newest month,
   *  "2026-10-01_12" or "2026-10-13.1" for parts of it (dayRuns), "2026-10.newest" for its newest letters. */
  id: string;
  /** Its pages by decision date, then file. */
  pages: PageRef[];
}

/**
 * Most pages of the shard a search opens first (the newest letters; src/lib/search/staged-shards.ts):
 * the first results' bytes follow its size, and a month at the archive's pace holds thousands.
 */
export const NEWEST_SHARD_PAGES = 200;

const yearOf = (p: PageRef) => (p.decided.startsWith('0000') ? 'undated' : p.decided.slice(0, 4));
const monthOf = (p: PageRef) => p.decided.slice(0, 7);
const dayOf = (p: PageRef) => p.decided;

/** Sorted pages in groups of one `key` each, in order. */
function groupsBy(pages: readonly PageRef[], key: (p: PageRef) => string): PlannedShard[] {
  const groups: PlannedShard[] = [];
  for (const page of pages) {
    const id = key(page);
    if (groups.at(-1)?.id !== id) groups.push({ id, pages: [] });
    groups.at(-1)!.pages.push(page);
  }
  return groups;
}

/** Pages cut into as few runs of equal size as keep each within `maxPages` ("2021-03.1"). */
function equalRuns({ id, pages }: PlannedShard, maxPages: number): PlannedShard[] {
  const parts = Math.ceil(pages.length / maxPages);
  return Array.from({ length: parts }, (_, i) => ({
    id: `${id}.${i + 1}`,
    pages: pages.slice(Math.floor((i * pages.length) / parts), Math.floor(((i + 1) * pages.length) / parts)),
  }));
}

/**
 * Groups as shards, in order: a group larger than `maxPages` cut by `cut`, the others joined
 * while they fit one shard (a run of several named by `name`), a run closed before a group that
 * `apart` says starts anew.
 */
function joinGroups(
  groups: readonly PlannedShard[],
  maxPages: number,
  name: (first: string, last: string) => string,
  cut: (group: PlannedShard) => PlannedShard[],
  apart: (group: PlannedShard) => boolean = () => false,
): PlannedShard[] {
  const shards: PlannedShard[] = [];
  let run: PlannedShard[] = [];
  let size = 0;
  const close = () => {
    if (run.length > 0)
      shards.push({ id: run.length === 1 ? run[0]!.id : name(run[0]!.id, run.at(-1)!.id), pages: run.flatMap((g) => g.pages) });
    run = [];
    size = 0;
  };
  for (const group of groups) {
    if (apart(group)) close();
    if (group.pages.length > maxPages) {
      close();
      shards.push(...cut(group));
      continue;
    }
    if (size + group.pages.length > maxPages) close();
    run.push(group);
    size += group.pages.length;
  }
  close();
  return shards;
}

/**
 * A year too large for one shard is cut into its months, months next to each other joined while
 * they fit one shard ("2021-01_04": not "..", which some hosts' filters refuse in a URL), a month
 * still too large into equal runs ("2021-03.1"). Months are fixed edges: once a year is cut, a
 * month joining it changes only its last run, and letters decided late for an earlier month change
 * the runs from its own on, within its year (the update that first takes a year past the limit
 * cuts it anew, once). Until 2026-12-05 a large year was cut into equal runs by date, so every
 * month joining it re-indexed the whole year (about three shards at 100,000 letters, thirty at a
 * million). Quarters as edges kept more shards apart (57 instead of 44 at 100k: two quarters never
 * fit one shard there), and every shard costs the complete answer its metadata's list of chunks.
 */
function monthRuns(year: PlannedShard, maxPages: number): PlannedShard[] {
  return calendarRuns(year, maxPages, monthOf);
}

/**
 * The newest month, when too large for one shard, cut at its days' edges like a year at its months
 * ("2026-11-01_12", a day still too large into equal runs): an update's letters, decided after the
 * others, change only its last run, where equal runs moved every run of the month (at the
 * archive's pace, some 7,000 letters a month at a million letters, three shards re-indexed per update).
 */
function dayRuns(month: PlannedShard, maxPages: number): PlannedShard[] {
  return calendarRuns(month, maxPages, dayOf);
}

/** A group cut at the edges `key` gives, neighbours joined while they fit ("2021-01_04", "2026-11-01_12"), one still too large into equal runs. */
function calendarRuns(group: PlannedShard, maxPages: number, key: (p: PageRef) => string): PlannedShard[] {
  return joinGroups(
    groupsBy(group.pages, key),
    maxPages,
    (first, last) => `${first}_${last.slice(last.lastIndexOf('-') + 1)}`,
    (part) => equalRuns(part, maxPages),
  );
}

export function planShards(pages: readonly PageRef[], maxPages: number): PlannedShard[] {
  if (!Number.isInteger(maxPages) || maxPages < 1) throw new Error(`shard size must be a positive whole number, got ${maxPages}`);
  const sorted = [...pages].sort((a, b) => a.decided.localeCompare(b.decided) || a.file.localeCompare(b.file));
  // Groups of pages cut only at their edges: each decision year, and the latest month apart.
  const groups = groupsBy(sorted, yearOf);
  // Once the corpus needs several shards, the latest month (id "2026-10") is apart: a site update
  // adds letters there, so it re-indexes the month's last run of days, not a year's. (When the
  // next month starts, the month joins its year's shard, which is indexed again once.)
  // Its newest pages beyond NEWEST_SHARD_PAGES are a shard of their own ("2026-10.newest"), the one
  // a search opens first; an update re-indexes it and the run of the month they leave it for.
  const newest = groups.at(-1);
  let latest: PlannedShard | undefined;
  let newestPart: PlannedShard | undefined;
  if (newest && newest.id !== 'undated' && sorted.length > maxPages) {
    const month = monthOf(newest.pages.at(-1)!);
    latest = { id: month, pages: newest.pages.filter((p) => p.decided >= month) };
    newest.pages = newest.pages.filter((p) => p.decided < month);
    if (newest.pages.length === 0) groups.pop();
    const cap = Math.min(NEWEST_SHARD_PAGES, maxPages);
    if (latest.pages.length > cap) {
      newestPart = { id: `${month}.newest`, pages: latest.pages.slice(-cap) };
      latest.pages = latest.pages.slice(0, -cap);
    }
    groups.push(latest);
  }

  const shards = joinGroups(
    groups,
    maxPages,
    (first, last) => `${first}-${last}`,
    // A year by its months, the newest month by its days, undated letters into equal runs.
    (group) =>
      group === latest ? dayRuns(group, maxPages) : group.id === 'undated' ? equalRuns(group, maxPages) : monthRuns(group, maxPages),
    (group) => group === latest,
  );
  if (newestPart) shards.push(newestPart);
  return shards;
}
