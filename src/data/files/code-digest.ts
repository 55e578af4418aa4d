// A digest of the code a worker runs: the source of its module and of every local module it
// imports, the installed packages (package-lock.json) and Node's version (its zlib and JSON). A
// stage that keeps its output between builds keys it on this, so a change to that code writes the
// output again while a change elsewhere in the site does not.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { importSpecifiers } from '../../lib/files/import-specifiers.ts';

/** `entry`: the worker's file; `root`: the project folder (holds package-lock.json). */
export async function codeDigest(entry: string, root: string): Promise<string> {
  const sources = new Map<string, string>();
  const visit = async (file: string): Promise<void> => {
    if (sources.has(file)) return;
    sources.set(file, '');
    const text = await readFile(file, 'utf8').catch(() => '(none)');
    sources.set(file, text);
    const local = importSpecifiers(text).filter((s) => s.startsWith('.'));
    await Promise.all(local.map((s) => visit(resolve(dirname(file), s))));
  };
  await visit(entry);
  const hash = createHash('sha256').update(`node ${process.versions.node} zlib ${process.versions.zlib}\n`);
  hash.update(await readFile(resolve(root, 'package-lock.json'), 'utf8').catch(() => '(no package-lock.json)'));
  for (const file of [...sources.keys()].sort()) hash.update(`\n${relative(root, file)}\n${sources.get(file)}`);
  return hash.digest('base64url');
}
