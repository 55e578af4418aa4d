// A file written whole: it replaces the old one by a rename and leaves nothing beside it, and a
// write that fails leaves the old file as it was.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { writeWhole, writeWholeSync } from '../../src/data/files/write-whole.ts';

const dir = mkdtempSync(join(tmpdir(), 'imr-write-whole-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeWhole', () => {
  test('replaces the file and leaves no temporary file beside it', async () => {
    const file = join(dir, 'memory.json');
    writeFileSync(file, 'old');
    await writeWhole(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    writeWholeSync(file, Buffer.from('newer'));
    expect(readFileSync(file, 'utf8')).toBe('newer');
    expect(readdirSync(dir)).toEqual(['memory.json']);
  });

  test('a write that fails leaves what was there and no temporary file', async () => {
    // The place is taken by a folder: the write aside succeeds, the rename over it fails, for root too.
    const taken = join(dir, 'taken');
    mkdirSync(taken);
    writeFileSync(join(taken, 'inside.txt'), 'old');
    await expect(writeWhole(taken, 'new')).rejects.toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(() => writeWholeSync(taken, 'new')).toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(readFileSync(join(taken, 'inside.txt'), 'utf8')).toBe('old');
    expect(readdirSync(dir).sort()).toEqual(['memory.json', 'taken']);
  });
});
