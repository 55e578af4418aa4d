// /guidelines/<slug>/feed.xml: the newest determinations with an item citing this guideline (Atom).
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../data/feed-response.ts';
import { loadCorpus } from '../../../data/corpus.ts';
import { shortName, titleName } from '../../../lib/catalogue/guideline-names.ts';
import type { GuidelineEntry } from '../../../lib/catalogue/index-guidelines.ts';
import { newestDeterminations, type FeedPick } from '../../../lib/feeds/newest-determinations.ts';
import { guidelinePath, listFeedPath } from '../../../lib/paths/routes.ts';

export const getStaticPaths = (async () => {
  const { guidelineIndex, keys } = await loadCorpus();
  // Every guideline has a feed, one without items too: a user can follow it before its first letter.
  return guidelineIndex.map((entry) => {
    const picks = newestDeterminations(entry.items);
    return { params: { guideline: entry.slug }, props: { entry, picks }, cacheKey: keys.of(picks.map((p) => p.id)) };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: GuidelineEntry; picks: FeedPick[] }> = ({ props: { entry, picks } }) =>
  feedResponse({
    page: guidelinePath(entry.slug),
    self: listFeedPath(guidelinePath(entry.slug)),
    title: shortName(entry),
    subtitle: `Newest IMR determinations with a disputed item citing ${titleName(entry)}.`,
    picks,
  });
