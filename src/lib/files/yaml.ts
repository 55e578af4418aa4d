// The project's one YAML reader and writer (js-yaml), for letter frontmatter, the catalogue, the
// importer and the benchmark corpus. Read in the core schema (YAML 1.2's), so an unquoted
// `2016-02-30` stays text for the schema to refuse, not a Date; more than 100 alias repeats is an
// error (a "billion laughs" parses small). Written with every string another reader could take for
// another type quoted, and no aliases: a file reads whole on its own. js-yaml rather than `yaml`
// because it parses several times faster. Erasable TypeScript only: the build's workers run it as it stands.
import { CORE_SCHEMA, DEFAULT_SCHEMA, Type, YAMLException, dump, load } from 'js-yaml';

/** What is wrong with a YAML text: a syntax error, naming its line and column, or too many aliases. */
export class YamlError extends Error {
  /** True for a syntax error (its message follows "not valid YAML: "), false for the alias bound. */
  readonly syntax: boolean;
  constructor(message: string, syntax: boolean) {
    super(message);
    this.syntax = syntax;
  }
}

/** Lists and mappings an alias may repeat in one file (a letter that lists an item twice repeats
 * one; a "billion laughs" repeats 10^9). */
const MAX_REPEATS = 100;

/**
 * The YAML text's value (null for an empty text); throws a YamlError naming the line and column
 * of a syntax error, or the alias bound. `what` names the file in the alias message ("a letter").
 */
export function parseYaml(text: string, what: string): unknown {
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    throw new YamlError(syntaxMessage(error, text), true);
  }
  boundRepeats(data, what);
  return data ?? null;
}

/**
 * "<js-yaml's reason> at line L, column C: "<that line>"" (the line left out when blank). js-yaml
 * names where it noticed a mistake: for a list left open that is the end of the text, so the place
 * is moved back to the end of the last line with text on it (in a letter, not its closing `---`).
 */
function syntaxMessage(error: YAMLException, text: string): string {
  const lines = text.split(/\r?\n/);
  let { line, column } = error.mark;
  if (text.slice(error.mark.position).trim() === '') {
    while (line > 0 && (lines[line] ?? '').trim() === '') line--;
    column = (lines[line] ?? '').trimEnd().length;
  }
  const shown = (lines[line] ?? '').trim();
  const quoted = shown === '' ? '' : `: ${JSON.stringify(shown.length > 60 ? `${shown.slice(0, 60)}…` : shown)}`;
  return `${error.reason}${hint(error.reason, lines[line] ?? '')} at line ${line + 1}, column ${column + 1}${quoted}`;
}

/** What js-yaml's words usually mean to someone editing a file by hand. */
function hint(reason: string, line: string): string {
  if (/flow collection/.test(reason)) return ' (a "[" or "{" left without its "]" or "}"?)';
  if (/quoted scalar/.test(reason)) return ' (a quote left without its closing quote?)';
  if (/^ *\t/.test(line)) return ' (the line is indented with a tab: YAML indents with spaces)';
  return '';
}

/**
 * Walks the data as the schema and the page will, and throws when lists and mappings are reached
 * again more than MAX_REPEATS times. The walk stops at the bound, so it costs at most the file's
 * size times MAX_REPEATS.
 */
function boundRepeats(data: unknown, what: string): void {
  const seen = new Set<object>();
  let repeats = 0;
  const walk = (value: unknown): void => {
    if (typeof value !== 'object' || value === null) return;
    if (seen.has(value) && ++repeats > MAX_REPEATS)
      throw new YamlError(`more than ${MAX_REPEATS} YAML alias expansions (${what} needs none)`, false);
    seen.add(value);
    for (const v of Array.isArray(value) ? value : Object.values(value)) walk(v);
  };
  walk(data);
}

// YAML 1.1 numbers the 1.2 schemas lack ("1_000", "+.5", "0x_1f", "1:20"; the yaml package also reads "." as one): strings of that form are
// quoted on writing, so a YAML 1.1 reader (PyYAML, for one) reads them as the text they are. Never
// used to read.
const YAML_1_1_NUMBER = new Type('tag:yaml.org,2002:yaml-1.1-number', {
  kind: 'scalar',
  resolve: (text: unknown) =>
    typeof text === 'string' &&
    /^[-+]?[0-9._]*(?:[eE][-+]?[0-9]+)?$|^[-+]?0x[0-9a-fA-F_]+$|^[-+]?0b[01_]+$|^[-+]?0o?[0-7_]+$|^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(
      text,
    ),
});
const WRITE_SCHEMA = DEFAULT_SCHEMA.extend({ implicit: [YAML_1_1_NUMBER] });

/** YAML text of the data: block style, long lines unwrapped, quoted strings in double quotes. */
export function stringifyYaml(data: unknown): string {
  return dump(data, { schema: WRITE_SCHEMA, lineWidth: -1, noRefs: true, quotingType: '"' });
}
