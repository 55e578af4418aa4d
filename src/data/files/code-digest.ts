// Digests of source code, for the caches that keep a stage's output between builds: a change to
// the code that made the output makes it again, while a change elsewhere in the site does not.
// Two ways to name that code: a module and every local module it imports (codeDigest), or whole
// folders of .ts files (hashFolders).
import { createHash, type Hash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { importSpecifiers } from '../../lib/files/import-specifiers.ts';

const readOr = (file: string, missing: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return missing;
  }
};

/**
 * A digest of the code a module runs: its source and that of every local module it imports, the
 * installed packages (package-lock.json) and Node's version (its zlib, JSON and v8.serialize).
 * `entry`: the module's file; `root`: the project folder (holds package-lock.json).
 */
export function codeDigest(entry: string, root: string): string {
  const sources = new Map<string, string>();
  const visit = (file: string): void => {
    if (sources.has(file)) return;
    const text = readOr(file, '(none)');
    sources.set(file, text);
    for (const s of importSpecifiers(text)) if (s.startsWith('.')) visit(resolve(dirname(file), s));
  };
  visit(entry);
  const hash = createHash('sha256').update(`node ${process.versions.node} zlib ${process.versions.zlib}\n`);
  hash.update(readOr(resolve(root, 'package-lock.json'), '(no package-lock.json)'));
  for (const file of [...sources.keys()].sort()) hash.update(`\n${relative(root, file)}\n${sources.get(file)}`);
  return hash.digest('base64url');
}

/** Adds every .ts file of these folders (below `root`), with its path, to `hash`, in name order. */
export function hashFolders(hash: Hash, root: string, folders: readonly string[]): Hash {
  for (const folder of folders) {
    const files = readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .sort();
    for (const f of files) hash.update(`${folder}/${f}\n`).update(readFileSync(join(root, folder, f)));
  }
  return hash;
}
