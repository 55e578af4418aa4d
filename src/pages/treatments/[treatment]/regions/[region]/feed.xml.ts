// /treatments/<type>/regions/<region>/feed.xml: the newest determinations with an item of this
// type whose request names this body region (or none) (Atom).
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../../../data/feed-response.ts';
import { loadCorpus } from '../../../../../data/corpus.ts';
import { NO_REGION } from '../../../../../lib/catalogue/index-treatment-regions.ts';
import { newestDeterminations, type FeedPick } from '../../../../../lib/feeds/newest-determinations.ts';
import { listFeedPath, treatmentRegionPath } from '../../../../../lib/paths/routes.ts';

interface Props {
  treatment: string;
  region: string;
  picks: FeedPick[];
}

export const getStaticPaths = (async () => {
  const { treatmentRegions, keys } = await loadCorpus();
  // A list exists only with items (its page is a row of the type's table), so its feed too.
  return treatmentRegions.map(({ treatment, region, items }) => {
    const picks = newestDeterminations(items);
    return { params: { treatment, region }, props: { treatment, region, picks }, cacheKey: keys.of(picks.map((p) => p.id)) };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<Props> = async ({ props: { treatment, region, picks } }) => {
  const { treatmentLabel, regionLabel } = await loadCorpus();
  const type = treatmentLabel(treatment);
  const names = region === NO_REGION ? 'names no body region' : `names the body region ${regionLabel(region)}`;
  return feedResponse({
    page: treatmentRegionPath(treatment, region),
    self: listFeedPath(treatmentRegionPath(treatment, region)),
    title: `${type} · ${regionLabel(region)}`,
    subtitle: `Newest IMR determinations with a disputed item classified as ${type} whose request ${names}.`,
    picks,
  });
};
