// Checks every internal link of a built site: `node --import tsx scripts/dev/link-check.ts [dist] [base]`.
// Each href/src/action in each HTML page that stays on the site must lie under the site's base
// and name a file of the build (a directory counts when it has index.html); a #fragment must name
// an id on the target page. The absolute URLs of the Atom feeds, sitemaps and robots.txt must be
// on the site's origin (SITE_URL) and lead to files of the build too. Prints a summary line for
// each kind and each broken link; exits 1 on any.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tagAttributes } from '../lib/html-tags.ts';
import { normalizeBase } from './serve.ts';
import { siteOrigin } from '../../src/lib/paths/site-origin.ts';

export interface BrokenLink {
  /** The page holding the link, relative to the site folder. */
  page: string;
  /** The link as written. */
  link: string;
  reason: string;
}

export interface LinkReport {
  pages: number;
  links: number;
  broken: BrokenLink[];
}

// Link and id attributes inside a start tag, which Astro double-quotes.
const LINK_ATTR = /\s(?:href|src|action)="([^"]*)"/g;
const ID_ATTR = /\sid="([^"]*)"/g;

const ORIGIN = 'http://site.invalid';

const decodeAttr = (v: string) =>
  v
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Where a link's URL leads in the built site: undefined when to a file of the build (and an id
 * on it, for a #fragment), else the reason it is broken.
 */
function linkResolver(root: string, prefix: string): (url: URL) => Promise<string | undefined> {
  const idsOf = new Map<string, Set<string>>();
  const ids = async (file: string) => {
    let set = idsOf.get(file);
    if (!set) {
      set = new Set(tagAttributes(await readFile(file, 'utf8'), ID_ATTR).map(decodeAttr));
      idsOf.set(file, set);
    }
    return set;
  };
  return async (url) => {
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return 'malformed percent-encoding';
    }
    if (!path.startsWith(prefix)) return `outside the base ${prefix}`;
    const rest = path.slice(prefix.length);
    const target = resolve(root, rest);
    if (target !== root && !target.startsWith(root + sep)) return 'leaves the site folder';
    const candidates = rest === '' || rest.endsWith('/') ? [join(target, 'index.html')] : [target, join(target, 'index.html')];
    let found: string | undefined;
    for (const c of candidates) if (await isFile(c)) found ??= c;
    if (!found) return 'no such file';
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (fragment && found.endsWith('.html') && !(await ids(found)).has(fragment)) return `no id="${fragment}" on the target page`;
    return undefined;
  };
}

export async function checkLinks(siteDir: string, base = '/'): Promise<LinkReport> {
  const root = resolve(siteDir);
  const prefix = normalizeBase(base);
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const pages = entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
  const resolveLink = linkResolver(root, prefix);

  const broken: BrokenLink[] = [];
  let links = 0;
  for (const file of pages) {
    const page = relative(root, file).split(sep).join('/');
    const pageUrl = `${prefix}${page.replace(/(^|\/)index\.html$/, '$1')}`;
    const html = await readFile(file, 'utf8');
    for (const raw of tagAttributes(html, LINK_ATTR)) {
      const link = decodeAttr(raw);
      // Other sites and non-web schemes are not ours to check.
      if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//')) continue;
      links += 1;
      const reason = await resolveLink(new URL(link, `${ORIGIN}${pageUrl}`));
      if (reason) broken.push({ page, link, reason });
    }
  }
  return { pages: pages.length, links, broken };
}

// Absolute URLs in the files written for other programs: <loc> of the sitemaps, href of the Atom
// feeds' <link>s, the Sitemap line of robots.txt.
const XML_URL = /<loc>([^<]*)<\/loc>|<link\s[^>]*?href="([^"]*)"/g;
const ROBOTS_SITEMAP = /^Sitemap:\s*(\S+)/gm;

/**
 * Checks the absolute URLs of the sitemaps, feeds and robots.txt: each must be on the site's
 * `origin` (SITE_URL, or the placeholder a build without it uses) and lead to a file of the build.
 * `pages` in the report counts the files read.
 */
export async function checkFeedLinks(siteDir: string, base = '/', origin = siteOrigin(process.env.SITE_URL).origin): Promise<LinkReport> {
  const root = resolve(siteDir);
  const prefix = normalizeBase(base);
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && (/^(sitemap.*|feed)\.xml$/.test(e.name) || e.name === 'robots.txt'))
    .map((e) => join(e.parentPath, e.name))
    .filter((f) => !relative(root, f).split(sep).includes('pagefind'));
  const resolveLink = linkResolver(root, prefix);
  const broken: BrokenLink[] = [];
  let links = 0;
  for (const file of files) {
    const page = relative(root, file).split(sep).join('/');
    const text = await readFile(file, 'utf8');
    const found = page.endsWith('robots.txt')
      ? [...text.matchAll(ROBOTS_SITEMAP)].map((m) => m[1]!)
      : [...text.matchAll(XML_URL)].map((m) => decodeAttr(m[1] ?? m[2] ?? ''));
    for (const link of found) {
      links += 1;
      let url: URL;
      try {
        url = new URL(link);
      } catch {
        broken.push({ page, link, reason: 'not an absolute URL' });
        continue;
      }
      const reason = url.origin === origin ? await resolveLink(url) : `not on the site's origin ${origin} (SITE_URL as for the build)`;
      if (reason) broken.push({ page, link, reason });
    }
  }
  return { pages: files.length, links, broken };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir = 'dist', base = process.env.BASE_PATH ?? '/'] = process.argv.slice(2);
  const report = await checkLinks(dir, base);
  const feeds = await checkFeedLinks(dir, base);
  for (const b of [...report.broken, ...feeds.broken]) console.error(`${b.page}: ${b.link} (${b.reason})`);
  console.log(`link check: ${report.links} internal links in ${report.pages} pages, ${report.broken.length} broken`);
  console.log(`link check: ${feeds.links} URLs in ${feeds.pages} feeds, sitemaps and robots.txt, ${feeds.broken.length} broken`);
  process.exit(report.broken.length + feeds.broken.length > 0 ? 1 : 0);
}
