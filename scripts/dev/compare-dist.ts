// Compares two built sites file by file, for refactors that must not change the output:
//   node --import tsx scripts/dev/compare-dist.ts <before-dist> <after-dist>
// Bundles are compared with their content hash replaced by `[hash]` and reported apart from pages;
// Pagefind's word, filter and metadata chunks are not byte-stable and only counted, while each
// page's fragment is compared byte for byte. Prints every differing, missing and extra file;
// exits 1 when there is any page difference.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const INDEX_CHUNK = /^pagefind\/.*(?:\.pf_(?:index|filter|meta)|pagefind-entry\.json)$/;
const HASHED_ASSET = /(_astro\/[\w.-]+?)\.[\w-]{8}\.(js|css)\b/g;

/** A path or a text with every bundled asset's hash replaced by `[hash]`. */
export function unhash(text: string): string {
  return text.replace(HASHED_ASSET, '$1.[hash].$2');
}

function files(dir: string): Map<string, string> {
  const names = readdirSync(dir, { recursive: true, withFileTypes: true }).filter(
    (e) => e.isFile() && !INDEX_CHUNK.test(join(e.parentPath, e.name).slice(dir.length + 1)),
  );
  return new Map(names.map((e) => [unhash(join(e.parentPath, e.name).slice(dir.length + 1)), join(e.parentPath, e.name)]));
}

export interface DistDiff {
  /** Files whose bytes differ (after hashes are normalised), asset bundles excluded. */
  changed: string[];
  /** Asset bundles whose bytes differ. */
  assets: string[];
  missing: string[];
  extra: string[];
  same: number;
  /** Pagefind index chunks in each build (not compared: see above). */
  indexChunks: [number, number];
}

export function compareDist(before: string, after: string): DistDiff {
  const a = files(before);
  const b = files(after);
  const chunks = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => INDEX_CHUNK.test(f)).length;
  const diff: DistDiff = { changed: [], assets: [], missing: [], extra: [], same: 0, indexChunks: [chunks(before), chunks(after)] };
  for (const [name, path] of a) {
    const other = b.get(name);
    if (!other) diff.missing.push(name);
    else if (unhash(readFileSync(path, 'latin1')) === unhash(readFileSync(other, 'latin1'))) diff.same++;
    else (name.startsWith('_astro/') ? diff.assets : diff.changed).push(name);
  }
  diff.extra = [...b.keys()].filter((name) => !a.has(name));
  return diff;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [before, after] = process.argv.slice(2);
  if (!before || !after) {
    console.error('usage: compare-dist.ts <before-dist> <after-dist>');
    process.exit(2);
  }
  const diff = compareDist(before, after);
  for (const [label, list] of [
    ['changed', diff.changed],
    ['asset bundle changed', diff.assets],
    ['missing', diff.missing],
    ['extra', diff.extra],
  ] as const) {
    for (const name of list) console.log(`${label}: ${name}`);
  }
  console.log(
    `${diff.same} identical, ${diff.changed.length} changed, ${diff.assets.length} asset bundles changed, ${diff.missing.length} missing, ${diff.extra.length} extra; Pagefind index chunks ${diff.indexChunks.join(' / ')} (not compared)`,
  );
  process.exit(diff.changed.length + diff.missing.length + diff.extra.length > 0 ? 1 : 0);
}
