// The answer from the fields for what the words name (src/lib/search/structured-answer.ts),
// counted over the shards of a complete answer, and its place above the results.
import { joinBase } from '../lib/paths/join-base.ts';
import type { Suggestion } from '../lib/search/catalogue-suggestions.ts';
import { answerLine, answerPath, namedEntries } from '../lib/search/structured-answer.ts';
import type { SearchState } from '../lib/search/search-state.ts';
import type { SearchAnswer } from './run-search.ts';
import type { SearchPage } from './search-page.ts';

export interface FieldAnswer {
  line: string;
  path: string;
  /** The search's filters narrowed the count too. */
  filtered: boolean;
}

export function fieldAnswer(state: SearchState, answer: SearchAnswer, suggested: readonly Suggestion[]): FieldAnswer | undefined {
  if (!answer.complete || !state.q) return undefined;
  const named = namedEntries(state.q, answer.words?.terms ?? [], suggested);
  if (named.length === 0) return undefined;
  const filters = { ...state.filters };
  for (const n of named) filters[n.key] = [...new Set([...(filters[n.key] ?? []), n.value])];
  const found = answer.byFields(filters);
  // With an outcome chosen, the outcome counts are those of the other groups' items: keep the chosen ones.
  const outcome = (o: string) => (filters.outcome?.length && !filters.outcome.includes(o) ? 0 : (found.counts.outcome[o] ?? 0));
  return {
    line: answerLine(named, { items: found.items, upheld: outcome('upheld'), overturned: outcome('overturned') }),
    path: answerPath(named, state.filters),
    filtered: Object.values(state.filters).some((v) => (v?.length ?? 0) > 0),
  };
}

export function showFieldAnswer(page: SearchPage, answer: FieldAnswer | undefined, base: string): void {
  page.answer.replaceChildren();
  page.answer.hidden = !answer;
  if (!answer) return;
  const a = document.createElement('a');
  a.href = joinBase(base, answer.path);
  a.textContent = answer.line;
  page.answer.append('By the items’ fields: ', a, answer.filtered ? ', with the filters chosen' : '');
}
