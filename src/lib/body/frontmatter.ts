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
// gray-matter cuts the file: the frontmatter is everything between a first line `---` and the next
// line `---`. It is read as YAML by js-yaml, in its core schema (YAML 1.2's; the importer writes
// YAML 1.1 with every ambiguous string quoted, which reads the same): its default schema adds
// timestamps, which made an unquoted `2016-02-30` the Date of March 1, where the core schema keeps
// the text for the schema's IsoDate to refuse by field. And as nothing else: gray-matter would
// run a `---js` block as JavaScript and read `---json`/`---coffee`, so every engine but YAML is
// replaced by one that refuses. js-yaml makes an alias the same object as its
// anchor, so a few lines of nested aliases (a "billion laughs") parse small but would be walked
// 10^9 times by the schema and the page; more than 100 repeats is an error in that file. (The
// `yaml` package bounds alias expansions itself, but parses 5–10 times slower: 5.6 s of a
// 10,000-letter build.) Files are at most MAX_LETTER_BYTES (files/letter-files.ts), which bounds the
// rest. gray-matter is always given options: without them it keeps every text it has parsed in a
// cache, all of a 100,000-letter corpus.
import matter from 'gray-matter';
import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';
import { parse } from 'yaml';

// A leading byte-order mark is skipped, as gray-matter skips it (letter-text.ts drops it on reading).
const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^---[ \t]*\r?$/gm;

export interface Frontmatter {
  /** The YAML block as parsed (dates are text, quoted or not). */
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

/** Lists and mappings an alias may repeat in one frontmatter (a letter that lists an item twice
 * repeats one; a "billion laughs" repeats 10^9). */
const MAX_REPEATS = 100;

/**
 * Walks the data as the schema and the page will, and throws when lists and mappings are reached
 * again more than MAX_REPEATS times: js-yaml makes an alias the same object as its anchor, so
 * nested aliases parse small but would be walked exponentially. The walk stops at the bound, so
 * it costs at most the file's size times MAX_REPEATS.
 */
function boundRepeats(data: object): void {
  const seen = new Set<object>();
  let repeats = 0;
  const walk = (value: unknown): void => {
    if (typeof value !== 'object' || value === null || value instanceof Date) return;
    if (seen.has(value) && ++repeats > MAX_REPEATS)
      throw new FrontmatterError(`more than ${MAX_REPEATS} YAML alias expansions (a letter needs none)`);
    seen.add(value);
    for (const v of Array.isArray(value) ? value : Object.values(value)) walk(v);
  };
  walk(data);
}

/**
 * The `yaml` package's account of what is wrong, when it finds the text wrong too: it names the
 * place a mistake starts ("Flow sequence … must end with a ]" at the "["), where js-yaml names where
 * it noticed (the end of the text). Only a file in error pays for the second parse.
 */
function yamlError(yaml: string): string | undefined {
  try {
    parse(yaml, { version: '1.1', maxAliasCount: 100 });
    return undefined;
  } catch (error) {
    return error instanceof ReferenceError ? undefined : (error as Error).message.split('\n')[0]!.replace(/:$/, '');
  }
}

function jsYamlError(error: unknown): string {
  if (!(error instanceof YAMLException)) return (error as Error).message;
  return `${error.reason} at line ${error.mark.line + 1}, column ${error.mark.column + 1}`;
}

/** The frontmatter's YAML, with its aliases bounded. gray-matter hands it over from the
 * newline that ends the opening `---`, so line numbers in YAML errors are the file's. */
function readYaml(yaml: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = load(yaml, { schema: CORE_SCHEMA });
  } catch (error) {
    throw new FrontmatterError(`not valid YAML: ${yamlError(yaml) ?? jsYamlError(error)}`);
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new FrontmatterError('not a YAML mapping of fields');
  boundRepeats(data);
  return data as Record<string, unknown>;
}

const refuse = (language: string) => () => {
  throw new FrontmatterError(`front matter in ${language} is not read (letters use YAML)`);
};

/** gray-matter's options: YAML through readYaml, every other front-matter language refused. */
const MATTER_OPTIONS = {
  language: 'yaml',
  engines: { yaml: readYaml, javascript: refuse('JavaScript'), json: refuse('JSON'), coffee: refuse('CoffeeScript') },
};

/** Parses a letter file's frontmatter and cuts off its body; throws a FrontmatterError naming what is wrong. */
export function parseFrontmatter(text: string): Frontmatter {
  // gray-matter reads an unclosed block as YAML to the end of the file; a letter's must be closed.
  if (split(text).yaml === null) throw new FrontmatterError('no line "---" closes the frontmatter');
  let file: { data: Record<string, unknown>; content: string };
  try {
    file = matter(text, MATTER_OPTIONS);
  } catch (error) {
    if (error instanceof FrontmatterError) throw error;
    throw new FrontmatterError((error as Error).message);
  }
  return { data: file.data, body: file.content };
}

/**
 * The body alone, cut where parseFrontmatter cuts it, without parsing the YAML: for pages that
 * already hold the validated data.
 */
export function markdownBody(text: string): string {
  return split(text).body;
}
