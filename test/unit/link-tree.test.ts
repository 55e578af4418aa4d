import { linkSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { placeFile, removeLeftTemporaries } from '../../scripts/search-index/link-tree.ts';

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'imr-link-tree-'));
}

describe('placeFile', () => {
  test('placing the file a site already links leaves nothing beside it', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'cached'), 'facets');
    await placeFile(join(dir, 'cached'), join(dir, 'facets.bin.gz'));
    await placeFile(join(dir, 'cached'), join(dir, 'facets.bin.gz'));
    expect(readdirSync(dir).sort()).toEqual(['cached', 'facets.bin.gz']);
  });

  test('a different file replaces the link and leaves the old file unwritten', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'old'), 'old');
    writeFileSync(join(dir, 'new'), 'new');
    await placeFile(join(dir, 'old'), join(dir, 'facets.bin.gz'));
    await placeFile(join(dir, 'new'), join(dir, 'facets.bin.gz'));
    expect(readFileSync(join(dir, 'facets.bin.gz'), 'utf8')).toBe('new');
    expect(readFileSync(join(dir, 'old'), 'utf8')).toBe('old');
    expect(readdirSync(dir).sort()).toEqual(['facets.bin.gz', 'new', 'old']);
  });
});

test('removeLeftTemporaries removes only the file’s own left temporaries', async () => {
  const dir = folder();
  for (const name of ['facets.bin.gz', 'results.json.gz', 'results.json.gz.tmp-7']) writeFileSync(join(dir, name), 'x');
  linkSync(join(dir, 'facets.bin.gz'), join(dir, 'facets.bin.gz.tmp-18340'));
  await removeLeftTemporaries(join(dir, 'facets.bin.gz'));
  expect(readdirSync(dir).sort()).toEqual(['facets.bin.gz', 'results.json.gz', 'results.json.gz.tmp-7']);
});
