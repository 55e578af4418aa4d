// Absolute URLs of a built site (feeds, sitemaps, data files) back to the files they name.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteBuild } from './build-site.ts';

/** The site path of an absolute URL of this site ("/determinations/x/"), or an error when it is not one. */
export function sitePath(site: SiteBuild, url: string): string {
  const parsed = new URL(url);
  const prefix = `${site.origin}${site.base}`;
  if (!url.startsWith(prefix)) throw new Error(`${url} is not under ${prefix}`);
  return `/${decodeURIComponent(parsed.pathname).slice(site.base.length)}`;
}

/** The built file an absolute URL of this site names (index.html for a folder), or undefined. */
export function builtFile(site: SiteBuild, url: string): string | undefined {
  const path = sitePath(site, url);
  const file = join(site.dir, path, path.endsWith('/') ? 'index.html' : '');
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}
