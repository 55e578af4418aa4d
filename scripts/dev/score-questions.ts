// Scores the precedent questions (test/fixtures/precedent-questions.yml) on a built site:
//   npm run build && node --import tsx scripts/dev/score-questions.ts [dist]
// Prints each question that misses an item or lists a wrong one, then the means.
import { join, resolve } from 'node:path';
import { answer, readQuestions, termSources } from '../../test/relevance/precedent-questions.ts';
import { openPagefind } from '../../test/support/pagefind-client.ts';

const repo = join(import.meta.dirname, '../..');
const dir = resolve(process.argv[2] ?? 'dist');
const { index, server } = await openPagefind({ dir, base: '/', corpus: join(repo, 'content'), origin: '' });
try {
  const answered = await answer(index, termSources(join(repo, 'content')), readQuestions(repo));
  for (const a of answered) {
    const missed = a.expect.filter((e) => !a.found.includes(e));
    const wrong = a.found.filter((f) => !a.expect.includes(f));
    if (missed.length || wrong.length || a.requested !== a.expect.length)
      console.log(
        `${a.q} ${JSON.stringify(a.filters)}: expected ${a.expect.length}, status ${a.requested}; missed ${missed.join(' ')}; wrong ${wrong.join(' ')}`,
      );
  }
  const mean = (k: 'precision' | 'recall') => answered.reduce((n, a) => n + a[k], 0) / answered.length;
  const exact = answered.filter((a) => a.requested === a.expect.length).length;
  console.log(
    `${answered.length} questions: mean precision ${(100 * mean('precision')).toFixed(1)} %, mean recall ${(100 * mean('recall')).toFixed(1)} %, ` +
      `every one at least 95 %: ${answered.filter((a) => a.precision >= 0.95 && a.recall >= 0.95).length}, status count exact: ${exact}`,
  );
} finally {
  await server.close();
}
