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

/** A name as matched: its words, and the parts that void a match beside them. */
interface CompiledName {
  words: { word: string; forms: string[] }[];
  skip: string[];
}

/** Each group's names compiled once: a build matches every request of the corpus against them. */
const compiled = new WeakMap<NameGroup, CompiledName[]>();
function namesOf(group: NameGroup): CompiledName[] {
  let names = compiled.get(group);
  if (!names) {
    names = group.names.map((name) => ({
      words: searchWords(name).map((word) => ({ word, forms: forms(word) })),
      skip: (group.except[name] ?? []).flatMap((e) => searchWords(e)),
    }));
    compiled.set(group, names);
  }
  return names;
}

function holdsName(held: readonly Token[], { words, skip }: CompiledName): boolean {
  return words.every(({ forms: wanted }) =>
    held.some((t) => {
      if (wanted.includes(t.whole)) return true;
      return t.parts.some((p) => wanted.includes(p)) && !t.parts.some((p) => skip.includes(p));
    }),
  );
}

/** Keys of the groups the text names, in the groups' order. */
export function namedGroups(text: string, groups: readonly NameGroup[]): string[] {
  const held = tokens(text);
  return groups.filter((g) => namesOf(g).some((name) => holdsName(held, name))).map(groupKey);
}
