// The origin of absolute URLs (Atom feeds, sitemaps, robots.txt, the page URLs in the data files):
// SITE_URL (`SITE_URL=https://imr.example.org npm run build`). The site's sub-path is BASE_PATH,
// not part of SITE_URL. Without SITE_URL a build still makes every file, with the address of
// `npm run serve` as a placeholder, so a local build's feeds and sitemap work locally.

/** Where `npm run serve` serves the site: the origin used when SITE_URL is not set. */
export const PLACEHOLDER_ORIGIN = 'http://localhost:4321';

export interface SiteOrigin {
  /** `https://imr.example.org`: scheme, host and port, no path. */
  origin: string;
  /** True when SITE_URL is not set and the placeholder is used. */
  placeholder: boolean;
}

/** The origin from SITE_URL (an http(s) URL; a path on it is an error: use BASE_PATH). */
export function siteOrigin(siteUrl: string | undefined): SiteOrigin {
  const value = siteUrl?.trim();
  if (!value) return { origin: PLACEHOLDER_ORIGIN, placeholder: true };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`SITE_URL: expected an absolute URL like https://imr.example.org, got "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`SITE_URL: expected an http or https URL, got "${value}"`);
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new Error(
      `SITE_URL: give the origin only (https://${url.host}) and the sub-path as BASE_PATH (BASE_PATH=${url.pathname}), got "${value}"`,
    );
  }
  return { origin: url.origin, placeholder: false };
}

/** The one line a build prints when SITE_URL is not set. */
export function placeholderNotice(): string {
  return `SITE_URL is not set: feeds, sitemaps, robots.txt and the page URLs in the data files use ${PLACEHOLDER_ORIGIN} (npm run serve); set SITE_URL=https://your.host for a deployment`;
}
