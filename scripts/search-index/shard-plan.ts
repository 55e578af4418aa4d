// Splits the determination pages into search-index shards small enough to index in bounded
// memory (Pagefind holds a whole index in memory while it builds one).
// Shards are runs of whole decision years, oldest first, each at most `maxPages` pages; a year
// larger than that is cut at fixed calendar edges (calendarParts). Cutting only there keeps a
// shard unchanged while letters are added to later dates, so only the newest shards are re-indexed
// (and the newest month is a shard of its own; see below).

export interface PageRef {
  /** HTML file relative to the site root ("determinations/CM14-0123456/index.html"). */
  file: string;
  /** Decision date, ISO ("2014-10-02"); "0000-00-00" when the letter states none. */
  decided: string;
}

export interface PlannedShard {
  /** "2014" for one year, "2013-2019" for a run of years, "2021-q1..q2", "2021-03", "2021-03-w2"
   *  or "2021-03-w2.1" for parts of a year too large for one shard (calendarParts), "2026-10" for
   *  the newest month. */
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

/** The calendar edges a period too large for one shard is cut at, each finer than the one before: quarter, month, week of the month (days 1–7 …). */
const FINER: ((decided: string) => string)[] = [
  (d) => `${d.slice(0, 4)}-q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`,
  (d) => d.slice(0, 7),
  (d) => `${d.slice(0, 7)}-w${Math.min(5, Math.floor((Number(d.slice(8, 10)) - 1) / 7) + 1)}`,
];

/**
 * A period's pages (by date) as shards of at most `maxPages`: whole when they fit, else cut at the
 * next finer calendar edge from `level` on (a week still too large into equal runs), and parts
 * next to each other that fit one shard together joined ("2021-q1..q2", "2021-03-w1..w3"). The
 * edges are fixed, so letters added to a later date, or decided late for an earlier one, change
 * only the parts of the period that holds their date: a month joining its year re-indexes its
 * quarter, not the year (at 100,000 letters a year is about four shards, at a million about thirty).
 */
function calendarParts(id: string, pages: PageRef[], maxPages: number, level: number): PlannedShard[] {
  if (pages.length <= maxPages) return [{ id, pages }];
  const cut = FINER[level];
  if (!cut || id === 'undated') {
    const parts = Math.ceil(pages.length / maxPages);
    return Array.from({ length: parts }, (_, i) => ({
      id: `${id}.${i + 1}`,
      pages: pages.slice(Math.floor((i * pages.length) / parts), Math.floor(((i + 1) * pages.length) / parts)),
    }));
  }
  const parts = new Map<string, PageRef[]>();
  for (const page of pages) {
    const key = cut(page.decided);
    const part = parts.get(key);
    if (part) part.push(page);
    else parts.set(key, [page]);
  }
  const shards: PlannedShard[] = [];
  let run: { first: string; last: string; pages: PageRef[] } | undefined;
  const closeRun = () => {
    if (run) shards.push({ id: run.first === run.last ? run.first : `${run.first}..${run.last.slice(id.length + 1)}`, pages: run.pages });
    run = undefined;
  };
  for (const [key, part] of parts) {
    if (part.length > maxPages) {
      closeRun();
      shards.push(...calendarParts(key, part, maxPages, level + 1));
      continue;
    }
    if (run && run.pages.length + part.length > maxPages) closeRun();
    run ??= { first: key, last: key, pages: [] };
    run.last = key;
    run.pages.push(...part);
  }
  closeRun();
  return shards;
}

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
      // The newest month is cut from its weeks on, a year from its quarters.
      shards.push(...calendarParts(group.id, group.pages, maxPages, group === latest ? 2 : 0));
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
