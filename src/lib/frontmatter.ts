// Splits a letter file into its YAML frontmatter and its Markdown body, and reads the YAML:
//
//   ---
//   id: CM16-0213037
//   caseNumber: CM16-0213037
//   ...
//   ---
//
//   ## How the IMR final determination was made
//
// The frontmatter is everything between a first line `---` and the next line `---`. It is read
// as YAML 1.1, as the importer writes it (scripts/import/to-markdown.ts), and nothing else: no
// other front-matter language (gray-matter, used before, ran `---js` blocks as JavaScript), and
// a bounded number of alias expansions, so a few lines of nested aliases (a "billion laughs")
// are an error in that file instead of gigabytes of memory. Files are at most MAX_LETTER_BYTES
// (letter-files.ts), which bounds the rest.
import { parse } from 'yaml';

/** Alias expansions a frontmatter may make (yaml's own default; the importer writes none). */
const MAX_ALIAS_COUNT = 100;

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^---[ \t]*\r?$/gm;

export interface Frontmatter {
  /** The YAML block as parsed (unquoted dates arrive as Date objects; see undoYamlDates). */
  data: Record<string, unknown>;
  /** Everything after the line that closes the frontmatter. */
  body: string;
}

/** What is wrong with a file's frontmatter, worded for `path → (frontmatter): message`. */
export class FrontmatterError extends Error {}

/** The frontmatter's YAML text and the body; `yaml` undefined when the file has no frontmatter, null when it is not closed. */
function split(text: string): { yaml: string | undefined | null; body: string } {
  const opening = OPENING.exec(text);
  if (!opening) return { yaml: undefined, body: text };
  CLOSING.lastIndex = opening[0].length;
  const closing = CLOSING.exec(text);
  if (!closing) return { yaml: null, body: '' };
  const lineEnd = text.indexOf('\n', closing.index);
  return { yaml: text.slice(opening[0].length, closing.index), body: lineEnd === -1 ? '' : text.slice(lineEnd + 1) };
}

/** Parses a letter file's frontmatter and cuts off its body; throws a FrontmatterError naming what is wrong. */
export function parseFrontmatter(text: string): Frontmatter {
  const { yaml, body } = split(text);
  if (yaml === undefined) return { data: {}, body };
  if (yaml === null) throw new FrontmatterError('no line "---" closes the frontmatter');
  let data: unknown;
  try {
    // One empty line in front, so that the line numbers in YAML errors are the file's.
    data = parse(`\n${yaml}`, { version: '1.1', maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError) throw new FrontmatterError(`more than ${MAX_ALIAS_COUNT} YAML alias expansions (a letter needs none)`);
    throw new FrontmatterError(`not valid YAML: ${(error as Error).message.split('\n')[0]!.replace(/:$/, '')}`);
  }
  if (data === null || data === undefined) return { data: {}, body };
  if (typeof data !== 'object' || Array.isArray(data)) throw new FrontmatterError('not a YAML mapping of fields');
  return { data: data as Record<string, unknown>, body };
}

/**
 * The body alone, cut where parseFrontmatter cuts it, without parsing the YAML: for pages that
 * already hold the validated data.
 */
export function markdownBody(text: string): string {
  return split(text).body;
}
