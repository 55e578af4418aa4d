import { groupKey } from './name-match.ts';
import { searchWords } from './search-words.ts';

/**
 * The terms of a query: each of its words, or a run of them that names a synonym group or a body
 * region ("physical therapy", "low back"), with what counts as holding it. An item holds a term
 * where it holds every one of its words, and also, by its fields, where its request names the
 * term's synonym group or its body region is the one named. "Flexeril lumbar" is two terms:
 * Flexeril, or a request naming cyclobenzaprine; and the word "lumbar", or the lumbar spine.
 */
export interface Term {
  /** The query's words this term stands for, as typed ("Flexeril"). */
  typed: string;
  /** Those words as Pagefind's search reads them (search-words.ts), looked up in the index. */
  words: string[];
  /** Longer words a one-word term may stand inside that do not count as it ("ptt" for "pt"). */
  except: string[];
  /** The body region the words name: its items hold the term by their field. */
  region?: { slug: string; label: string };
  /** The synonym group the words name (its key, name-match.ts): requests naming any of its names hold the term. */
  group?: { key: string; others: string[] };
}

/** What the search knows of names (/search/terms.json.gz): synonym groups and body regions. */
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
    const term: Term = { typed: run.map((w) => w.typed).join(' '), words: run.map((w) => w.search), except: [] };
    if (named?.kind === 'synonyms') {
      const group = sources.synonyms[named.group]!;
      const own = group.names.find((name) => searchWords(name).join(' ') === term.words.join(' '))!;
      term.except = (group.except[own] ?? []).flatMap((e) => searchWords(e));
      term.group = { key: groupKey(group), others: group.names.filter((name) => name !== own) };
    } else if (named?.kind === 'region') {
      const { slug, label } = sources.regions[named.region]!;
      term.region = { slug, label };
    }
    terms.push(term);
    i += n;
  }
  return terms;
}

/** Every word the terms need looked up, and the exceptions, once each. */
export const termWords = (terms: readonly Term[]): string[] => [...new Set(terms.flatMap((t) => [...t.words, ...t.except]))];

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
