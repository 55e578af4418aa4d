// `npm run check` as a user runs it: every problem of a content folder in one run, worded as pinned.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const repo = join(import.meta.dirname, '../..');

function runCheck(corpus: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'scripts/check.ts')], { cwd: repo, encoding: 'utf8', env: { ...process.env, CORPUS_DIR: corpus } });
  return { code: result.status, output: (result.stderr + result.stdout).split(corpus).join('<corpus>') };
}

/** A content folder with the real catalogue and the given determinations folder. */
function corpusWith(determinations: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'imr-check-'));
  cpSync(join(repo, 'content/guidelines'), join(dir, 'guidelines'), { recursive: true });
  cpSync(join(repo, 'content/treatments.yml'), join(dir, 'treatments.yml'));
  cpSync(determinations, join(dir, 'determinations'), { recursive: true });
  return dir;
}

describe('npm run check', () => {
  test('passes the shipped sample corpus', () => {
    const run = runCheck(join(repo, 'content'));
    expect(run.output).toMatch(/^checked 148 determinations, \d+ guidelines, \d+ treatment types: no problems$/m);
    expect(run.code).toBe(0);
  });

  test('reports every problem of a broken corpus in one run, in the pinned wording, and exits 1', () => {
    const fixtures = join(repo, 'test/fixtures/invalid-content');
    const run = runCheck(corpusWith(join(fixtures, 'determinations')));
    expect(run.output).toBe(readFileSync(join(fixtures, 'expected-errors.txt'), 'utf8'));
    expect(run.code).toBe(1);
  });
});
