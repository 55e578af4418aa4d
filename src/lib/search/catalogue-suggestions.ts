import type { Guideline, TreatmentType } from '../schema/index.ts';
import type { FilterKey } from './filter-keys.ts';

/**
 * What the search page needs of the catalogue to see a treatment type or a guideline named in the
 * words typed (/search/catalogue.json.gz): each entry's filter, label and the names it goes by.
 */
export interface CatalogueEntry {
  key: Extract<FilterKey, 'treatment' | 'guideline' | 'family'>;
  value: string;
  label: string;
  /** Case-insensitive regular expressions of the catalogue (treatment requests, guideline names). */
  patterns: string[];
  /** Names the query may contain as words. */
  names: string[];
  /** Patterns one of which the query must match too for `patterns` to count: a chapter's family. */
  requires?: string[];
}

export interface Suggestion {
  key: CatalogueEntry['key'];
  value: string;
  label: string;
}

/**
 * The catalogue as suggestions: treatment types but the fallback, guideline chapters, and each
 * family's catch-all entry ("ODG" with no chapter named) as the whole family. A chapter's match
 * rules are written for a citation already known to be of its family ("pain" for ODG Pain), so
 * they count only when the query names the family too ("ODG pain").
 */
export function catalogueEntries(
  types: readonly TreatmentType[],
  fallback: string,
  guidelines: readonly Guideline[],
  familyLabels: Record<string, string>,
): CatalogueEntry[] {
  const treatments = types
    .filter((t) => t.slug !== fallback)
    .map((t): CatalogueEntry => ({ key: 'treatment', value: t.slug, label: t.label, patterns: t.match, names: [t.label] }));
  const families = new Map(guidelines.filter((g) => g.slug === g.family).map((g) => [g.family, g]));
  const chapters = guidelines
    .filter((g) => g.family !== 'other')
    .map((g): CatalogueEntry => {
      if (g.slug === g.family)
        return { key: 'family', value: g.family, label: familyLabels[g.family] ?? g.short, patterns: g.match, names: [g.short] };
      return {
        key: 'guideline',
        value: g.slug,
        label: g.short,
        patterns: g.match,
        names: [g.short, g.title],
        requires: families.get(g.family)?.match ?? [],
      };
    });
  return [...treatments, ...chapters];
}

/** As the catalogue loader compiles match rules (RULE_FLAGS): case-insensitive. */
const RULE_FLAGS = 'i';
const squash = (s: string) =>
  ` ${s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

const matchesAny = (q: string, patterns: readonly string[]) =>
  patterns.some((p) => {
    try {
      return new RegExp(p, RULE_FLAGS).test(q);
    } catch {
      return false;
    }
  });

/**
 * The catalogue entries the words name, treatment types first, at most `limit`; a family is left
 * out when one of its chapters is named.
 */
export function suggestFilters(q: string, entries: readonly CatalogueEntry[], limit = 4): Suggestion[] {
  const words = squash(q);
  if (words.trim() === '') return [];
  const named = (e: CatalogueEntry) =>
    e.names.some((n) => squash(n).trim().length >= 3 && words.includes(squash(n))) ||
    (matchesAny(q, e.patterns) && (!e.requires || matchesAny(q, e.requires)));
  const found = entries.filter(named);
  const chapterFamilies = new Set(
    found
      .filter((e) => e.key === 'guideline' && e.requires)
      .map((e) => entries.find((f) => f.key === 'family' && f.patterns === e.requires)?.value),
  );
  return found
    .filter((e) => !(e.key === 'family' && chapterFamilies.has(e.value)))
    .slice(0, limit)
    .map(({ key, value, label }) => ({ key, value, label }));
}
