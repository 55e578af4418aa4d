// Splits a letter file into its YAML frontmatter (between a first line `---` and the next) and its
// Markdown body, and reads the YAML with the project's one reader (src/lib/files/yaml.ts). gray-matter
// cuts the file; every engine of it but YAML is replaced by one that refuses (it would run a `---js`
// block), and it is always given options (without them it caches every text it has parsed). Files
// are at most MAX_LETTER_BYTES (src/data/files/letter-files.ts), which bounds the rest.
import matter from 'gray-matter';
import { parseYaml, YamlError } from '../files/yaml.ts';

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

/** The frontmatter's YAML. gray-matter hands it over from the newline that ends the opening
 * `---`, so line numbers in YAML errors are the file's. */
function readYaml(yaml: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = parseYaml(yaml, 'a letter');
  } catch (error) {
    if (!(error instanceof YamlError)) throw error;
    throw new FrontmatterError(error.syntax ? `not valid YAML: ${error.message}` : error.message);
  }
  if (data === null) return {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new FrontmatterError('not a YAML mapping of fields');
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
