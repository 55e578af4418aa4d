// Prints the relevance figures of docs/search.md: the relevance set and the seven-word rationale runs
// (test/relevance/) run through the search page's code against the sample corpus.
//   node --import tsx scripts/dev/relevance.ts [built-site-dir] [--ranking '{"termSimilarity":3}']
// Without a site folder it builds content/ into a temporary one first (about half a minute).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite, repoRoot } from '../../test/support/build-site.ts';
import { openPagefind } from '../../test/support/pagefind-client.ts';
import { rank, scores } from '../../test/relevance/measure.ts';
import { rationaleRuns } from '../../test/relevance/rationale-runs.ts';
import { RELEVANCE_SET } from '../../test/relevance/relevance-set.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { ranking: { type: 'string' } } });
const work = positionals[0] ? undefined : mkdtempSync(join(tmpdir(), 'imr-relevance-'));
try {
  const dir = positionals[0] ? resolve(positionals[0]) : join(work!, 'site');
  if (work) await buildSite({ corpus: join(repoRoot, 'content'), outDir: dir, base: '/', cacheDir: join(work, 'cache'), shardPages: 40 });
  const { index, server } = await openPagefind(
    { dir, base: '/', corpus: '', origin: '' },
    undefined,
    values.ranking ? { ranking: JSON.parse(values.ranking) as unknown } : {},
  );
  const set = await rank(index, RELEVANCE_SET);
  const runs = await rank(
    index,
    rationaleRuns(join(repoRoot, 'content')).map((r) => ({ kind: 'seven-word run', q: r.q, expected: [r.id] })),
  );
  await server.close();
  console.table([...scores(set), ...scores(runs).filter((s) => s.kind !== 'all')]);
  for (const r of [...set, ...runs].filter((r) => r.rank !== 1))
    console.log(`${r.rank || '-'}  ${r.kind}: ${r.q} (${r.expected.join(', ')}) → ${r.top.join(' ')}`);
} finally {
  if (work) rmSync(work, { recursive: true, force: true });
}
