// Reading a built site in tests: pages by URL path, their visible text, their attributes.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tagAttributes } from '../../scripts/lib/html-tags.ts';
import type { SiteBuild } from './build-site.ts';

/** The HTML of the page at a site path ("/determinations/CM16-0213037/"), base not included. */
export function readPage(site: SiteBuild, path: string): string {
  const file = join(site.dir, path.replace(/^\//, ''), path.endsWith('.html') ? '' : 'index.html');
  if (!existsSync(file)) throw new Error(`no page ${path} in ${site.dir}`);
  return readFileSync(file, 'utf8');
}

export function hasPage(site: SiteBuild, path: string): boolean {
  return existsSync(join(site.dir, path.replace(/^\//, ''), 'index.html'));
}

/** What a reader sees: tags, scripts and the head dropped, entities decoded, spaces collapsed. */
export function visibleText(html: string): string {
  return html
    .replace(/<head>[\s\S]*?<\/head>/, ' ')
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every value of one attribute on the page's tags, in order (text that looks like one is skipped). */
export function attributeValues(html: string, name: string): string[] {
  return tagAttributes(html, new RegExp(`\\s${name}="([^"]*)"`, 'g'));
}
