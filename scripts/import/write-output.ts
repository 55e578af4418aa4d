// Writes one determination file without ever losing or half-writing one: unchanged bytes are
// left alone, a different existing file is kept unless forced, and writes go through a rename.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type WriteStatus = 'imported' | 'updated' | 'unchanged' | 'conflict';

export function writeDetermination(outDir: string, relativePath: string, markdown: string, force: boolean): WriteStatus {
  const target = join(outDir, relativePath);
  const exists = existsSync(target);
  if (exists) {
    if (readFileSync(target, 'utf8') === markdown) return 'unchanged';
    if (!force) return 'conflict';
  }
  mkdirSync(dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  writeFileSync(temp, markdown);
  renameSync(temp, target);
  return exists ? 'updated' : 'imported';
}
