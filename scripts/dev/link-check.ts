// Checks every internal link of a built site: `node --import tsx scripts/dev/link-check.ts [dist] [base]`.
// Each href/src/action in each HTML page that stays on the site must lie under the site's base
// and name a file of the build (a directory counts when it has index.html); a #fragment must name
// an id on the target page. Prints one summary line and each broken link; exits 1 on any.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tagAttributes } from '../lib/html-tags.ts';
import { normalizeBase } from './serve.ts';

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
  v.replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export async function checkLinks(siteDir: string, base = '/'): Promise<LinkReport> {
  const root = resolve(siteDir);
  const prefix = normalizeBase(base);
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const pages = entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
  const idsOf = new Map<string, Set<string>>();
  const ids = async (file: string) => {
    let set = idsOf.get(file);
    if (!set) {
      set = new Set(tagAttributes(await readFile(file, 'utf8'), ID_ATTR).map(decodeAttr));
      idsOf.set(file, set);
    }
    return set;
  };

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
      const url = new URL(link, `${ORIGIN}${pageUrl}`);
      let path: string;
      try {
        path = decodeURIComponent(url.pathname);
      } catch {
        broken.push({ page, link, reason: 'malformed percent-encoding' });
        continue;
      }
      if (!path.startsWith(prefix)) {
        broken.push({ page, link, reason: `outside the base ${prefix}` });
        continue;
      }
      const rest = path.slice(prefix.length);
      const target = resolve(root, rest);
      if (target !== root && !target.startsWith(root + sep)) {
        broken.push({ page, link, reason: 'leaves the site folder' });
        continue;
      }
      const candidates = rest === '' || rest.endsWith('/') ? [join(target, 'index.html')] : [target, join(target, 'index.html')];
      let found: string | undefined;
      for (const c of candidates) if (await isFile(c)) (found ??= c);
      if (!found) {
        broken.push({ page, link, reason: 'no such file' });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && found.endsWith('.html') && !(await ids(found)).has(fragment)) {
        broken.push({ page, link, reason: `no id="${fragment}" on the target page` });
      }
    }
  }
  return { pages: pages.length, links, broken };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir = 'dist', base = process.env.BASE_PATH ?? '/'] = process.argv.slice(2);
  const report = await checkLinks(dir, base);
  for (const b of report.broken) console.error(`${b.page}: ${b.link} (${b.reason})`);
  console.log(`link check: ${report.links} internal links in ${report.pages} pages, ${report.broken.length} broken`);
  process.exit(report.broken.length > 0 ? 1 : 0);
}
