// `npm run check` as a user runs it: every problem of a content folder in one run, worded as pinned;
// and a second run validates again only what changed.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const repo = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'imr-check-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let folders = 0;
const newFolder = () => join(work, String(++folders));

/** Runs the check on `corpus`, with a cache folder of its own unless one is given, in at most 512 MB of heap. */
function runCheck(corpus: string, cacheDir = newFolder(), ...args: string[]) {
  const env = { ...process.env, CORPUS_DIR: corpus, ASTRO_CACHE_DIR: cacheDir };
  const node = ['--max-old-space-size=512', '--import', 'tsx'];
  const result = spawnSync(process.execPath, [...node, join(repo, 'scripts/check.ts'), ...args], { cwd: repo, encoding: 'utf8', env });
  return { code: result.status, output: (result.stderr + result.stdout).split(corpus).join('<corpus>') };
}

/** A content folder with the real catalogue and the given determinations folder. */
function corpusWith(determinations: string): string {
  const dir = newFolder();
  cpSync(join(repo, 'content/guidelines'), join(dir, 'guidelines'), { recursive: true });
  cpSync(join(repo, 'content/treatments.yml'), join(dir, 'treatments.yml'));
  cpSync(join(repo, 'content/body-regions.yml'), join(dir, 'body-regions.yml'));
  cpSync(join(repo, 'content/synonyms.yml'), join(dir, 'synonyms.yml'));
  cpSync(determinations, join(dir, 'determinations'), { recursive: true });
  return dir;
}

/** A content folder with the real catalogue and these real letters (paths below determinations/). */
function corpusOf(...files: string[]): string {
  const letters = newFolder();
  for (const file of files) cpSync(join(repo, 'content/determinations', file), join(letters, file));
  return corpusWith(letters);
}

describe('npm run check', () => {
  test('passes the shipped sample corpus', () => {
    const run = runCheck(join(repo, 'content'));
    expect(run.output).toMatch(/^checked 148 determinations, \d+ guidelines, \d+ treatment types, \d+ body regions: no problems$/m);
    expect(run.code).toBe(0);
  });

  test('checks a content folder without a catalogue against the bundled one, and says so in one line', () => {
    const corpus = newFolder();
    cpSync(join(repo, 'content/determinations/2016/CM16-0213037.md'), join(corpus, 'determinations/2016/CM16-0213037.md'), {
      recursive: true,
    });
    const run = runCheck(corpus);
    expect(run.output.split('\n')).toEqual([
      `catalogue: <corpus> (CORPUS_DIR) has none, so the bundled one is used (${repo}/content: guidelines/, treatments.yml, body-regions.yml, synonyms.yml); copy those into <corpus> to keep a catalogue of your own`,
      expect.stringMatching(/^checked 1 determinations, \d+ guidelines, \d+ treatment types, \d+ body regions \(bundled\): no problems$/),
      '',
    ]);
    expect(run.code).toBe(0);
  });

  test('says of a new, empty content folder that it has no letters yet and how to import some, with absolute paths', () => {
    const corpus = newFolder();
    mkdirSync(corpus);
    const run = runCheck(corpus);
    expect(run.output.split('\n').slice(1)).toEqual([
      'no letters in <corpus>/determinations yet: import some first (npm run import -- path/to/letters/)',
      '',
    ]);
    expect(run.code).toBe(1);
  });

  test('names a content folder that does not exist, or holds part of a catalogue, by its absolute path and says what to do', () => {
    const missing = runCheck(newFolder());
    expect(missing.output).toBe(
      '<corpus> (CORPUS_DIR): no such folder: create it (mkdir -p <corpus>) and import letters into it, or correct CORPUS_DIR\n',
    );
    expect(missing.code).toBe(1);
    const corpus = corpusOf('2016/CM16-0213037.md');
    rmSync(join(corpus, 'synonyms.yml'));
    const half = runCheck(corpus);
    expect(half.output).toBe(
      '<corpus> (CORPUS_DIR) has part of a catalogue (guidelines/, treatments.yml, body-regions.yml) but no synonyms.yml: ' +
        `copy it from the bundled catalogue (cp -r ${repo}/content/synonyms.yml <corpus>/), ` +
        'or remove guidelines/, treatments.yml, body-regions.yml from <corpus> to use the bundled catalogue\n',
    );
    expect(half.code).toBe(1);
  });

  test('reports every problem of a broken corpus in one run, in the pinned wording, and exits 1', () => {
    const fixtures = join(repo, 'test/fixtures/invalid-content');
    const run = runCheck(corpusWith(join(fixtures, 'determinations')));
    expect(run.output).toBe(readFileSync(join(fixtures, 'expected-errors.txt'), 'utf8'));
    expect(run.code).toBe(1);
  });

  test('validates again only files that changed since they passed, unless the catalogue changed or --full', () => {
    // Four real letters with the real catalogue.
    const letters = newFolder();
    for (const file of ['2016/CM16-0213037.md', '2016/CM16-0219557.md', '2016/CM16-0221706.md', '2017/CM16-0224814.md']) {
      cpSync(join(repo, 'content/determinations', file), join(letters, file));
    }
    const corpus = corpusWith(letters);
    const cache = newFolder();
    expect(runCheck(corpus, cache).output).toMatch(
      /^checked 4 determinations, \d+ guidelines, \d+ treatment types, \d+ body regions: no problems$/m,
    );
    expect(runCheck(corpus, cache).output).toMatch(/^checked 4 determinations \(4 unchanged since they last passed\), /m);

    // A changed file is validated again, and its problem is reported however often the check runs.
    const letter = join(corpus, 'determinations/2016/CM16-0219557.md');
    writeFileSync(letter, readFileSync(letter, 'utf8').replace('outcome: upheld', 'outcome: maybe'));
    for (let run = 0; run < 2; run++) {
      const result = runCheck(corpus, cache);
      expect(result.output).toMatch(/CM16-0219557\.md → items\.0\.outcome: expected "upheld" \| "overturned", got "maybe"/);
      expect(result.output).toMatch(/\(3 unchanged since they last passed\)/);
      expect(result.code).toBe(1);
    }

    // A treatment type removed from the catalogue is missed by no letter that uses it.
    const taxonomy = join(corpus, 'treatments.yml');
    writeFileSync(taxonomy, readFileSync(taxonomy, 'utf8').replace(/^ {2}- slug: mri\n( {4}.*\n)+/m, ''));
    const after = runCheck(corpus, cache);
    expect(after.output).toMatch(/CM16-0213037\.md → items\.0\.treatmentType: unknown treatment type "mri"/);
    expect(after.output).not.toMatch(/unchanged since/);
    expect(runCheck(corpus, cache, '--full').output).not.toMatch(/unchanged since/);
  });

  test('reports every entry that is not a regular file by its path: a symlinked letter, a folder named .md, a dangling link', () => {
    const corpus = corpusOf('2016/CM16-0213037.md');
    const letters = join(corpus, 'determinations');
    const outside = newFolder();
    cpSync(join(repo, 'content/determinations/2016/CM16-0219557.md'), join(outside, 'CM16-0219557.md'));
    symlinkSync(join(outside, 'CM16-0219557.md'), join(letters, '2016/CM16-0219557.md'));
    mkdirSync(join(letters, '2016/CM16-0000099.md'));
    mkdirSync(join(letters, '2017'));
    symlinkSync(join(outside, 'gone.md'), join(letters, '2017/CM17-0000001.md'));
    const run = runCheck(corpus);
    expect(run.output.split('\n').filter((l) => l.includes('→'))).toEqual([
      '<corpus>/determinations/2016/CM16-0000099.md → (file): not a regular file but a folder; a letter is a plain file <year>/<id>.md',
      '<corpus>/determinations/2016/CM16-0219557.md → (file): not a regular file but a symbolic link; a letter is a plain file <year>/<id>.md',
      '<corpus>/determinations/2017/CM17-0000001.md → (file): not a regular file but a symbolic link; a letter is a plain file <year>/<id>.md',
    ]);
    expect(run.output).toMatch(/^checked 1 determinations, .*: 3 problems$/m);
    expect(run.code).toBe(1);
  });

  test('refuses a letter over 1 MiB without parsing it, naming the file', () => {
    const corpus = corpusOf('2016/CM16-0213037.md');
    const letter = join(corpus, 'determinations/2016/CM16-0213037.md');
    const text = readFileSync(letter, 'utf8');
    writeFileSync(letter, text + 'Padding. '.repeat(120_000));
    const run = runCheck(corpus);
    expect(run.output).toContain(
      `<corpus>/determinations/2016/CM16-0213037.md → (file): ${(Buffer.byteLength(text) + 1_080_000).toLocaleString('en-US')} bytes; a letter file may be at most 1,048,576 bytes (1 MiB)\n`,
    );
    expect(run.code).toBe(1);
  });

  test('names the file whose frontmatter is a YAML alias bomb, in bounded memory', () => {
    const corpus = corpusOf('2016/CM16-0213037.md');
    const letter = join(corpus, 'determinations/2016/CM16-0213037.md');
    const bomb = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 9; i++)
      bomb.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    writeFileSync(letter, readFileSync(letter, 'utf8').replace('---\n', `---\n${bomb.join('\n')}\n`));
    const run = runCheck(corpus);
    expect(run.output).toContain(
      '<corpus>/determinations/2016/CM16-0213037.md → (frontmatter): more than 100 YAML alias expansions (a letter needs none)\n',
    );
    expect(run.code).toBe(1);
  });

  test('names the file, the item and the line of a body whose outcome line no longer says what the frontmatter says', () => {
    const corpus = corpusOf('2016/CM16-0213037.md');
    const letter = join(corpus, 'determinations/2016/CM16-0213037.md');
    writeFileSync(letter, readFileSync(letter, 'utf8').replace('**Upheld.**', '**Overturned.**'));
    const run = runCheck(corpus);
    expect(run.output).toContain(
      '<corpus>/determinations/2016/CM16-0213037.md → items.0.outcome: the body\'s outcome line under "### Item 1" (line 77) says "Overturned." but the frontmatter says "upheld"\n',
    );
    expect(run.code).toBe(1);
  });

  test('reads a letter saved with a byte-order mark as the letter it is', () => {
    const corpus = corpusOf('2016/CM16-0213037.md');
    const letter = join(corpus, 'determinations/2016/CM16-0213037.md');
    writeFileSync(letter, `\uFEFF${readFileSync(letter, 'utf8')}`);
    const run = runCheck(corpus);
    expect(run.output).toMatch(/^checked 1 determinations, .*: no problems$/m);
    expect(run.code).toBe(0);
  });

  test('refuses a date the calendar lacks, unquoted or quoted, naming the field', () => {
    const corpus = corpusOf('2016/CM16-0213037.md', '2016/CM16-0219557.md');
    const [unquoted, quoted] = ['2016/CM16-0213037.md', '2016/CM16-0219557.md'].map((f) => join(corpus, 'determinations', f));
    writeFileSync(unquoted!, readFileSync(unquoted!, 'utf8').replace('decided: "2016-12-09"', 'decided: 2016-02-30'));
    writeFileSync(quoted!, readFileSync(quoted!, 'utf8').replace(/injury: "[\d-]+"/, 'injury: "2015-02-29"'));
    const run = runCheck(corpus);
    expect(run.output.split('\n').filter((l) => l.includes('→'))).toEqual([
      '<corpus>/determinations/2016/CM16-0213037.md → dates.decided: expected a real calendar date, got "2016-02-30"',
      '<corpus>/determinations/2016/CM16-0219557.md → dates.injury: expected a real calendar date, got "2015-02-29"',
    ]);
    expect(run.code).toBe(1);
  });

  test('refuses bytes that are not UTF-8 in a body or a frontmatter value, naming the line and showing them', () => {
    const corpus = corpusOf('2016/CM16-0221706.md', '2017/CM16-0224814.md');
    const [body, value] = ['2016/CM16-0221706.md', '2017/CM16-0224814.md'].map((f) => join(corpus, 'determinations', f));
    const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => Buffer.from(p as string)));
    writeFileSync(body!, bytes(readFileSync(body!, 'utf8'), 'bad ', [0xff, 0xfe], ' bytes ', [0xc3, 0x28], ' here.\n'));
    const [before, after] = readFileSync(value!, 'utf8').split('Cervical spine MRI without contrast\n');
    writeFileSync(value!, bytes(before!, 'MRI ', [0xff, 0xfe], ' shoulder\n', after!));
    const lineOf = (file: string, part: string) => {
      const text = readFileSync(file, 'latin1');
      return text.slice(0, text.indexOf(part)).split('\n').length;
    };
    const run = runCheck(corpus);
    expect(run.output.split('\n').filter((l) => l.includes('→'))).toEqual([
      `<corpus>/determinations/2016/CM16-0221706.md → (file): line ${lineOf(body!, 'bad ')} is not UTF-8 text: "bad \\xff\\xfe bytes \\xc3( here." (save the file as UTF-8)`,
      `<corpus>/determinations/2017/CM16-0224814.md → (file): line ${lineOf(value!, '- request: MRI')} is not UTF-8 text: "- request: MRI \\xff\\xfe shoulder" (save the file as UTF-8)`,
    ]);
    expect(run.code).toBe(1);
  });

  test('lists a broken catalogue’s problems one a line, escaping what they quote but not the breaks between them', () => {
    const corpus = corpusOf('2016/CM16-0213037.md');
    const taxonomy = join(corpus, 'treatments.yml');
    writeFileSync(taxonomy, readFileSync(taxonomy, 'utf8').replace(/^fallback: .*$/m, 'fallback: nope'));
    cpSync(join(corpus, 'guidelines/odg-pain.yml'), join(corpus, 'guidelines/odg\u001b[2J.yml'));
    const run = runCheck(corpus);
    const name = corpus.split('/').at(-1)!;
    expect(run.output).toContain(
      [
        'Invalid catalogue (2 problems):',
        `${name}/guidelines/odg\\x1b[2J.yml → slug: expected "odg\\x1b[2J" (the file name), got "odg-pain"`,
        `${name}/treatments.yml → fallback: expected the slug of one of the types, got "nope"`,
        '',
      ].join('\n'),
    );
    expect(run.output).not.toContain('\\x0a');
    expect(run.output).toMatch(/^checked 1 determinations, no valid catalogue: 1 problem$/m);
    expect(run.code).toBe(1);
  });

  test('writes control and bidirectional formatting characters of file names as escapes, never raw to the terminal', () => {
    const corpus = corpusOf('2016/CM16-0213037.md');
    writeFileSync(join(corpus, 'determinations/2016', 'notes\u001b[2J\u202e.txt'), 'x');
    const run = runCheck(corpus);
    expect(run.output).toContain('<corpus>/determinations/2016/notes\\x1b[2J\\u202e.txt → (file): not a determination');
    expect(run.output).not.toMatch(/[\u001b\u202e]/);
  });
});
