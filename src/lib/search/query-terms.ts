import { groupKey } from './name-match.ts';
import { searchWords } from './search-words.ts';

/**
 * The terms of a query: each of its words, or a run of them that names a synonym group or a body
 * region ("physical therapy", "low back"), with what counts as holding it. An item holds a term
 * where it holds every word of one of the term's alternatives (the words as typed), and also, by
 * its fields, where its request names the term's synonym group or its body region is the one
 * named. "Flexeril lumbar" is two terms: Flexeril, or a request naming cyclobenzaprine; and the
 * word "lumbar", or the lumbar spine.
 */
export interface Term {
  /** The query's words this term stands for, as typed ("Flexeril"). */
  typed: string;
  /** Word lists, any of which holds the term, looked up in the index: the typed words. */
  alternatives: Alternative[];
  /** The body region the words name: its items hold the term by their field. */
  region?: { slug: string; label: string };
  /** The synonym group the words name (its key, name-match.ts): requests naming any of its names hold the term. */
  group?: { key: string; others: string[] };
}

export interface Alternative {
  /** As Pagefind's search reads them (search-words.ts). */
  words: string[];
  /** Longer words a one-word alternative may stand inside that do not count as it ("ptt" for "pt"). */
  except: string[];
  /** The name as the synonyms file writes it, for saying so ("cyclobenzaprine"). */
  name: string;
}

/** What the search knows of names (/search/terms.json): synonym groups and body regions. */
export interface TermSources {
  synonyms: readonly { names: readonly string[]; except: Readonly<Record<string, readonly string[]>> }[];
  regions: readonly { slug: string; label: string; names: readonly string[] }[];
}

type Named = { kind: 'synonyms'; group: number } | { kind: 'region'; region: number };

function nameIndex(sources: TermSources): Map<string, Named> {
  const index = new Map<string, Named>();
  sources.synonyms.forEach((g, group) => {
    for (const name of g.names) index.set(searchWords(name).join(' '), { kind: 'synonyms', group });
  });
  sources.regions.forEach((r, region) => {
    for (const name of r.names) {
      const key = searchWords(name).join(' ');
      if (!index.has(key)) index.set(key, { kind: 'region', region });
    }
  });
  return index;
}

/** The terms of the query's words, the longest names first ("lumbar spine MRI": "lumbar spine", "MRI"). */
export function queryTerms(typedWords: readonly string[], sources: TermSources): Term[] {
  const words = typedWords.map((w) => ({ typed: w, search: searchWords(w).join('') })).filter((w) => w.search !== '');
  const index = nameIndex(sources);
  const longest = Math.max(1, ...[...index.keys()].map((k) => k.split(' ').length));
  const terms: Term[] = [];
  for (let i = 0; i < words.length;) {
    let n = Math.min(longest, words.length - i);
    let named: Named | undefined;
    for (; n > 1; n--)
      if (
        (named = index.get(
          words
            .slice(i, i + n)
            .map((w) => w.search)
            .join(' '),
        ))
      )
        break;
    named ??= index.get(words[i]!.search);
    const run = words.slice(i, i + n);
    const typed: Alternative = { words: run.map((w) => w.search), except: [], name: run.map((w) => w.typed).join(' ') };
    if (named?.kind === 'synonyms') {
      const group = sources.synonyms[named.group]!;
      const own = group.names.find((name) => searchWords(name).join(' ') === typed.words.join(' '))!;
      const except = (group.except[own] ?? []).flatMap((e) => searchWords(e));
      const others = group.names.filter((name) => name !== own);
      terms.push({ typed: typed.name, alternatives: [{ ...typed, except }], group: { key: groupKey(group), others } });
    } else if (named?.kind === 'region') {
      const { slug, label } = sources.regions[named.region]!;
      terms.push({ typed: typed.name, alternatives: [typed], region: { slug, label } });
    } else terms.push({ typed: typed.name, alternatives: [typed] });
    i += n;
  }
  return terms;
}

/** Every word the terms' alternatives need looked up, and the exceptions, once each. */
export const termWords = (terms: readonly Term[]): string[] => [
  ...new Set(terms.flatMap((t) => t.alternatives.flatMap((a) => [...a.words, ...a.except]))),
];

/** How the search read the words, when it read more into them than typed: "Flexeril, also as cyclobenzaprine in requests". */
export function termsNote(terms: readonly Term[]): string {
  return terms
    .filter((t) => t.region || t.group)
    .map((t) => {
      const also = t.region ? `the body region ${t.region.label}` : `${t.group!.others.join(', ')} in requests`;
      return `${t.typed}, also as ${also}`;
    })
    .join(' · ');
}
