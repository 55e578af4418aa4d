// Loads content/determinations/<year>/<id>.md into the content layer as frontmatter only: Astro's
// glob loader renders every body at sync and compiles the HTML into one module, most of a large
// build's time and memory (docs/scale.md). The store keeps each letter's validated data and a
// digest; the page renders its own body (src/data/letter-body.ts). Unchanged files (by their stamp,
// src/lib/files/file-stamp.ts) are not read again, unchanged digests not stored again.
import { stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { fileStamp } from '../lib/files/file-stamp.ts';
import { letterSizeProblem, listLetterFiles } from './files/letter-files.ts';
import { escapeForTerminal } from '../lib/format/unsafe-text.ts';
import { readLetterFiles } from './frontmatter-thread.ts';

/** Files whose stamps are taken at once. */
const BATCH = 256;
/** Meta key of the stamps (size, mtime, ctime) of the files as last synced, by filePath. */
const STAMPS = 'file-stamps';

// Files are read and their YAML parsed on a worker thread (frontmatter-thread.ts) while this one
// validates and stores those before them. Entry ids are the file names: `npm run check` (run before
// every build) holds each file to <year>/<id>.md. The files are the ones check walks
// (src/data/files/letter-files.ts); an entry that is not a regular file, a file over the size limit
// or unreadable frontmatter stops the load with the file's path, as check reports them. Each entry
// keeps the path it was read from (`filePath`, from the project root), where its page reads the
// body; stamps are kept by that path too, so a content folder moved elsewhere is read again.
export function determinationLoader(base: string): Loader {
  return {
    name: 'imr-determinations',
    async load({ store, meta, parseData, generateDigest, config, logger }) {
      const root = fileURLToPath(config.root);
      const pathOf = (file: string) => relative(root, join(base, file));
      const shown = (file: string) => escapeForTerminal(pathOf(file));
      const entries = listLetterFiles(base);
      const irregular = entries.flatMap((e) => (e.kind === 'irregular' ? [`${shown(e.path)} is ${e.what}`] : []));
      if (irregular.length > 0)
        throw new Error(
          `not regular files: ${irregular.join('; ')} (a letter is a plain file <year>/<id>.md; npm run check reports these)`,
        );
      const files = entries.flatMap((e) => (e.kind === 'letter' ? [e.path] : []));
      const before = JSON.parse(meta.get(STAMPS) ?? '{}') as Record<string, string>;
      const stamps: Record<string, string> = {};
      const seen = new Map<string, string>();
      let read = 0;
      let parsed = 0;
      // Which files changed since the last sync, by their stamps.
      const changed = new Set<string>();
      for (let i = 0; i < files.length; i += BATCH) {
        const batch = files.slice(i, i + BATCH);
        const stats = await Promise.all(batch.map((f) => stat(join(base, f))));
        batch.forEach((file, k) => {
          const tooLarge = letterSizeProblem(stats[k]!.size);
          if (tooLarge) throw new Error(`${shown(file)} → ${tooLarge}`);
          const filePath = pathOf(file);
          stamps[filePath] = fileStamp(stats[k]!);
          if (stamps[filePath] !== before[filePath] || !store.has(basename(file, '.md'))) changed.add(file);
        });
      }
      // Those are read and their frontmatter parsed on a worker thread, in this order.
      const reads = readLetterFiles(files.filter((f) => changed.has(f)).map((f) => join(base, f)));
      try {
        for (const file of files) {
          const id = basename(file, '.md');
          const earlier = seen.get(id);
          if (earlier)
            logger.warn(escapeForTerminal(`${file}: id ${id} is also ${earlier}; the later file wins (npm run check reports this)`));
          seen.set(id, file);
          if (!changed.has(file)) continue;
          const { value: reply } = await reads.next();
          if (!reply) throw new Error(`${shown(file)} was not read`);
          if ('readError' in reply) throw new Error(reply.readError);
          if ('textError' in reply) throw new Error(`${shown(file)} → ${escapeForTerminal(reply.textError)}`);
          read++;
          const digest = generateDigest(reply.text);
          const filePath = pathOf(file);
          const stored = store.get(id);
          if (stored?.digest === digest && stored.filePath === filePath) continue;
          // The store ignores a set with an unchanged digest: a moved file's entry goes first.
          if (stored && stored.filePath !== filePath) store.delete(id);
          if ('frontmatterError' in reply) throw new Error(`${shown(file)} → (frontmatter): ${reply.frontmatterError}`);
          const data = await parseData({ id, data: reply.data, filePath });
          store.set({ id, data, digest, filePath });
          parsed++;
        }
      } finally {
        await reads.return(undefined);
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      meta.set(STAMPS, JSON.stringify(stamps));
      logger.info(`${seen.size} determinations: ${read} read, ${parsed} new or changed`);
    },
  };
}
