// Loads content/determinations/<year>/<id>.md into the content layer as frontmatter only.
// Astro's glob loader also renders every body at sync and keeps the HTML in the data store,
// which the build then compiles into one JavaScript module: at 100,000 letters that is over a
// gigabyte of source, most of the build's time and memory. Here the store holds each letter's
// validated data and a digest of its file; the determination page renders its own body when it
// is built (src/data/letter-body.ts), and nothing else reads bodies.
//
// A file whose digest is unchanged since the last sync is not parsed again. Entry ids are the
// file names: `npm run check` (run before every build) holds each file to <year>/<id>.md.
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { parseFrontmatter } from '../lib/frontmatter.ts';

/** Files read at once: enough to keep the disk busy, few enough to bound memory. */
const BATCH = 256;

export function determinationLoader(base: string): Loader {
  return {
    name: 'imr-determinations',
    async load({ store, parseData, generateDigest, config, logger }) {
      const root = fileURLToPath(config.root);
      const files = (await readdir(base, { recursive: true })).filter((f) => f.endsWith('.md')).sort();
      const seen = new Map<string, string>();
      let parsed = 0;
      for (let i = 0; i < files.length; i += BATCH) {
        const batch = files.slice(i, i + BATCH);
        const texts = await Promise.all(batch.map((f) => readFile(join(base, f), 'utf8')));
        for (const [k, file] of batch.entries()) {
          const id = basename(file, '.md');
          const earlier = seen.get(id);
          if (earlier) logger.warn(`${file}: id ${id} is also ${earlier}; the later file wins (npm run check reports this)`);
          seen.set(id, file);
          const text = texts[k]!;
          const digest = generateDigest(text);
          if (store.get(id)?.digest === digest) continue;
          const filePath = relative(root, join(base, file));
          const data = await parseData({ id, data: parseFrontmatter(text).data, filePath });
          store.set({ id, data, digest, filePath });
          parsed++;
        }
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      logger.info(`${seen.size} determinations, ${parsed} new or changed`);
    },
  };
}
