// /feed.xml: the newest determinations of the whole corpus (Atom).
import type { APIRoute } from 'astro';
import { feedResponse } from '../data/feed-response.ts';
import { loadCorpus } from '../data/corpus.ts';
import { newestDeterminations } from '../lib/feeds/newest-determinations.ts';
import { FEED, HOME } from '../lib/paths/routes.ts';

export const GET: APIRoute = async () => {
  const { items } = await loadCorpus();
  return feedResponse({
    page: HOME,
    self: FEED,
    title: 'Newest determinations',
    subtitle: 'California workers’ compensation Independent Medical Review final determinations, newest decision first.',
    picks: newestDeterminations(items),
  });
};
