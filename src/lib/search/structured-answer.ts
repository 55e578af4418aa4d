import type { FilterKey } from './filter-keys.ts';
import type { Term } from './query-terms.ts';
import { searchWords } from './search-words.ts';
import { SEARCH, treatmentPath, treatmentRegionPath } from '../paths/routes.ts';

/**
 * The answer from the fields, above the results, when the words name catalogue entries: a
 * treatment type, a body region, a guideline, an outcome. Its count is of the items with those
 * values (and the filters chosen), exact by construction, whatever the words of their letters:
 *   "MRI · Lumbar spine (low back): 22 items, 22 upheld, 0 overturned"
 */
export interface Named {
  key: Extract<FilterKey, 'treatment' | 'region' | 'guideline' | 'family' | 'outcome'>;
  value: string;
  label: string;
}

const OUTCOME_WORDS: Record<string, Named> = {
  upheld: { key: 'outcome', value: 'upheld', label: 'Upheld' },
  uphold: { key: 'outcome', value: 'upheld', label: 'Upheld' },
  overturned: { key: 'outcome', value: 'overturned', label: 'Overturned' },
  overturn: { key: 'outcome', value: 'overturned', label: 'Overturned' },
};

/**
 * The entries the words name: the catalogue's suggestions (treatment types, guidelines: at most
 * one of each key), the body regions among the terms, and the outcome words.
 */
export function namedEntries(q: string, terms: readonly Term[], suggested: readonly Named[]): Named[] {
  const named: Named[] = [];
  const add = (n: Named) => {
    if (!named.some((m) => m.key === n.key || (m.key === 'family' && n.key === 'guideline'))) named.push(n);
  };
  for (const s of suggested) add(s);
  for (const t of terms) if (t.region) add({ key: 'region', value: t.region.slug, label: t.region.label });
  for (const w of searchWords(q)) if (OUTCOME_WORDS[w]) add(OUTCOME_WORDS[w]);
  const order: Named['key'][] = ['treatment', 'region', 'guideline', 'family', 'outcome'];
  return named.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
}

export interface FieldCounts {
  items: number;
  upheld: number;
  overturned: number;
}

/** "MRI · Lumbar spine (low back): 22 items, 22 upheld, 0 overturned" */
export function answerLine(named: readonly Named[], counts: FieldCounts): string {
  const items = `${counts.items.toLocaleString('en-US')} ${counts.items === 1 ? 'item' : 'items'}`;
  return `${named.map((n) => n.label).join(' · ')}: ${items}, ${counts.upheld} upheld, ${counts.overturned} overturned`;
}

/** Where the answer's items are listed: a type's page, a type's region page, else the search by its filters alone. */
export function answerPath(named: readonly Named[], filters: Partial<Record<FilterKey, string[]>>): string {
  const of = (key: Named['key']) => named.find((n) => n.key === key)?.value;
  const treatment = of('treatment');
  const region = of('region');
  const others = named.some((n) => n.key !== 'treatment' && n.key !== 'region');
  const filtered = Object.values(filters).some((v) => (v?.length ?? 0) > 0);
  if (treatment && !others && !filtered) return region ? treatmentRegionPath(treatment, region) : treatmentPath(treatment);
  const params = new URLSearchParams();
  for (const [key, values] of Object.entries(filters)) for (const v of values ?? []) params.append(key, v);
  for (const n of named) if (!params.getAll(n.key).includes(n.value)) params.append(n.key, n.value);
  return `${SEARCH}?${params}`;
}
