import { absoluteUrl } from './absolute-url.ts';

/** A site path as an absolute URL under the configured `site` (SITE_URL) and `base`, for feeds and data. */
export function siteUrl(path: string): string {
  return absoluteUrl(import.meta.env.SITE ?? '', import.meta.env.BASE_URL, path);
}
