// The Atom feed of a page (home, a treatment type, a guideline): its newest determinations.
import { loadCorpus } from './corpus.ts';
import { atomXml } from '../lib/feeds/atom.ts';
import { determinationEntry } from '../lib/feeds/determination-entry.ts';
import type { FeedPick } from '../lib/feeds/newest-determinations.ts';
import { determinationPath } from '../lib/paths/routes.ts';
import { siteUrl } from '../lib/paths/site-url.ts';
import type { Determination } from '../lib/schema/index.ts';

export interface FeedOptions {
  /** Site path of the page the feed follows. */
  page: string;
  /** Site path of the feed. */
  self: string;
  title: string;
  subtitle: string;
  picks: readonly FeedPick[];
}

/** No entry: a fixed date, so the feed still has the `updated` Atom requires and stays the same. */
const NEVER = '1970-01-01T00:00:00Z';

let determinationsById: Map<string, Determination> | undefined;

export async function feedResponse(options: FeedOptions): Promise<Response> {
  const corpus = await loadCorpus();
  // Once per build, not per feed: a hundred feeds over 100,000 letters.
  const byId = (determinationsById ??= new Map(corpus.determinations.map((d) => [d.id, d])));
  const ctx = { pageUrl: (id: string) => siteUrl(determinationPath(id)), treatmentLabel: corpus.treatmentLabel };
  const entries = options.picks.map((pick) => determinationEntry(byId.get(pick.id)!, pick, ctx));
  const xml = atomXml({
    self: siteUrl(options.self),
    page: siteUrl(options.page),
    title: `${options.title} · IMR Determinations`,
    subtitle: options.subtitle,
    author: 'IMR Determinations',
    updated: entries[0]?.updated ?? NEVER,
    entries,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
