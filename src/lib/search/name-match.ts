import { searchWords } from './search-words.ts';

/**
 * Which synonym groups (content/synonyms.yml) a request names, read at build time like its body
 * region, so the search finds an item by any of a group's names without looking each one up in
 * the index. A name's words are matched as Pagefind reads words: whole, in any case, punctuation
 * dropped, a word joined to others by punctuation as each part too ("EMG/NCV" holds "emg"), and
 * a plural ("x-rays" holds "x-ray"). A name of several words needs them all. `except`: a part
 * beside one of these in the same word does not count ("pt" in "PT/PTT").
 */
export interface NameGroup {
  names: readonly string[];
  except: Readonly<Record<string, readonly string[]>>;
}

/** The key a group goes by in the facet table and the query: its first name, as searched. */
export const groupKey = (group: NameGroup): string => searchWords(group.names[0] ?? '').join(' ');

interface Token {
  whole: string;
  parts: string[];
}

const tokens = (text: string): Token[] =>
  text
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => ({
      whole: searchWords(w).join(''),
      parts: w
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((p) => p.length > 1),
    }));

const forms = (word: string) => [word, `${word}s`, `${word}es`];

function holdsName(held: readonly Token[], name: string, except: readonly string[]): boolean {
  const skip = except.flatMap((e) => searchWords(e));
  return searchWords(name).every((word) =>
    held.some((t) => {
      if (forms(word).includes(t.whole)) return true;
      return t.parts.some((p) => forms(word).includes(p)) && !t.parts.some((p) => skip.includes(p));
    }),
  );
}

/** Keys of the groups the text names, in the groups' order. */
export function namedGroups(text: string, groups: readonly NameGroup[]): string[] {
  const held = tokens(text);
  return groups.filter((g) => g.names.some((name) => holdsName(held, name, g.except[name] ?? []))).map(groupKey);
}
