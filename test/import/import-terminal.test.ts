// What the importer prints names input files; a file name's escape sequences and bidirectional
// overrides reach the terminal written out, never raw.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';

const repo = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'imr-import-names-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('writes control and bidirectional formatting characters of input names as escapes', () => {
  copyFileSync(join(repo, 'test/fixtures/letters/CM16-0231706-txt/CM16-0231706.txt'), join(work, 'letter\u001b[2J\u202e.txt'));
  writeFileSync(join(work, 'bad\u001b]0;title\u0007.pdf'), '');
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'scripts/import.ts'), '--out', join(work, 'out'), work], {
    cwd: repo,
    encoding: 'utf8',
  });
  expect(run.stderr).toContain(`skipped ${join(work, 'bad\\x1b]0;title\\x07.pdf')}: not a PDF file: empty file (0 bytes)`);
  expect(run.stderr).toMatch(/\[2\/2\] imported .*letter\\x1b\[2J\\u202e\.txt\n/);
  expect(run.stderr + run.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
});
