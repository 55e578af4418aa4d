// A letter's page reads its body from the path the content loader stored, relative to the
// project root, whatever folder the build runs in (the bench runs Astro from its work folder).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { renderLetterBody } from '../../src/data/letter-body.ts';

const repo = join(import.meta.dirname, '../..');
const cwd = process.cwd();
afterEach(() => process.chdir(cwd));

describe('renderLetterBody', () => {
  test('reads the file relative to the project root, not to the working folder', async () => {
    const filePath = relative(repo, join(repo, 'content/determinations/2016/CM16-0213037.md'));
    process.chdir(mkdtempSync(join(tmpdir(), 'imr-elsewhere-')));
    const body = await renderLetterBody({ id: 'CM16-0213037', filePath }, pathToFileURL(`${repo}/`));
    expect(body.items.size).toBeGreaterThan(0);
  });
});
