import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { SITEMAP_URL_LIMIT, sitemapIndexXml, sitemapRuns, sitemapXml } from '../../src/lib/sitemaps/sitemap-xml.ts';

const parser = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });

describe('sitemaps', () => {
  test('split 120,001 URLs into files of at most 50,000, in order', () => {
    const urls = Array.from({ length: 120_001 }, (_, i) => `https://imr.example.org/determinations/CM18-${String(i).padStart(7, '0')}/`);
    const runs = sitemapRuns(urls);
    expect(SITEMAP_URL_LIMIT).toBe(50_000);
    expect(runs.map((r) => r.length)).toEqual([50_000, 50_000, 20_001]);
    expect(runs.flat()).toEqual(urls);
  });

  test('write a urlset and an index that parse back to their URLs, escaped', () => {
    const urls = ['https://imr.example.org/', 'https://imr.example.org/search/?q=a&b=<c>'];
    const set = sitemapXml(urls);
    expect(XMLValidator.validate(set)).toBe(true);
    expect((parser.parse(set).urlset.url as { loc: string }[]).map((u) => u.loc)).toEqual(urls);
    const index = sitemapIndexXml(['https://imr.example.org/sitemap-0.xml']);
    expect(XMLValidator.validate(index)).toBe(true);
    expect(parser.parse(index).sitemapindex.sitemap).toEqual([{ loc: 'https://imr.example.org/sitemap-0.xml' }]);
  });
});
