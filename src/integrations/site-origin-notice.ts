// The one line a build prints when SITE_URL is not set (src/lib/paths/site-origin.ts).
import type { AstroIntegration } from 'astro';
import { placeholderNotice, type SiteOrigin } from '../lib/paths/site-origin.ts';

export function siteOriginNotice(site: SiteOrigin): AstroIntegration {
  return {
    name: 'imr-site-origin',
    hooks: {
      'astro:build:start': ({ logger }) => {
        if (site.placeholder) logger.warn(placeholderNotice());
      },
    },
  };
}
