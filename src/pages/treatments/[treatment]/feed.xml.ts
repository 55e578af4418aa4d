// /treatments/<slug>/feed.xml: the newest determinations with an item of this type (Atom).
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../data/feed-response.ts';
import { loadCorpus } from '../../../data/corpus.ts';
import { newestDeterminations, type FeedPick } from '../../../lib/feeds/newest-determinations.ts';
import { listFeedPath, treatmentPath } from '../../../lib/paths/routes.ts';
import type { TreatmentRow } from '../../../lib/catalogue/treatment-rows.ts';

export const getStaticPaths = (async () => {
  const { treatments, items, keys } = await loadCorpus();
  // One pass over the items (a filter per type went over every item some sixty times).
  const rowsByType = Map.groupBy(items, (r) => r.item.treatmentType);
  // Every treatment type has a feed, one without items too: a user can follow it before its first letter.
  return treatments.map((treatment) => {
    const picks = newestDeterminations(rowsByType.get(treatment.slug) ?? []);
    return { params: { treatment: treatment.slug }, props: { treatment, picks }, cacheKey: keys.of(picks.map((p) => p.id)) };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ treatment: TreatmentRow; picks: FeedPick[] }> = ({ props: { treatment, picks } }) =>
  feedResponse({
    page: treatmentPath(treatment.slug),
    self: listFeedPath(treatmentPath(treatment.slug)),
    title: treatment.label,
    subtitle: `Newest IMR determinations with a disputed item classified as ${treatment.label}.`,
    picks,
  });
