/**
 * The words of a query as the search uses them: each word on its own (a quoted one-word search
 * tells which records hold it as such), a query wholly in double quotes as an exact phrase, and
 * for three words or more the phrase whose letters come first.
 */
export interface QueryWords {
  /** The query as Pagefind is given it. */
  text: string;
  /** Wholly in double quotes: an exact phrase search. */
  quoted: boolean;
  /** The words, each to be looked up on its own. */
  words: string[];
  /** Three or more words not in quotes: the phrase whose letters come first. */
  phrase?: string;
}

/** Words made only of punctuation are dropped, as Pagefind drops them. */
const WORD = /[\p{L}\p{N}]/u;

export function queryWords(q: string): QueryWords {
  const text = q.trim();
  const quoted = /^".+"$/.test(text);
  const words = text
    .replace(/"/g, ' ')
    .split(/\s+/)
    .filter((w) => WORD.test(w));
  return { text, quoted, words, ...(!quoted && words.length >= 3 ? { phrase: `"${words.join(' ')}"` } : {}) };
}
