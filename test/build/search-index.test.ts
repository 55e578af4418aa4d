// Real Pagefind searches through the search page's own code (src/client/run-search.ts) against the
// built fixture sites: records per letter and per disputed item, item-level filters and their
// counts, the date sort, and what is (not) in the index.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { PagefindResultData } from '../../src/client/pagefind-api.ts';
import type { ResultView } from '../../src/client/result-view.ts';
import { runSearch, type SearchAnswer } from '../../src/client/run-search.ts';
import type { ShardedIndex } from '../../src/client/sharded-index.ts';
import { queryTerms } from '../../src/lib/search/query-terms.ts';
import { queryWords } from '../../src/lib/search/query-words.ts';
import { searchWords } from '../../src/lib/search/search-words.ts';
import { parseSearchState } from '../../src/lib/search/search-state.ts';
import type { SiteBuild } from '../support/build-site.ts';
import { readDeterminations } from '../support/fixture-corpus.ts';
import { openPagefind } from '../support/pagefind-client.ts';
import { hasPage, readPage, visibleText } from '../support/site-files.ts';

const { root, sub, sample } = inject('sites');
const indexes = new Map<SiteBuild, ShardedIndex>();
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  for (const site of [root, sample]) {
    const { index, server } = await openPagefind(site);
    indexes.set(site, index);
    closers.push(server.close);
  }
});
afterAll(async () => {
  for (const close of closers) await close();
});

const answer = (query: string, site = root): Promise<SearchAnswer> => runSearch(indexes.get(site)!, parseSearchState(query));
/** The results of a search as letter URLs, in order. */
const urls = async (query: string, site = root) => {
  const found = await answer(query, site);
  return Promise.all(found.ordered.map(async (m) => (await found.view(m)).url));
};
const views = async (query: string, site = root): Promise<ResultView[]> => {
  const found = await answer(query, site);
  return Promise.all(found.ordered.map((m) => found.view(m)));
};

const NO_NAMES = { synonyms: [], regions: [] };

describe('search index of the fixture site', () => {
  test('holds every determination and every disputed item exactly once', async () => {
    const all = await answer('');
    expect(all.search.items).toBe(7);
    expect((await urls('')).sort()).toEqual(
      ['CM14-0123456', 'CM15-0045678', 'CM16-0100001', 'CM16-0213037', 'CM17-0012345'].map((id) => `/determinations/${id}/`),
    );
    expect(indexes.get(root)!.manifest.shards.map((s) => [s.id, s.pages, s.items])).toEqual([
      ['2014-2015', 2, 2],
      ['2016', 2, 3],
      ['2017-02', 1, 2],
    ]);
  });

  test('finds the 2014 Zynex letter by its item, with the item’s excerpt', async () => {
    const [hit, ...rest] = await views('?q=zynex');
    expect(rest).toHaveLength(0);
    expect(hit?.url).toBe('/determinations/CM14-0123456/');
    expect(hit?.title).toBe('Case CM14-0123456');
    expect(hit?.facts).toBe('October 2, 2014 · Physical Medicine & Rehabilitation · 1 item');
    expect(hit?.items).toHaveLength(1);
    expect(hit?.items[0]?.url).toBe('/determinations/CM14-0123456/#item-1');
    expect(hit?.items[0]?.title).toBe('Item 1: Zynex EMS unit (home use)/purchase for lumbar spine');
    expect(hit?.items[0]?.excerpt).toContain('<mark>Zynex</mark>');
  });

  test('gives each matching item of a letter, and folds the others', async () => {
    const [mri] = await views('?q=mri');
    expect(mri?.url).toBe('/determinations/CM16-0213037/');
    expect(mri?.items.map((i) => i.url.split('#')[1])).toEqual(['item-1', 'item-2']);
    const [brace] = await views('?q=brace');
    expect(brace?.url).toBe('/determinations/CM17-0012345/');
    expect(brace?.items.map((i) => i.title)).toEqual(['Item 2: Lumbar support brace']);
    expect(brace?.others.map((i) => i.title)).toEqual(['Item 1: TENS unit rental for 30 days']);
  });

  test('counts disputed items per filter value', async () => {
    const { counts } = (await answer('')).search;
    expect(counts.outcome).toEqual({ upheld: 4, overturned: 3 });
    expect(counts.year).toEqual({ '2014': 1, '2015': 1, '2016': 3, '2017': 2 });
    expect(counts.priority).toEqual({ standard: 3, expedited: 1 });
    expect(counts.treatment['tens-ems-unit']).toBe(2);
    expect(counts.guideline['mtus-chronic-pain-2009']).toBe(4);
    expect(counts.family).toEqual({ mtus: 6, odg: 1 });
    expect(counts.specialty['Physical Medicine & Rehabilitation']).toBe(3);
  });

  test('narrows by filters from the URL: any value within a filter, every filter across, on the same item', async () => {
    expect(await urls('?q=zynex&outcome=overturned')).toEqual([]);
    expect(await urls('?q=zynex&outcome=upheld')).toEqual(['/determinations/CM14-0123456/']);
    expect(await urls('?treatment=tens-ems-unit&outcome=upheld&outcome=overturned')).toHaveLength(2);
    expect(await urls('?treatment=tens-ems-unit&year=2017')).toEqual(['/determinations/CM17-0012345/']);
    // CM17-0012345 has an upheld item and a TENS item, but its TENS item was overturned.
    expect(await urls('?treatment=tens-ems-unit&outcome=upheld')).toEqual(['/determinations/CM14-0123456/']);
  });

  test('reports the counts left within the current results', async () => {
    const found = await answer('?q=lumbar&outcome=upheld');
    expect(found.search.items).toBe(2);
    expect(found.search.counts.year).toEqual({ '2014': 1, '2017': 1 });
  });

  test('sorts by decision date, newest or oldest first', async () => {
    const newest = await urls('?outcome=overturned&sort=newest');
    expect(newest).toEqual(['/determinations/CM17-0012345/', '/determinations/CM16-0100001/', '/determinations/CM15-0045678/']);
    expect(await urls('?outcome=overturned&sort=oldest')).toEqual([...newest].reverse());
  });

  test('finds every word of every request at its place in the request, as the facet table says, wherever else the item holds it', async () => {
    // The search tells a requested item from a mention by where a one-word quoted search finds
    // the word: Pagefind gives only its first place by weight, and the request's heading has the
    // weight it lists first (scripts/search-index/letter-records.ts). This holds that on the real
    // sample letters.
    const index = indexes.get(sample)!;
    const byId = new Map(readDeterminations(join(sample.corpus, 'determinations')).map((d) => [d.id, d]));
    let checked = 0;
    const off: string[] = [];
    for (const shard of index.loaded()) {
      const table = index.table(shard.id);
      const letters = await index.results(shard.id);
      for (const [letter, row] of table.letters.entries()) {
        const d = byId.get(letters[letter]!.url.split('/').at(-2)!)!;
        for (let n = 1; n <= row.items; n++) {
          const [first, end] = table.fields.request(row.firstItem + n - 1);
          const request = d.items[n - 1]!.request;
          expect(end - first, `${d.id} #${n}`).toBe(request.split(/\s+/).length);
          // Three words of each request, long enough not to be ruled out as stop-worded or split.
          for (const word of searchWords(request)
            .filter((w) => w.length >= 4)
            .slice(0, 3)) {
            const found = await index.match(queryWords(word), queryTerms([word], NO_NAMES));
            const hit = found.hits.get(shard.id)?.get(row.row + n);
            const at = hit?.held[0]?.[0]?.[0];
            if (at === undefined || at < first || at >= end) off.push(`${d.id} #${n} "${word}" at ${at} not in [${first}, ${end})`);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(600);
    expect(off).toEqual([]);
  }, 300_000);

  test('leaves out the boilerplate, navigation and labels of every record', async () => {
    const index = indexes.get(root)!;
    // Every record's text: the letters' own records, and the items' (each begins "Item N:").
    const records: PagefindResultData[] = [];
    for (const shard of index.loaded()) {
      for (let letter = 0; letter < index.table(shard.id).letters.length; letter++) records.push(await index.letterData(shard.id, letter));
    }
    for (const rows of (await index.match(queryWords('item'), queryTerms(['item'], NO_NAMES))).hits.values()) {
      for (const { result } of rows.values()) {
        const data = await result.data();
        if (data.url.includes('#item-')) records.push(data);
      }
    }
    expect(records).toHaveLength(12);
    for (const { url, content } of records as (PagefindResultData & { content: string })[]) {
      for (const words of [
        'MAXIMUS Federal Services',
        'affiliation',
        'Skip to main content',
        'California workers’ compensation',
        'Determinations Guidelines',
      ]) {
        expect(content, url).not.toContain(words);
      }
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
    const zynex = records.find((p) => p.url === '/determinations/CM14-0123456/#item-1') as PagefindResultData & { content: string };
    expect(zynex.content).toContain(
      'Item 1: Zynex EMS unit (home use)/purchase for lumbar spine. Decision based on MTUS Chronic Pain Medical Treatment Guidelines Page(s): 121.',
    );
    const letter = records.find((p) => p.url === '/determinations/CM17-0012345/') as PagefindResultData & { content: string };
    expect(letter.content).toContain('lifting a box');
    expect(letter.content).not.toContain('Lumbar supports have not been shown');
  });

  test('indexes a letter’s text as written: straight quotes, hyphens and addresses', async () => {
    const index = indexes.get(root)!;
    const pages: (PagefindResultData & { content: string })[] = [];
    for (const shard of index.loaded()) {
      for (let letter = 0; letter < index.table(shard.id).letters.length; letter++) {
        pages.push(await index.letterData(shard.id, letter));
      }
    }
    const page = pages.find((p) => p.url === '/determinations/CM16-0100001/');
    expect(page?.content).toContain(
      `The patient's "pain level" -- 7/10 --- is on file at https://evil.example/x and www.evil.example; ask claims@evil.example.`,
    );
  });

  test('shows a letter from its card unless it shows an excerpt of the letter’s own text', async () => {
    const index = indexes.get(root)!;
    // Each card is its letter's record without the text: the same URL and metadata.
    for (const shard of index.loaded()) {
      for (let letter = 0; letter < index.table(shard.id).letters.length; letter++) {
        const { content, ...data } = await index.letterData(shard.id, letter);
        expect(content).not.toBe('');
        expect(await index.letterCard(shard.id, letter)).toEqual(data);
      }
    }
    // The page asks for a card only where the letter's own text does not show.
    const carded: number[] = [];
    const counting: ShardedIndex = { ...index, letterCard: (id, letter) => (carded.push(letter), index.letterCard(id, letter)) };
    const shown = async (query: string) => {
      carded.length = 0;
      const found = await runSearch(counting, parseSearchState(query));
      return { views: await Promise.all(found.ordered.map((m) => found.view(m))), carded: carded.length };
    };
    const byItem = await shown('?q=zynex');
    expect(byItem.carded).toBe(1);
    expect(byItem.views[0]?.facts).toBe('October 2, 2014 · Physical Medicine & Rehabilitation · 1 item');
    const byLetter = await shown('?q=lifting&in=all');
    expect(byLetter.carded).toBe(0);
    expect(byLetter.views.map((v) => [v.url, v.items.length])).toEqual([['/determinations/CM17-0012345/', 0]]);
    expect(byLetter.views[0]?.excerpt).toContain('<mark>lifting</mark>');
  });

  test('keeps markup from the content as text in excerpts', async () => {
    const [hit] = await views('?q=onerror');
    expect(hit?.url).toBe('/determinations/CM16-0100001/');
    expect(JSON.stringify([hit?.excerpt, hit?.items.map((i) => i.excerpt)])).toContain('&lt;img src=x');
  });
});

describe('item-level filters on the sample letters', () => {
  test('finds only letters with an overturned opioid item for overturned + opioids, not those whose opioid was upheld beside another overturned item', async () => {
    const found = await urls('?outcome=overturned&treatment=opioids', sample);
    expect(found.sort()).toEqual(['/determinations/CM16-0239110/', '/determinations/CM17-0010420/']);
    // Each of these has an overturned item and an upheld opioid: a letter-level filter would list them.
    for (const id of ['CM16-0246487', 'CM16-0247802', 'CM17-0012582']) {
      expect(await urls('?outcome=overturned', sample)).toContain(`/determinations/${id}/`);
      expect(await urls('?treatment=opioids', sample)).toContain(`/determinations/${id}/`);
    }
    const views_ = await views('?outcome=overturned&treatment=opioids', sample);
    expect(views_.flatMap((v) => v.items.map((i) => i.outcome))).toEqual(['overturned', 'overturned']);
  });

  test('counts the same items as the treatment, guideline and section pages', async () => {
    const { counts } = (await answer('', sample)).search;
    const pageCount = (path: string) => {
      const m = /(\d+) items? · (\d+) upheld \(\d+%\) · (\d+) overturned/.exec(visibleText(readPage(sample, path)));
      return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
    };
    const compare = async (path: string, query: string, total: number | undefined) => {
      const onPage = pageCount(path);
      if (!onPage) return 0;
      const outcomes = (await answer(query, sample)).search.counts.outcome;
      expect([total ?? 0, outcomes.upheld ?? 0, outcomes.overturned ?? 0], path).toEqual(onPage);
      return 1;
    };
    let compared = 0;
    const dirs = (path: string) =>
      readdirSync(join(sample.dir, path), { withFileTypes: true })
        .filter((d) => d.isDirectory() && !/^\d+$/.test(d.name))
        .map((d) => d.name);
    for (const slug of dirs('treatments')) compared += await compare(`/treatments/${slug}/`, `?treatment=${slug}`, counts.treatment[slug]);
    for (const slug of dirs('guidelines')) {
      compared += await compare(`/guidelines/${slug}/`, `?guideline=${slug}`, counts.guideline[slug]);
      for (const key of dirs(`guidelines/${slug}`)) {
        if (hasPage(sample, `/guidelines/${slug}/${key}/`))
          compared += await compare(`/guidelines/${slug}/${key}/`, `?section=${slug}/${key}`, counts.section[`${slug}/${key}`]);
      }
    }
    expect(compared).toBeGreaterThan(150);
  });
});

describe('search index of the sub-path build', () => {
  test('returns result URLs under the base', async () => {
    const opened = await openPagefind(sub);
    try {
      const found = await runSearch(opened.index, parseSearchState('?q=zynex'));
      const view = await found.view(found.ordered[0]!);
      expect(view.url).toBe('/imr/determinations/CM14-0123456/');
      expect(view.items[0]?.url).toBe('/imr/determinations/CM14-0123456/#item-1');
      // Read by its record's name: each letter's own record, with its URL under the base.
      for (const shard of opened.index.loaded()) {
        const results = await opened.index.results(shard.id);
        for (const [letter, result] of results.entries()) {
          const data = await opened.index.letterData(shard.id, letter);
          expect(data.url, shard.id).toBe(new URL(result.url).pathname);
          expect(data.url).toMatch(/^\/imr\/determinations\/[^/#]+\/$/);
          expect(await opened.index.letterCard(shard.id, letter)).toEqual({ url: data.url, excerpt: '', meta: data.meta });
          expect(JSON.parse(data.meta.items ?? '[]'), data.url).toHaveLength(opened.index.table(shard.id).letters[letter]!.items);
        }
      }
    } finally {
      await opened.server.close();
    }
  });
});
