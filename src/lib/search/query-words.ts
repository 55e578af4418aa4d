/**
 * The words of a query as the search uses them. Pagefind matches each word as typed or as the
 * start of a longer word ("lumbar" also finds "lumbarization"), and a query wholly in double
 * quotes as an exact phrase. The search also asks, per word, which records hold the word itself
 * (a quoted one-word search), so exact matches rank first and the page can say when a word only
 * occurs as the start of longer ones; and for three words or more, which hold them as a phrase.
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
