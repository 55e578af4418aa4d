// Atom feeds, sitemaps and robots.txt of both fixture builds, read back with a real XML parser:
// absolute URLs on the build's origin and base (SITE_URL for the sub-path build, the placeholder
// for the root build), and every URL in them a built page.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, inject, test } from 'vitest';
import { FEED_SIZE } from '../../src/lib/feeds/newest-determinations.ts';
import type { SiteBuild } from '../support/build-site.ts';
import { readPage, visibleText } from '../support/site-files.ts';
import { builtFile, sitePath } from '../support/url-files.ts';

const { root, sub } = inject('sites');
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['entry', 'link', 'url', 'sitemap'].includes(name),
});

interface Feed {
  id: string;
  link: { rel: string; href: string }[];
  updated: string;
  entry?: { id: string; title: string; updated: string; summary: string; link: { href: string }[] }[];
}

function readXml(site: SiteBuild, path: string): Record<string, unknown> {
  const xml = readFileSync(join(site.dir, path), 'utf8');
  expect(XMLValidator.validate(xml), path).toBe(true);
  return parser.parse(xml) as Record<string, unknown>;
}
const readFeed = (site: SiteBuild, path: string) => readXml(site, path).feed as Feed;
const feedFiles = (site: SiteBuild) => readdirSync(site.dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('feed.xml'));

describe.each([
  ['root', root],
  ['sub-path', sub],
])('feeds of the %s build', (_name, site) => {
  test('the site feed holds the newest determinations, newest first, each entry a built page', () => {
    const feed = readFeed(site, 'feed.xml');
    expect(feed.id).toBe(`${site.origin}${site.base}feed.xml`);
    expect(feed.link).toEqual([
      { rel: 'self', type: 'application/atom+xml', href: `${site.origin}${site.base}feed.xml` },
      { rel: 'alternate', type: 'text/html', href: `${site.origin}${site.base}` },
    ]);
    const entries = feed.entry ?? [];
    expect(entries.length).toBe(Math.min(FEED_SIZE, site === root ? 5 : 115));
    expect(entries.map((e) => e.updated)).toEqual([...entries.map((e) => e.updated)].sort().reverse());
    expect(feed.updated).toBe(entries[0]!.updated);
  });

  test('every feed is well-formed Atom whose links all lead to built pages', () => {
    const files = feedFiles(site);
    expect(files.length).toBeGreaterThan(5);
    for (const path of files) {
      const feed = readFeed(site, path);
      expect(sitePath(site, feed.id), path).toBe(`/${path}`);
      for (const link of [...feed.link, ...(feed.entry ?? []).flatMap((e) => e.link)])
        expect(builtFile(site, link.href), `${path}: ${link.href}`).toBeDefined();
      for (const e of feed.entry ?? []) expect(e.id).toBe(e.link[0]!.href);
    }
  });

  test('every treatment type and guideline has a feed, one without determinations yet too', () => {
    const lists = (dir: string) =>
      readdirSync(join(site.dir, dir), { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => `${dir}/${e.name}`);
    const empty: string[] = [];
    for (const list of [...lists('treatments'), ...lists('guidelines')]) {
      const feed = readFeed(site, `${list}/feed.xml`);
      if ((feed.entry ?? []).length > 0) continue;
      empty.push(list);
      // Atom requires <updated>: a fixed date, so the empty feed stays byte for byte the same.
      expect(feed.updated, list).toBe('1970-01-01T00:00:00Z');
      expect(readPage(site, `/${list}/`), list).toContain(`<a class="feed-link" href="${site.base}${list}/feed.xml"`);
    }
    // The fixture catalogue has types and guidelines no fixture letter cites.
    expect(empty.length).toBeGreaterThan(0);
  });

  test('pages name their feed in <head> and show a Follow (Atom) link to it', () => {
    for (const [page, feed] of [
      ['/', 'feed.xml'],
      ['/determinations/', 'feed.xml'],
      ['/treatments/mri/', 'treatments/mri/feed.xml'],
      ['/treatments/mri/regions/shoulder/', 'treatments/mri/regions/shoulder/feed.xml'],
      ['/guidelines/mtus-chronic-pain-2009/', 'guidelines/mtus-chronic-pain-2009/feed.xml'],
    ] as const) {
      const html = readPage(site, page);
      const head = html.slice(0, html.indexOf('</head>'));
      expect(head, page).toMatch(
        new RegExp(`<link rel="alternate" type="application/atom\\+xml" title="[^"]+" href="${site.base}${feed}">`),
      );
      expect(html, page).toContain(`<a class="feed-link" href="${site.base}${feed}" type="application/atom+xml"`);
      expect(visibleText(html), page).toContain('Follow (Atom)');
    }
  });
});

describe('feed content', () => {
  test('a treatment type’s feed holds only determinations with an item of that type, naming those items', () => {
    const feed = readFeed(root, 'treatments/tens-ems-unit/feed.xml');
    expect((feed.entry ?? []).map((e) => e.title)).toEqual([
      'CM17-0012345: TENS unit rental for 30 days',
      'CM14-0123456: Zynex EMS unit (home use)/purchase for lumbar spine',
    ]);
    expect(feed.entry![1]!.summary).toBe('Item 1, TENS / EMS units: Zynex EMS unit (home use)/purchase for lumbar spine — upheld.');
    expect(feed.entry![1]!.updated).toBe('2014-10-02T00:00:00Z');
  });
});

describe.each([
  ['root', root],
  ['sub-path', sub],
])('sitemaps and robots.txt of the %s build', (_name, site) => {
  test('the sitemap index names sitemaps that list every page once, within the 50,000 URLs of a file', () => {
    const index = readXml(site, 'sitemap-index.xml').sitemapindex as { sitemap: { loc: string }[] };
    const urls: string[] = [];
    for (const { loc } of index.sitemap) {
      const file = builtFile(site, loc);
      expect(file, loc).toBeDefined();
      const set = readXml(site, sitePath(site, loc).slice(1)).urlset as { url: { loc: string }[] };
      expect(set.url.length).toBeLessThanOrEqual(50_000);
      urls.push(...set.url.map((u) => u.loc));
    }
    const pages = readdirSync(site.dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('index.html'))
      .map((f) => `${site.origin}${site.base}${f.replace(/index\.html$/, '')}`);
    expect([...urls].sort()).toEqual([...pages].sort());
    for (const url of urls) expect(builtFile(site, url), url).toMatch(/index\.html$/);
  });

  test('robots.txt names the sitemap index and keeps crawlers out of search queries only', () => {
    expect(readFileSync(join(site.dir, 'robots.txt'), 'utf8')).toBe(
      `User-agent: *\nDisallow: ${site.base}search/?\n\nSitemap: ${site.origin}${site.base}sitemap-index.xml\n`,
    );
  });
});
