// The letters as pages read them, kept outside Astro's content layer: its store of every letter
// was synced, saved and compiled into the server bundle on every build, whatever changed
// (docs/scale.md). Here a build lists the letter files, takes each file whose stamp
// (src/lib/files/file-stamp.ts) is unchanged from the cache (letter-cache.ts) without reading it,
// and reads, parses and validates the others with the one schema on a worker thread
// (frontmatter-thread.ts). The files are the ones `npm run check` walks
// (src/data/files/letter-files.ts), and a file that is not a letter stops the build with its path
// and problem as check words them.
import { stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { letterVersion } from '../lib/corpus/cache-keys.ts';
import { fileStamp } from '../lib/files/file-stamp.ts';
import { escapeForTerminal } from '../lib/format/unsafe-text.ts';
import type { Determination } from '../lib/schema/index.ts';
import { letterSizeProblem, listLetterFiles } from './files/letter-files.ts';
import { frontmatterReader, type FrontmatterReader } from './frontmatter-thread.ts';
import { cachePartOf, letterCacheDir, letterCodeHash, readLetterCache, writeLetterCache, type LetterCache } from './letter-cache.ts';

/** The build's line on the load (lettersLine), as `npm run bench` reads it. */
export const LETTERS_LOG = /(\d+) determinations: (\d+) read, (\d+) new or changed in ([\d.]+) s/;

/** Files whose stamps are taken at once. */
const BATCH = 256;
/** Problems named in the error when letters are refused; the rest are counted. */
const PROBLEMS_SHOWN = 50;

/** One letter as pages use it. */
export interface LetterEntry {
  /** The determination id: the file's name without ".md". */
  id: string;
  /** Its frontmatter as the schema parsed it. */
  data: Determination;
  /** sha256 of the file's text (base64url): the body is read from the file when its page is built. */
  digest: string;
  /** The file, relative to the project's folder (`root`), where its page reads the body. */
  filePath: string;
  /** letterVersion(digest, data) (src/lib/corpus/cache-keys.ts): what page keys name it by. */
  version: string;
  /** Whether its text is new or changed since the cache's (the store's `changed` counts these). */
  changed: boolean;
}

export interface LetterStore {
  /** One entry per id, in file order (a later file with the same id replaces the earlier). */
  entries: LetterEntry[];
  /** Letter files found. */
  files: number;
  /** Files read (new, or their stamp changed). */
  read: number;
  /** Files whose text is new or changed. */
  changed: number;
  /** Duplicate ids, one line each (`npm run check` refuses them). */
  warnings: string[];
}

export interface LetterStoreOptions {
  /** The determinations folder, absolute. */
  folder: string;
  /** The project's folder URL: each entry's `filePath` and the paths in messages are relative to it. */
  root: URL;
  /** The build cache folder (Astro's cacheDir). */
  cacheDir: string;
  /** Where the project's code is (`src/`); by default this module's own project. */
  code?: URL;
}

/** The letters of `folder`, from the cache where their files are unchanged; throws naming every file that is not a letter. */
export async function loadLetterStore(options: LetterStoreOptions): Promise<LetterStore> {
  const code = options.code ?? new URL('../../', import.meta.url);
  // The worker that reads the new and changed files starts first, so that its modules load while
  // the files are listed and stamped.
  const reader = frontmatterReader(code);
  try {
    return await loadWith({ ...options, code }, reader);
  } finally {
    await reader.close();
  }
}

async function loadWith({ folder, root, cacheDir, code }: Required<LetterStoreOptions>, reader: FrontmatterReader): Promise<LetterStore> {
  // Letter paths are "/"-separated below the folder (letter-files.ts), so the folder's path from the root is worked out once.
  const fromRoot = relative(fileURLToPath(root), folder).split('\\').join('/');
  const filePathOf = (file: string) => (fromRoot ? `${fromRoot}/${file}` : file);
  const shown = (file: string) => escapeForTerminal(filePathOf(file));
  const listed = listLetterFiles(folder);
  const irregular = listed.flatMap((e) => (e.kind === 'irregular' ? [`${shown(e.path)} is ${e.what}`] : []));
  if (irregular.length > 0)
    throw new Error(`not regular files: ${irregular.join('; ')} (a letter is a plain file <year>/<id>.md; npm run check reports these)`);
  const files = listed.flatMap((e) => (e.kind === 'letter' ? [e.path] : []));

  const cache = letterCacheDir(cacheDir, folder);
  const context = letterCodeHash(code);
  const before = readLetterCache(cache, context);
  const { stamps, problems } = await stampFiles(folder, files, shown);
  const toRead = files.filter((f) => stamps.has(f) && before.get(f)?.stamp !== stamps.get(f));

  // Files read and validated on the worker thread, in this order; `fresh`: those whose text is new or changed.
  const after: LetterCache = new Map();
  const fresh = new Set<string>();
  const replies = reader.read(toRead.map((f) => join(folder, f)));
  for (const file of toRead) {
    const next = await replies.next();
    if (next.done) throw new Error(`${shown(file)} was not read`);
    const reply = next.value;
    if ('problems' in reply) {
      problems.push(...reply.problems.map((p) => `${shown(file)} → ${escapeForTerminal(p)}`));
      continue;
    }
    if (before.get(file)?.digest !== reply.digest) fresh.add(file);
    after.set(file, {
      stamp: stamps.get(file)!,
      digest: reply.digest,
      data: reply.data,
      version: letterVersion(reply.digest, reply.data),
    });
  }
  // Stopped now, not when the store is done: on a clean build the worker's heap holds what it
  // parsed of every letter, and the cache written below is the load's largest allocation.
  await reader.close();
  if (problems.length > 0) throw new Error(refusal(problems));

  const entries = new Map<string, LetterEntry>();
  const earlier = new Map<string, string>();
  const warnings: string[] = [];
  for (const file of files) {
    const letter = after.get(file) ?? before.get(file)!;
    after.set(file, letter);
    const id = basename(file, '.md');
    const other = earlier.get(id);
    if (other) warnings.push(escapeForTerminal(`${file}: id ${id} is also ${other}; the later file wins (npm run check reports this)`));
    earlier.set(id, file);
    entries.set(id, {
      id,
      data: letter.data,
      digest: letter.digest,
      filePath: filePathOf(file),
      version: letter.version,
      changed: fresh.has(file),
    });
  }
  // The cache's parts that hold a file read or gone (a new or moved file is read) are written again.
  const gone = [...before.keys()].filter((f) => !after.has(f));
  const parts = new Set([...toRead, ...gone].map(cachePartOf));
  if (parts.size > 0) writeLetterCache(cache, context, after, parts);
  return { entries: [...entries.values()], files: files.length, read: toRead.length, changed: fresh.size, warnings };
}

/** "148 determinations: 2 read, 1 new or changed in 0.05 s": the build's line on a load of `seconds`. */
export function lettersLine(store: LetterStore, seconds: number): string {
  return `${store.entries.length} determinations: ${store.read} read, ${store.changed} new or changed in ${seconds.toFixed(2)} s`;
}

/** Each file's stamp, and a problem for each file too large to read. */
async function stampFiles(
  folder: string,
  files: readonly string[],
  shown: (file: string) => string,
): Promise<{ stamps: Map<string, string>; problems: string[] }> {
  const stamps = new Map<string, string>();
  const problems: string[] = [];
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = files.slice(i, i + BATCH);
    const stats = await Promise.all(batch.map((f) => stat(join(folder, f))));
    batch.forEach((file, k) => {
      const tooLarge = letterSizeProblem(stats[k]!.size);
      if (tooLarge) problems.push(`${shown(file)} → ${tooLarge}`);
      else stamps.set(file, fileStamp(stats[k]!));
    });
  }
  return { stamps, problems };
}

/** The error of a load that found files that are not letters: one line each, as check prints them. */
function refusal(problems: readonly string[]): string {
  const more = problems.length > PROBLEMS_SHOWN ? [`… and ${problems.length - PROBLEMS_SHOWN} more (npm run check lists them all)`] : [];
  return [...problems.slice(0, PROBLEMS_SHOWN), ...more].join('\n');
}
