import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { hasAttribute, tagAttributes } from '../../scripts/lib/html-tags.ts';
import { checkFeedLinks, checkLinks } from '../../scripts/dev/link-check.ts';

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'imr-links-'));
  for (const [path, html] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

describe('checkLinks', () => {
  test('accepts links to files, to directories with index.html, and to ids that exist', async () => {
    const dir = site({
      'index.html':
        '<a href="/a/">a</a><a href="/a/#x">x</a><link href="/s.css"><a href="a/">relative</a><a href="#top">top</a><p id="top"></p>',
      'a/index.html': '<h2 id="x">x</h2><a href="../">up</a>',
      's.css': '',
    });
    expect(await checkLinks(dir, '/')).toEqual({ pages: 2, links: 6, broken: [] });
  });

  test('reports a missing file, a missing id and a link outside the base, naming the page', async () => {
    const dir = site({ 'index.html': '<a href="/imr/nope/">n</a><a href="/imr/#gone">g</a><img src="/logo.png">' });
    const { broken } = await checkLinks(dir, '/imr/');
    expect(broken).toEqual([
      { page: 'index.html', link: '/imr/nope/', reason: 'no such file' },
      { page: 'index.html', link: '/imr/#gone', reason: 'no id="gone" on the target page' },
      { page: 'index.html', link: '/logo.png', reason: 'outside the base /imr/' },
    ]);
  });

  test('ignores other sites and non-web schemes', async () => {
    const dir = site({ 'index.html': '<a href="https://example.com/x">e</a><a href="mailto:a@b.c">m</a><a href="//cdn.example/x">c</a>' });
    expect(await checkLinks(dir, '/')).toEqual({ pages: 1, links: 0, broken: [] });
  });
});

describe('checkFeedLinks', () => {
  test('checks the URLs of feeds, sitemaps and robots.txt against the origin and the files of the build', async () => {
    const dir = site({
      'imr/index.html': '',
      'imr/a/index.html': '<h3 id="item-1"></h3>',
      'imr/feed.xml':
        '<feed><link rel="self" href="https://x.org/imr/feed.xml"/><entry><link href="https://x.org/imr/a/#item-1"/></entry><entry><link href="https://x.org/imr/a/#item-2"/></entry></feed>',
      'imr/sitemap-index.xml': '<sitemapindex><sitemap><loc>https://x.org/imr/sitemap-0.xml</loc></sitemap></sitemapindex>',
      'imr/sitemap-0.xml':
        '<urlset><url><loc>https://x.org/imr/</loc></url><url><loc>https://y.org/imr/a/</loc></url><url><loc>https://x.org/imr/gone/</loc></url></urlset>',
      'imr/robots.txt': 'User-agent: *\nSitemap: https://x.org/imr/sitemap-index.xml\n',
    });
    const report = await checkFeedLinks(join(dir, 'imr'), '/imr/', 'https://x.org');
    expect(report).toEqual({
      pages: 4,
      links: 8,
      broken: expect.arrayContaining([
        { page: 'feed.xml', link: 'https://x.org/imr/a/#item-2', reason: 'no id="item-2" on the target page' },
        {
          page: 'sitemap-0.xml',
          link: 'https://y.org/imr/a/',
          reason: "not on the site's origin https://x.org (SITE_URL as for the build)",
        },
        { page: 'sitemap-0.xml', link: 'https://x.org/imr/gone/', reason: 'no such file' },
      ]),
    });
    expect(report.broken).toHaveLength(3);
  });
});

describe('tagAttributes', () => {
  test('reads attributes of tags only, not text that looks like one, even past a ">" in a quoted value', () => {
    const html = '<meta content="a <b> c" href="/in-tag"><p>&lt;a href="/in-text"&gt; and href="/bare"</p><a href="/real">r</a>';
    expect(tagAttributes(html, /\shref="([^"]*)"/g)).toEqual(['/in-tag', '/real']);
  });
});

describe('hasAttribute', () => {
  test('finds an attribute by name on a tag, with or without a value', () => {
    expect(hasAttribute('<main><article class="d" data-pagefind-body data-x="1">', 'data-pagefind-body')).toBe(true);
    expect(hasAttribute('<div data-pagefind-body="">', 'data-pagefind-body')).toBe(true);
  });

  test('ignores the name in text and inside another attribute’s value', () => {
    const list =
      '<meta name="description" content="Request: data-pagefind-body x"><td>data-pagefind-body test &lt;p data-pagefind-body&gt;</td>';
    expect(hasAttribute(list, 'data-pagefind-body')).toBe(false);
  });
});
