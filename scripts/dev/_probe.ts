import { join } from 'node:path';
import { runSearch } from '../../src/client/run-search.ts';
import { parseSearchState } from '../../src/lib/search/search-state.ts';
import { openPagefind } from '../../test/support/pagefind-client.ts';
import { termSources } from '../../test/relevance/precedent-questions.ts';
const repo = join(import.meta.dirname, '../..');
const { index, server } = await openPagefind({ dir: join(repo, 'dist'), base: '/', corpus: '', origin: '' });
for (const q of process.argv.slice(2)) {
  const a = await runSearch(index, parseSearchState(`?${q}`), termSources(join(repo, 'content')));
  console.log(q, '→ letters', a.ordered.length, 'items', a.search.items, 'phrase', a.ordered.map(m=>m.phrase?1:0).join(''), 'exact', a.ordered.map(m=>m.exact?1:0).join(''), 'started', a.started.length, JSON.stringify(a.search.words && {...a.search.words, started: a.search.words.started.items}), a.words?.prefixOnly, a.words?.missing);
}
await server.close();
