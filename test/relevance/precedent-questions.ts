// The precedent questions (test/fixtures/precedent-questions.yml): what a lawyer or adjuster types,
// with filters, and the disputed items whose request names it, written by reading the requests.
// Each is run through the search page's own code in the `request` scope, and its answer scored.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { runSearch } from '../../src/client/run-search.ts';
import type { ShardedIndex } from '../../src/client/sharded-index.ts';
import { loadCatalogue } from '../../src/data/files/load-catalogue.ts';
import type { TermSources } from '../../src/lib/search/query-terms.ts';
import { parseSearchState } from '../../src/lib/search/search-state.ts';

export interface Question {
  q: string;
  filters: Record<string, string[]>;
  note: string;
  /** "<letter id>#<item number>" */
  expect: string[];
}

export interface Answered extends Question {
  /** The items the `request` scope lists, as "<id>#<n>". */
  found: string[];
  /** The status line's count of items whose request holds the words. */
  requested: number;
  precision: number;
  recall: number;
}

export function readQuestions(repo: string): Question[] {
  const list = load(readFileSync(join(repo, 'test/fixtures/precedent-questions.yml'), 'utf8')) as Question[];
  return list.map((q) => ({ ...q, filters: q.filters ?? {}, expect: q.expect ?? [] }));
}

/** The synonyms and region names as the site hands them to the search page (/search/terms.json.gz). */
export function termSources(contentDir: string): TermSources {
  const { synonyms, regions } = loadCatalogue(contentDir);
  return { synonyms, regions };
}

export async function answer(index: ShardedIndex, sources: TermSources, questions: readonly Question[]): Promise<Answered[]> {
  const answered: Answered[] = [];
  for (const question of questions) {
    const params = new URLSearchParams({ q: question.q, in: 'request' });
    for (const [key, values] of Object.entries(question.filters)) for (const v of values) params.append(key, v);
    const result = await runSearch(index, parseSearchState(`?${params}`), sources);
    const found: string[] = [];
    for (const m of result.ordered) {
      const url = (await index.results(result.shards[m.part]!.id))[m.letter]!.url;
      const id = url.replace(/\/$/, '').split('/').at(-1)!;
      for (const n of m.items) found.push(`${id}#${n}`);
    }
    const expected = new Set(question.expect);
    const right = found.filter((f) => expected.has(f)).length;
    answered.push({
      ...question,
      found: found.sort(),
      requested: result.search.words?.requested.items ?? 0,
      // An empty answer to a question whose answer is empty is exact.
      precision: found.length === 0 ? (expected.size === 0 ? 1 : 0) : right / found.length,
      recall: expected.size === 0 ? 1 : right / expected.size,
    });
  }
  return answered;
}
