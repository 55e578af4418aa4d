// npm run check [-- --full]: validates every file of the content folder (CORPUS_DIR or content/)
// and reports every problem in one run as "path → field: message"; exit 1 when there is any.
// Files that passed the last check unchanged (same text, catalogue and checker code) are not
// validated again unless --full (scripts/check/check-cache.ts).
import { existsSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCacheDir } from './lib/cache-dir.ts';
import { loadCatalogue } from '../src/data/files/load-catalogue.ts';
import { openCheckCache } from './check/check-cache.ts';
import { checkDetermination } from './check/check-determination.ts';
import { CorpusSetupError } from '../src/data/files/catalogue-source.ts';
import { contentDir, corpusCatalogue } from '../src/data/files/content-dir.ts';
import { entryProblem, letterSizeProblem, listLetterFiles } from '../src/data/files/letter-files.ts';
import { LetterTextError, readLetterTextSync } from '../src/data/files/letter-text.ts';
import { escapeForTerminal } from '../src/lib/format/unsafe-text.ts';

/**
 * Letters checked between turns of the event loop. The Markdown parser (satteri) frees each parse's
 * native buffer in a finalizer that Node runs only on a later turn, so a loop that never yields
 * holds every letter's buffer to its end: about 8 KB a letter, 7 GB at 300,000 letters.
 */
const LETTERS_PER_TURN = 256;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { full: { type: 'boolean', default: false } } });
  const root = contentDir();
  // Paths as the user typed them: relative inside the working folder, absolute outside it.
  const shown = (p: string) => (relative(process.cwd(), p).startsWith('..') ? p : relative(process.cwd(), p));
  const problems: string[] = [];
  // A folder that is missing or holds part of a catalogue: one line saying what to do. A folder
  // with no catalogue is checked against the bundled one, and says so.
  let source;
  try {
    source = corpusCatalogue();
  } catch (error) {
    if (!(error instanceof CorpusSetupError)) throw error;
    console.error(escapeForTerminal(error.message));
    return 1;
  }
  if (source.notice) console.error(escapeForTerminal(source.notice));
  // A broken catalogue is reported (one problem, its loader's lines), and the determinations are
  // still checked (all but their slugs).
  let catalogue;
  let catalogueLines: string[] = [];
  try {
    catalogue = loadCatalogue(source.dir);
  } catch (error) {
    // The loader names files from the folder above the catalogue's ("corpus/treatments.yml"); the
    // first line says which folder that is.
    catalogueLines = [`the catalogue in ${source.dir} is not valid: correct these files there`, ...(error as Error).message.split('\n')];
  }
  const known = catalogue
    ? {
        guidelines: new Set(catalogue.guidelines.map((g) => g.slug)),
        treatments: new Set(catalogue.taxonomy.types.map((t) => t.slug)),
        regions: new Set(catalogue.regions.map((r) => r.slug)),
      }
    : {};
  const folder = join(root, 'determinations');
  // A new content folder: nothing to check or build yet (the search index needs a letter).
  const entries = existsSync(folder) ? listLetterFiles(folder) : [];
  if (entries.length === 0) {
    for (const line of [...catalogueLines, `no letters in ${folder} yet: import some first (npm run import -- path/to/letters/)`])
      console.error(escapeForTerminal(line));
    return 1;
  }
  const cache = catalogue && !values.full ? openCheckCache(buildCacheDir(), root, catalogue) : undefined;
  const ids = new Map<string, string>();
  let unchanged = 0;
  const useId = (id: string, path: string) => {
    const other = ids.get(id);
    if (other) problems.push(`${path} → id: ${id} is also the id of ${other}`);
    else ids.set(id, path);
  };
  let letters = 0;
  for (const [n, entry] of entries.entries()) {
    if (n % LETTERS_PER_TURN === LETTERS_PER_TURN - 1) await nextTurn();
    const relativePath = entry.path;
    const file = join(folder, relativePath);
    const path = shown(file);
    if (entry.kind === 'letter') letters++;
    // Not a letter, or one too large to read: reported, never parsed.
    const refused = entryProblem(entry) ?? letterSizeProblem(statSync(file).size);
    if (refused) {
      problems.push(`${path} → ${refused}`);
      continue;
    }
    let text;
    try {
      // Read as the build reads it: strict UTF-8, a leading byte-order mark dropped.
      text = readLetterTextSync(file);
    } catch (error) {
      if (error instanceof LetterTextError) problems.push(`${path} → ${error.message}`);
      else problems.push(`${path} → (file): cannot read it: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      continue;
    }
    const digest = cache?.digest(text);
    if (cache && digest && cache.passed(relativePath, digest)) {
      // It passed as it is, so it sits at <year>/<id>.md.
      cache.pass(relativePath, digest);
      useId(basename(file, '.md'), path);
      unchanged++;
      continue;
    }
    const { problems: found, determination } = checkDetermination(relativePath, text, known);
    problems.push(...found.map((p) => `${path} → ${p}`));
    if (determination) useId(determination.id, path);
    if (found.length === 0 && digest) cache?.pass(relativePath, digest);
  }
  cache?.save();
  // File names and values can hold escape sequences; none reaches the terminal raw. The catalogue's
  // lines are escaped one by one, so the breaks between them stay line breaks (not "\x0a").
  for (const line of catalogueLines) console.error(escapeForTerminal(line));
  for (const p of problems) console.error(escapeForTerminal(p));
  const found = problems.length + (catalogueLines.length > 0 ? 1 : 0);
  const catalogueNote = catalogue
    ? `${catalogue.guidelines.length} guidelines, ${catalogue.taxonomy.types.length} treatment types, ${catalogue.regions.length} body regions${source.bundled ? ' (bundled)' : ''}`
    : 'no valid catalogue';
  const reuse = unchanged > 0 ? ` (${unchanged} unchanged since they last passed)` : '';
  console.log(
    `checked ${letters} determinations${reuse}, ${catalogueNote}: ${found === 0 ? 'no problems' : `${found} problem${found === 1 ? '' : 's'}`}`,
  );
  return found === 0 ? 0 : 1;
}

process.exitCode = await main();
