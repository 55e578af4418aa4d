// Real Pagefind searches through its JS API against the built fixture site: results, sub-results
// per item, filters and their counts, the date sort, and what is (not) in the index.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { pagefindOptions } from '../../src/lib/search/pagefind-options.ts';
import { parseSearchState } from '../../src/lib/search/search-state.ts';
import type { PagefindResultData } from '../../src/client/pagefind-api.ts';
import type { ShardedPagefind } from '../../src/client/sharded-pagefind.ts';
import { openPagefind } from '../support/pagefind-client.ts';

const { root, sub } = inject('sites');
let pagefind: ShardedPagefind;
let close: () => Promise<void>;

beforeAll(async () => {
  const opened = await openPagefind(root);
  pagefind = opened.pagefind;
  close = opened.server.close;
});
afterAll(() => close());

async function search(query: string): Promise<PagefindResultData[]> {
  const state = parseSearchState(query);
  const found = await pagefind.search(state.q || null, pagefindOptions(state));
  return Promise.all(found.results.map((r) => r.data()));
}

describe('Pagefind index of the fixture site', () => {
  test('holds every determination page exactly once and nothing else', async () => {
    const all = await search('');
    expect(all.map((d) => d.url).sort()).toEqual(
      ['CM14-0123456', 'CM15-0045678', 'CM16-0100001', 'CM16-0213037', 'CM17-0012345'].map((id) => `/determinations/${id}/`),
    );
  });

  test('finds the 2014 Zynex letter, with a sub-result anchored at its item', async () => {
    const [hit, ...rest] = await search('?q=zynex');
    expect(rest).toHaveLength(0);
    expect(hit?.url).toBe('/determinations/CM14-0123456/');
    expect(hit?.meta.title).toBe('Case CM14-0123456');
    expect(hit?.meta.decided).toBe('October 2, 2014');
    const items = hit?.sub_results.filter((s) => s.anchor?.id === 'item-1') ?? [];
    expect(items).toHaveLength(1);
    expect(items[0]?.url).toBe('/determinations/CM14-0123456/#item-1');
    expect(items[0]?.title).toBe('Item 1: Zynex EMS unit (home use)/purchase for lumbar spine');
    expect(items[0]?.excerpt).toContain('<mark>Zynex</mark>');
  });

  test('gives one sub-result per matching item of a letter with two', async () => {
    const [hit] = await search('?q=mri');
    expect(hit?.url).toBe('/determinations/CM16-0213037/');
    expect(hit?.sub_results.map((s) => s.anchor?.id)).toEqual(['item-1', 'item-2']);
  });

  test('counts filter values per determination', async () => {
    const counts = await pagefind.filters();
    expect(counts.outcome).toEqual({ upheld: 3, overturned: 3 });
    expect(counts.year).toEqual({ '2014': 1, '2015': 1, '2016': 2, '2017': 1 });
    expect(counts.priority).toEqual({ standard: 2, expedited: 1 });
    expect(counts.treatment?.['tens-ems-unit']).toBe(2);
    expect(counts.guideline?.['mtus-chronic-pain-2009']).toBe(4);
    expect(counts.specialty?.['Physical Medicine & Rehabilitation']).toBe(2);
  });

  test('narrows by filters from the URL: any value within a filter, every filter across', async () => {
    expect((await search('?q=zynex&outcome=overturned')).map((d) => d.url)).toEqual([]);
    expect((await search('?q=zynex&outcome=upheld')).map((d) => d.url)).toEqual(['/determinations/CM14-0123456/']);
    expect(await search('?treatment=tens-ems-unit&outcome=upheld&outcome=overturned')).toHaveLength(2);
    expect((await search('?treatment=tens-ems-unit&year=2017')).map((d) => d.url)).toEqual(['/determinations/CM17-0012345/']);
  });

  test('reports the counts left within the current results', async () => {
    const found = await pagefind.search('lumbar', pagefindOptions(parseSearchState('?q=lumbar&outcome=upheld')));
    expect(found.results.length).toBe(2);
    expect(found.filters.year).toEqual({ '2014': 1, '2015': 0, '2016': 0, '2017': 1 });
  });

  test('sorts by decision date, newest or oldest first', async () => {
    const newest = (await search('?outcome=overturned&sort=newest')).map((d) => d.url);
    expect(newest).toEqual(['/determinations/CM17-0012345/', '/determinations/CM16-0100001/', '/determinations/CM15-0045678/']);
    expect((await search('?outcome=overturned&sort=oldest')).map((d) => d.url)).toEqual([...newest].reverse());
  });

  test('leaves out the boilerplate, navigation and labels', async () => {
    // Pagefind's own result text of each page: what excerpts are cut from.
    const pages = (await search('')) as (PagefindResultData & { content: string })[];
    for (const { url, content } of pages) {
      // The fixed "How the IMR final determination was made" paragraph and the site's chrome.
      for (const words of [
        'MAXIMUS Federal Services',
        'affiliation',
        'Skip to main content',
        'California workers’ compensation',
        'Determinations Guidelines',
      ]) {
        expect(content, url).not.toContain(words);
      }
      // Labels that would glue onto the values beside them.
      for (const label of [
        'Claims Administrator guideline',
        'MAXIMUS guideline',
        'Treatment type',
        'Cite as',
        'Reviewer specialty',
        'SHA-256',
        'Upheld',
        'Overturned',
      ]) {
        expect(content, url).not.toContain(label);
      }
    }
    const zynex = pages.find((p) => p.url === '/determinations/CM14-0123456/');
    expect(zynex?.content).toContain(
      'Item 1: Zynex EMS unit (home use)/purchase for lumbar spine. Decision based on MTUS Chronic Pain Medical Treatment Guidelines Page(s): 121.',
    );
  });

  test('indexes a letter’s text as written: straight quotes, hyphens and addresses', async () => {
    const pages = (await search('')) as (PagefindResultData & { content: string })[];
    const page = pages.find((p) => p.url === '/determinations/CM16-0100001/');
    expect(page?.content).toContain(
      `The patient's "pain level" -- 7/10 --- is on file at https://evil.example/x and www.evil.example; ask claims@evil.example.`,
    );
  });

  test('keeps markup from the content as text in excerpts', async () => {
    const [hit] = await search('?q=onerror');
    expect(hit?.url).toBe('/determinations/CM16-0100001/');
    expect(JSON.stringify(hit?.sub_results.map((s) => s.excerpt))).toContain('&lt;img src=x');
  });
});

describe('Pagefind index of the sub-path build', () => {
  test('returns result URLs under the base', async () => {
    const opened = await openPagefind(sub);
    try {
      const found = await opened.pagefind.search('zynex');
      const data = await found.results[0]?.data();
      expect(data?.url).toBe('/imr/determinations/CM14-0123456/');
      expect(data?.sub_results[0]?.url).toBe('/imr/determinations/CM14-0123456/#item-1');
    } finally {
      await opened.server.close();
    }
  });
});
