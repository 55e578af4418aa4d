// Splits the determination pages into search-index shards small enough to index in bounded
// memory (Pagefind holds a whole index in memory while it builds one).
// Shards are runs of whole decision years, oldest first, each at most `maxPages` pages; a year
// larger than that is cut into equal runs by date. Cutting only at year boundaries keeps a shard
// unchanged while letters are added to later years, so only the newest shards are re-indexed (and
// the newest month is a shard of its own; see below).

export interface PageRef {
  /** HTML file relative to the site root ("determinations/CM14-0123456/index.html"). */
  file: string;
  /** Decision date, ISO ("2014-10-02"); "0000-00-00" when the letter states none. */
  decided: string;
}

export interface PlannedShard {
  /** "2014" for one year, "2013-2019" for a run of years, "2021.1" for the first part of a split
   *  year, "2026-10" for the newest month. */
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

export function planShards(pages: readonly PageRef[], maxPages: number): PlannedShard[] {
  if (!Number.isInteger(maxPages) || maxPages < 1) throw new Error(`shard size must be a positive whole number, got ${maxPages}`);
  const sorted = [...pages].sort((a, b) => a.decided.localeCompare(b.decided) || a.file.localeCompare(b.file));
  // Groups of pages cut only at their edges: each decision year, and the latest month apart.
  const groups: { id: string; pages: PageRef[] }[] = [];
  for (const page of sorted) {
    const year = yearOf(page);
    if (groups.at(-1)?.id !== year) groups.push({ id: year, pages: [] });
    groups.at(-1)!.pages.push(page);
  }

  // Once the corpus needs several shards, the latest month (id "2026-10") is a shard of its own:
  // a site update adds letters there, so it re-indexes one month's pages, not a year's. (When the
  // next month starts, the month joins its year's shard, which is indexed again once.)
  // Its newest pages beyond NEWEST_SHARD_PAGES are a shard of their own ("2026-10.newest"), the one
  // a search opens first; the month is re-indexed as a whole on an update either way.
  const newest = groups.at(-1);
  let latest: (typeof groups)[number] | undefined;
  let newestPart: PlannedShard | undefined;
  if (newest && newest.id !== 'undated' && sorted.length > maxPages) {
    const month = newest.pages.at(-1)!.decided.slice(0, 7);
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

  const shards: PlannedShard[] = [];
  let run: { ids: string[]; pages: PageRef[] } | undefined;
  const closeRun = () => {
    if (run) shards.push({ id: run.ids.length === 1 ? run.ids[0]! : `${run.ids[0]}-${run.ids.at(-1)}`, pages: run.pages });
    run = undefined;
  };
  for (const group of groups) {
    if (group === latest) closeRun();
    if (group.pages.length > maxPages) {
      closeRun();
      const parts = Math.ceil(group.pages.length / maxPages);
      for (let i = 0; i < parts; i++) {
        const pagesOfPart = group.pages.slice(
          Math.floor((i * group.pages.length) / parts),
          Math.floor(((i + 1) * group.pages.length) / parts),
        );
        shards.push({ id: `${group.id}.${i + 1}`, pages: pagesOfPart });
      }
      continue;
    }
    if (run && run.pages.length + group.pages.length > maxPages) closeRun();
    run ??= { ids: [], pages: [] };
    run.ids.push(group.id);
    run.pages.push(...group.pages);
  }
  closeRun();
  if (newestPart) shards.push(newestPart);
  return shards;
}
