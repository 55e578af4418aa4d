// The importer as a user runs it: every input accounted for, nothing overwritten by surprise,
// and a second run over the same letters changes no byte.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';

const repo = join(import.meta.dirname, '../..');
const letters = join(repo, 'test/fixtures/letters');
let work: string;

function runImport(...args: string[]) {
  return runImportWith(process.env, ...args);
}

function runImportWith(env: NodeJS.ProcessEnv, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'scripts/import.ts'), ...args], {
    cwd: repo,
    encoding: 'utf8',
    env,
  });
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'imr-import-'));
  copyFileSync(join(letters, 'CM16-0213037-pdf/CM16-0213037.pdf'), join(work, 'CM16-0213037.pdf'));
  copyFileSync(join(letters, 'CM16-0231706-txt/CM16-0231706.txt'), join(work, 'CM16-0231706.txt'));
  copyFileSync(join(letters, '2014-fragment/000_106e9026968353b5.txt'), join(work, 'fragment.txt'));
});

describe('npm run import', { timeout: 30_000 }, () => {
  test('imports good letters, skips bad ones with their reasons, and exits 1', () => {
    const text = readFileSync(join(letters, 'CM16-0238035-txt/CM16-0238035.txt'), 'utf8');
    writeFileSync(join(work, 'truncated.txt'), text.slice(0, text.length - 300));
    writeFileSync(join(work, 'empty.pdf'), '');
    writeFileSync(join(work, 'notes.docx'), 'not a letter');
    const out = join(work, 'out');
    const report = join(work, 'report.json');
    const run = runImport('--out', out, '--report', report, work, join(work, 'notes.docx'), join(work, 'missing.txt'));

    expect(run.stdout).toMatch(
      /^imported 3, updated 0, unchanged 0, skipped 4 \(5 letters in [\d.]+ s, \d+ letters\/s; ignored 1 non-letter file in folders, named above\)$/,
    );
    expect(run.code).toBe(1);
    expect(listFiles(out).map((f) => f.slice(out.length + 1))).toEqual([
      expect.stringMatching(/^2014\/imr-[0-9a-f]{16}\.md$/),
      '2016/CM16-0213037.md',
      '2017/CM16-0231706.md',
    ]);
    const files = JSON.parse(readFileSync(report, 'utf8')).files as Array<{ file: string; status: string; reason?: string }>;
    const byName = Object.fromEntries(files.map((f) => [f.file.split('/').pop(), f]));
    expect(byName['truncated.txt']).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/^truncated/) });
    expect(byName['empty.pdf']).toMatchObject({ status: 'skipped', reason: 'not a PDF file: empty file (0 bytes)' });
    expect(byName['notes.docx']).toMatchObject({ status: 'skipped', reason: 'not a letter: expected a .pdf or .txt file, got ".docx"' });
    expect(byName['missing.txt']).toMatchObject({ status: 'skipped', reason: 'no such file or folder' });
    expect(byName['CM16-0213037.pdf']).toMatchObject({ status: 'imported' });
    expect(JSON.parse(readFileSync(report, 'utf8')).ignored).toEqual([join(work, 'notes.docx')]);
    expect(run.stderr).toContain('skipped ' + join(work, 'empty.pdf') + ': not a PDF file: empty file (0 bytes)');
    // A file inside a folder that is not a letter is named on screen, not only in the report.
    expect(run.stderr).toContain(`ignored ${join(work, 'notes.docx')}: not a .pdf or .txt letter\n`);
  });

  test('names each file it passes over inside folders, a broken link too, and does not count them as skips', () => {
    const folder = join(work, 'inbox');
    mkdirSync(join(folder, 'scans'), { recursive: true });
    copyFileSync(join(work, 'CM16-0231706.txt'), join(folder, 'CM16-0231706.txt'));
    writeFileSync(join(folder, 'scans/letter.jpg'), 'an image');
    writeFileSync(join(folder, 'Thumbs.db'), 'x');
    symlinkSync(join(work, 'gone.pdf'), join(folder, 'old.pdf'));
    const run = runImport('--out', join(work, 'out'), folder);
    expect(run.stderr.split('\n').filter((l) => l.startsWith('ignored '))).toEqual([
      `ignored ${folder}/Thumbs.db: not a .pdf or .txt letter`,
      `ignored ${folder}/old.pdf: cannot be read (a broken symbolic link?)`,
      `ignored ${folder}/scans/letter.jpg: not a .pdf or .txt letter`,
    ]);
    expect(run.stdout).toMatch(/^imported 1, updated 0, unchanged 0, skipped 0 .*; ignored 3 non-letter files in folders, named above\)$/);
    expect(run.code).toBe(0);
  });

  test('imports into a new, empty CORPUS_DIR with the bundled catalogue, and says so in one line', () => {
    const corpus = join(work, 'corpus');
    mkdirSync(corpus);
    const run = runImportWith({ ...process.env, CORPUS_DIR: corpus }, work);
    expect(run.stderr.split('\n')[0]).toBe(
      `catalogue: ${corpus} (CORPUS_DIR) has none, so the bundled one is used (${repo}/content: guidelines/, treatments.yml, body-regions.yml, synonyms.yml); copy those into ${corpus} to keep a catalogue of your own`,
    );
    expect(run.stdout).toMatch(/^imported 3, updated 0, unchanged 0, skipped 0 /);
    expect(run.code).toBe(0);
    expect(listFiles(corpus).map((f) => f.slice(corpus.length + 1))).toEqual([
      expect.stringMatching(/^determinations\/2014\/imr-[0-9a-f]{16}\.md$/),
      'determinations/2016/CM16-0213037.md',
      'determinations/2017/CM16-0231706.md',
    ]);
  });

  test('names a CORPUS_DIR that is missing or holds part of a catalogue by its absolute path, says what to do, and exits 2', () => {
    const missing = join(work, 'no-such-corpus');
    const none = runImportWith({ ...process.env, CORPUS_DIR: missing }, work);
    expect(none.stderr).toBe(
      `cannot import: ${missing} (CORPUS_DIR): no such folder: create it (mkdir -p ${missing}) and import letters into it, or correct CORPUS_DIR\n`,
    );
    expect(none.code).toBe(2);

    const corpus = join(work, 'corpus');
    mkdirSync(corpus);
    copyFileSync(join(repo, 'content/treatments.yml'), join(corpus, 'treatments.yml'));
    const half = runImportWith({ ...process.env, CORPUS_DIR: corpus }, work);
    expect(half.stderr).toBe(
      `cannot import: ${corpus} (CORPUS_DIR) has part of a catalogue (treatments.yml) but no guidelines/, body-regions.yml, synonyms.yml: ` +
        `copy them from the bundled catalogue (cp -r ${repo}/content/guidelines ${repo}/content/body-regions.yml ${repo}/content/synonyms.yml ${corpus}/), ` +
        `or remove treatments.yml from ${corpus} to use the bundled catalogue\n`,
    );
    expect(half.stdout).toBe('');
    expect(half.code).toBe(2);
    expect(readdirSync(corpus)).toEqual(['treatments.yml']);

    // A whole catalogue with a problem: its problems, one a line, under the folder's absolute path.
    for (const part of ['guidelines', 'body-regions.yml', 'synonyms.yml'])
      cpSync(join(repo, 'content', part), join(corpus, part), { recursive: true });
    writeFileSync(join(corpus, 'synonyms.yml'), 'groups: [');
    const invalid = runImportWith({ ...process.env, CORPUS_DIR: corpus }, work);
    const lines = invalid.stderr.trimEnd().split('\n');
    expect(lines.slice(0, 2)).toEqual([
      `cannot import: the catalogue in ${corpus} is not valid (npm run check lists the same)`,
      'Invalid catalogue (1 problem):',
    ]);
    expect(lines[2]).toMatch(/^corpus\/synonyms\.yml: invalid YAML: /);
    expect(invalid.stderr).not.toMatch(/^\s+at /m);
    expect(invalid.code).toBe(2);
  });

  test(
    'with --ok-if-known, exits 0 when every skip is one the last report holds (same bytes, same reason), 1 when one is new',
    { timeout: 90_000 },
    () => {
      const text = readFileSync(join(letters, 'CM16-0238035-txt/CM16-0238035.txt'), 'utf8');
      writeFileSync(join(work, 'truncated.txt'), text.slice(0, text.length - 300));
      writeFileSync(join(work, 'empty.pdf'), '');
      const out = join(work, 'out');
      const report = join(work, 'report.json');
      const update = () => runImport('--out', out, '--report', report, '--ok-if-known', work);
      const skipLines = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('skipped '));

      const first = update();
      expect(first.stderr).toContain(`no report at ${report} yet: every skip counts as new (the next run compares with this run's)\n`);
      expect(first.stdout).toMatch(/^imported 3, updated 0, unchanged 0, skipped 2 \(all new\) \(5 letters in /);
      expect(first.code).toBe(1);
      const firstReport = JSON.parse(readFileSync(report, 'utf8'));
      expect(firstReport.summary).toEqual({ imported: 3, updated: 0, unchanged: 0, skipped: 2, reportedBefore: 0 });
      const skipsOf = (r: { files: Array<{ status: string }> }) => r.files.filter((f) => f.status === 'skipped');
      for (const skip of skipsOf(firstReport)) expect(skip).toMatchObject({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

      // The same folder again: nothing new failed.
      const again = update();
      expect(again.stdout).toMatch(/^imported 0, updated 0, unchanged 3, skipped 2 \(all reported before\) \(5 letters in /);
      expect(skipLines(again.stderr)).toEqual([
        `skipped ${join(work, 'empty.pdf')}: not a PDF file: empty file (0 bytes) (reported before)`,
        expect.stringMatching(new RegExp(`^skipped ${join(work, 'truncated.txt')}: truncated .* \\(reported before\\)$`)),
      ]);
      expect(again.code).toBe(0);
      expect(skipsOf(JSON.parse(readFileSync(report, 'utf8')))).toEqual([
        expect.objectContaining({ reportedBefore: true }),
        expect.objectContaining({ reportedBefore: true }),
      ]);
      // Without the flag, a skip is a failure as ever.
      expect(runImport('--out', out, work).code).toBe(1);

      // A new broken letter, and a known one whose bytes changed: both new; the next run knows them.
      writeFileSync(join(work, 'cut.txt'), text.slice(0, text.length - 900));
      writeFileSync(join(work, 'empty.pdf'), '%PDF-1.4 cut');
      const added = update();
      expect(added.stdout).toMatch(/^imported 0, updated 0, unchanged 3, skipped 3 \(2 new, 1 reported before\) /);
      expect(skipLines(added.stderr).filter((l) => l.endsWith('(reported before)'))).toEqual([
        expect.stringMatching(/truncated\.txt: truncated .* \(reported before\)$/),
      ]);
      expect(added.code).toBe(1);
      expect(update().code).toBe(0);
    },
  );

  test('refuses --ok-if-known without --report, and a --report file that is not a report, exiting 2 before importing', () => {
    const out = join(work, 'out');
    const alone = runImport('--out', out, '--ok-if-known', work);
    expect(alone.stderr.split('\n')[0]).toBe(
      "--ok-if-known needs --report FILE: the last run's report, which this run compares with and then replaces",
    );
    expect(alone.code).toBe(2);
    const notReport = join(work, 'notes.json');
    writeFileSync(notReport, '{"summary": {}}');
    const wrong = runImport('--out', out, '--report', notReport, '--ok-if-known', work);
    expect(wrong.stderr).toBe(
      `cannot import: ${notReport} is not an import report (no "files" list): name another file with --report, or delete it\n`,
    );
    expect(wrong.code).toBe(2);
    expect(readFileSync(notReport, 'utf8')).toBe('{"summary": {}}');
    expect(() => readdirSync(out)).toThrow();
  });

  test('changes no byte when run again on the same letters, and exits 0', () => {
    const out = join(work, 'out');
    expect(runImport('--out', out, work).stdout).toMatch(/^imported 3, updated 0, unchanged 0, skipped 0 /);
    const before = listFiles(out).map((f) => [f, readFileSync(f, 'utf8'), statSync(f).mtimeMs]);
    const again = runImport('--out', out, work);
    expect(again.stdout).toMatch(/^imported 0, updated 0, unchanged 3, skipped 0 /);
    expect(again.code).toBe(0);
    expect(listFiles(out).map((f) => [f, readFileSync(f, 'utf8'), statSync(f).mtimeMs])).toEqual(before);
  });

  test('keeps an edited file unless --force, then replaces it', () => {
    const out = join(work, 'out');
    runImport('--out', out, work);
    const target = join(out, '2016/CM16-0213037.md');
    writeFileSync(target, readFileSync(target, 'utf8').replace('Family Practice', 'Family Medicine'));
    const kept = runImport('--out', out, work);
    expect(kept.code).toBe(1);
    expect(kept.stdout).toMatch(/^imported 0, updated 0, unchanged 2, skipped 1 /);
    expect(kept.stderr).toContain(`${target} exists with different content; not overwritten (use --force to replace it)`);
    expect(readFileSync(target, 'utf8')).toContain('Family Medicine');
    const forced = runImport('--out', out, '--force', work);
    expect(forced.stdout).toMatch(/^imported 0, updated 1, unchanged 2, skipped 0 /);
    expect(readFileSync(target, 'utf8')).not.toContain('Family Medicine');
  });

  test('moves the file of a corrected letter whose decision year changed, with --force, instead of adding a second', () => {
    const corrected = readFileSync(join(repo, 'test/fixtures/pdf/CM16-0213037.txt'), 'utf8').replace(
      'Decision Date:        12/09/2016',
      'Decision Date:        01/05/2017',
    );
    const out = join(work, 'out');
    runImport('--out', out, join(work, 'CM16-0213037.pdf'));
    const later = mkdtempSync(join(tmpdir(), 'imr-corrected-'));
    writeFileSync(join(later, 'CM16-0213037.txt'), corrected);
    const kept = runImport('--out', out, later);
    expect(kept.code).toBe(1);
    expect(kept.stderr).toContain(
      `${out}/2016/CM16-0213037.md holds this determination with different content; not moved to ${out}/2017/CM16-0213037.md (use --force to replace it)`,
    );
    expect(listFiles(out).map((f) => f.slice(out.length + 1))).toEqual(['2016/CM16-0213037.md']);
    const forced = runImport('--out', out, '--force', later);
    expect(forced.stdout).toMatch(/^imported 0, updated 1, unchanged 0, skipped 0 /);
    expect(forced.stderr).toContain(`moved ${out}/2016/CM16-0213037.md -> ${out}/2017/CM16-0213037.md`);
    expect(listFiles(out).map((f) => f.slice(out.length + 1))).toEqual(['2017/CM16-0213037.md']);
  });

  test('imports one file for a letter and its correction given in one run, and says why the second is skipped', () => {
    const corrected = readFileSync(join(repo, 'test/fixtures/pdf/CM16-0213037.txt'), 'utf8').replace(
      'Decision Date:        12/09/2016',
      'Decision Date:        01/05/2017',
    );
    writeFileSync(join(work, 'corrected.txt'), corrected);
    const out = join(work, 'out');
    const run = runImport('--out', out, join(work, 'CM16-0213037.pdf'), join(work, 'corrected.txt'));
    expect(run.stderr).toMatch(/corrected\.txt: same determination CM16-0213037 as .*CM16-0213037\.pdf, imported earlier in this run/);
    expect(listFiles(out).map((f) => f.slice(out.length + 1))).toEqual(['2016/CM16-0213037.md']);
  });

  test('imports a letter given as both PDF and text once, and says why the second is skipped', () => {
    copyFileSync(join(repo, 'test/fixtures/pdf/CM16-0213037.txt'), join(work, 'CM16-0213037.txt'));
    const run = runImport('--out', join(work, 'out'), work);
    expect(run.stdout).toMatch(/skipped 1 /);
    expect(run.stderr).toMatch(/CM16-0213037\.txt: same determination CM16-0213037 as .*CM16-0213037\.pdf, imported earlier in this run/);
  });
});
