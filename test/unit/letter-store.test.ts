// The letter store loads the files `check` walks and validates, names every file it cannot load as
// check does, and reads again only the files that changed since the last load.
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { frontmatterReader } from '../../src/data/frontmatter-thread.ts';
import { letterVersion } from '../../src/lib/corpus/cache-keys.ts';
import { letterCacheDir, letterCodeHash, readLetterCache } from '../../src/data/letter-cache.ts';
import { loadLetterStore } from '../../src/data/letter-store.ts';
import { parseFrontmatter } from '../../src/lib/body/frontmatter.ts';
import { DeterminationSchema } from '../../src/lib/schema/determination.ts';

const repo = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'imr-letter-store-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let folders = 0;

interface Project {
  root: string;
  letters: string;
  cache: string;
}

/** A determinations folder under a project root, holding these real letters, with a build cache of its own. */
function lettersOf(...files: string[]): Project {
  const root = join(work, String(++folders));
  const letters = join(root, 'determinations');
  for (const file of files) cpSync(join(repo, 'content/determinations', file), join(letters, file));
  return { root, letters, cache: join(root, 'cache') };
}

const load = ({ root, letters, cache }: Project) => loadLetterStore({ folder: letters, root: pathToFileURL(`${root}/`), cacheDir: cache });
const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

describe('the letter store', () => {
  test('loads the regular letter files, each with its data as the schema parses it, its digest and its path', async () => {
    const project = lettersOf('2016/CM16-0213037.md', '2017/CM16-0224814.md');
    const { entries } = await load(project);
    expect(entries.map((e) => e.id)).toEqual(['CM16-0213037', 'CM16-0224814']);
    const text = readFileSync(join(project.letters, '2016/CM16-0213037.md'), 'utf8');
    const data = DeterminationSchema.parse(parseFrontmatter(text).data);
    expect(entries[0]).toEqual({
      id: 'CM16-0213037',
      data,
      digest: sha256(text),
      filePath: 'determinations/2016/CM16-0213037.md',
      version: letterVersion(sha256(text), data),
      changed: true,
    });
    // The version kept in the cache is the one a fresh read gives.
    expect((await load(project)).entries[0]).toMatchObject({ version: letterVersion(sha256(text), data) });
  });

  test('takes unchanged files from its cache without reading them, and reads again a touched, an edited or a new one', async () => {
    const project = lettersOf('2016/CM16-0213037.md', '2016/CM16-0219557.md', '2017/CM16-0224814.md');
    expect(await load(project)).toMatchObject({ files: 3, read: 3, changed: 3 });
    const first = await load(project);
    expect(first).toMatchObject({ files: 3, read: 0, changed: 0 });

    const touched = join(project.letters, '2016/CM16-0213037.md');
    utimesSync(touched, new Date(), new Date(2030, 0, 1));
    const edited = join(project.letters, '2017/CM16-0224814.md');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace(/^(### Item 1: .*)$/m, '$1\n\nA marker.'));
    const added = join(project.letters, '2016/CM16-0999999.md');
    writeFileSync(added, readFileSync(touched, 'utf8').replaceAll('CM16-0213037', 'CM16-0999999'));
    const second = await load(project);
    expect(second).toMatchObject({ files: 4, read: 3, changed: 2 });
    expect(second.entries.find((e) => e.id === 'CM16-0213037')).toEqual(first.entries.find((e) => e.id === 'CM16-0213037'));
    // Which entries are new or changed, the touched one not (the open data's worker gets their years first: open-data-parts.ts).
    expect(Object.fromEntries(first.entries.map((e) => [e.id, e.changed]))).toEqual({
      'CM16-0213037': false,
      'CM16-0219557': false,
      'CM16-0224814': false,
    });
    expect(Object.fromEntries(second.entries.map((e) => [e.id, e.changed]))).toEqual({
      'CM16-0213037': false,
      'CM16-0219557': false,
      'CM16-0224814': true,
      'CM16-0999999': true,
    });
    expect(second.entries.find((e) => e.id === 'CM16-0224814')?.digest).toBe(sha256(readFileSync(edited, 'utf8')));

    unlinkSync(added);
    const third = await load(project);
    expect(third).toMatchObject({ files: 3, read: 0, changed: 0 });
    expect(third.entries.map((e) => e.id)).toEqual(['CM16-0213037', 'CM16-0219557', 'CM16-0224814']);
    expect(
      [...readLetterCache(letterCacheDir(project.cache, project.letters), letterCodeHash(pathToFileURL(`${repo}/`))).keys()].sort(),
    ).toEqual(['2016/CM16-0213037.md', '2016/CM16-0219557.md', '2017/CM16-0224814.md']);
  });

  test('gives every sample letter from its cache exactly as the schema parsed it (the cache is JSON)', async () => {
    const all = readdirSync(join(repo, 'content/determinations'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    const project = lettersOf(...all);
    const fresh = await load(project);
    const cached = await load(project);
    expect([fresh.read, cached.read, cached.entries.length]).toEqual([all.length, 0, all.length]);
    // toStrictEqual tells an undefined field from none, which JSON would drop.
    expect(cached.entries.map((e) => e.data)).toStrictEqual(fresh.entries.map((e) => e.data));
    // The former cache's files go when it is written.
    const dir = letterCacheDir(project.cache, project.letters);
    writeFileSync(join(dir, 'former.v8'), '');
    writeFileSync(join(project.letters, all[0]!), `${readFileSync(join(project.letters, all[0]!), 'utf8')}\n`);
    await load(project);
    expect(readdirSync(dir).filter((f) => f.endsWith('.v8'))).toEqual([]);
  });

  test('reads every file again when the cache was written by other code, and the files of a part it cannot read', async () => {
    const project = lettersOf('2016/CM16-0213037.md', '2017/CM16-0224814.md');
    await load(project);
    const dir = letterCacheDir(project.cache, project.letters);
    expect(readLetterCache(dir, 'other code').size).toBe(0);
    const [part] = readdirSync(dir);
    writeFileSync(join(dir, part!), 'not a cache');
    expect(await load(project)).toMatchObject({ read: 1, changed: 1 });
  });

  test('writes again only the year of a new letter, and drops the year whose letters are gone', async () => {
    const project = lettersOf('2016/CM16-0213037.md', '2017/CM16-0224814.md');
    await load(project);
    const dir = letterCacheDir(project.cache, project.letters);
    const parts = () => new Map(readdirSync(dir).map((f) => [f, statSync(join(dir, f)).mtimeMs]));
    expect(parts().size).toBe(2);
    for (const f of parts().keys()) utimesSync(join(dir, f), new Date(2020, 0, 1), new Date(2020, 0, 1));
    const written = parts();
    const sample = join(project.letters, '2016/CM16-0213037.md');
    writeFileSync(join(project.letters, '2016/CM16-0999999.md'), readFileSync(sample, 'utf8').replaceAll('CM16-0213037', 'CM16-0999999'));
    await load(project);
    const after = parts();
    expect([...after.keys()].filter((f) => after.get(f) !== written.get(f))).toHaveLength(1);
    rmSync(join(project.letters, '2017'), { recursive: true });
    await load(project);
    expect(parts().size).toBe(1);
    expect((await load(project)).entries.map((e) => e.id)).toEqual(['CM16-0213037', 'CM16-0999999']);
  });

  test('hashes the code that reads a letter: the reader, its imports and the schema', () => {
    const hash = letterCodeHash(pathToFileURL(`${repo}/`));
    const copy = join(work, 'code');
    for (const path of ['src', 'package-lock.json']) cpSync(join(repo, path), join(copy, path), { recursive: true });
    expect(letterCodeHash(pathToFileURL(`${copy}/`))).toBe(hash);
    const schema = join(copy, 'src/lib/schema/vocab.ts');
    writeFileSync(schema, `${readFileSync(schema, 'utf8')}\n// changed\n`);
    expect(letterCodeHash(pathToFileURL(`${copy}/`))).not.toBe(hash);
  });

  test('refuses a symlinked letter, a folder named .md and a dangling link, naming each', async () => {
    const project = lettersOf('2016/CM16-0213037.md');
    symlinkSync(join(repo, 'content/determinations/2016/CM16-0219557.md'), join(project.letters, '2016/CM16-0219557.md'));
    mkdirSync(join(project.letters, '2016/CM16-0000099.md'));
    symlinkSync(join(work, 'gone.md'), join(project.letters, '2016/CM16-0000098.md'));
    await expect(load(project)).rejects.toThrow(
      'not regular files: determinations/2016/CM16-0000098.md is a symbolic link; determinations/2016/CM16-0000099.md is a folder; determinations/2016/CM16-0219557.md is a symbolic link',
    );
  });

  test('refuses a letter over the size limit, naming it', async () => {
    const project = lettersOf('2016/CM16-0213037.md');
    const file = join(project.letters, '2016/CM16-0213037.md');
    writeFileSync(file, readFileSync(file, 'utf8') + 'x'.repeat(1024 * 1024));
    await expect(load(project)).rejects.toThrow(
      /^determinations\/2016\/CM16-0213037\.md → \(file\): [\d,]+ bytes; a letter file may be at most 1,048,576 bytes \(1 MiB\)$/,
    );
  });

  test('names the file whose frontmatter it cannot read', async () => {
    const project = lettersOf('2016/CM16-0213037.md');
    const file = join(project.letters, '2016/CM16-0213037.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('---\n', '---\nitems: [unclosed\n'));
    await expect(load(project)).rejects.toThrow(
      'determinations/2016/CM16-0213037.md → (frontmatter): not valid YAML: missed comma between flow collection entries (a "[" or "{" left without its "]" or "}"?) at line 3, column 1: "id: CM16-0213037"',
    );
  });

  test('refuses a letter whose bytes are not UTF-8, naming the file and the line as check does', async () => {
    const project = lettersOf('2016/CM16-0213037.md');
    const file = join(project.letters, '2016/CM16-0213037.md');
    writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.from('bad '), Buffer.from([0xff, 0xfe]), Buffer.from(' bytes.\n')]));
    const line = readFileSync(file, 'latin1').split('\n').length - 1;
    await expect(load(project)).rejects.toThrow(
      `determinations/2016/CM16-0213037.md → (file): line ${line} is not UTF-8 text: "bad \\xff\\xfe bytes." (save the file as UTF-8)`,
    );
  });

  test('validates with the one schema, naming the file and the field, every refused letter in one error', async () => {
    const project = lettersOf('2016/CM16-0213037.md', '2016/CM16-0219557.md', '2017/CM16-0224814.md');
    const date = join(project.letters, '2016/CM16-0213037.md');
    writeFileSync(date, readFileSync(date, 'utf8').replace('decided: "2016-12-09"', 'decided: 2016-02-30'));
    const outcome = join(project.letters, '2017/CM16-0224814.md');
    writeFileSync(outcome, readFileSync(outcome, 'utf8').replace(/outcome: upheld/, 'outcome: Uphold'));
    await expect(load(project)).rejects.toThrow(
      [
        'determinations/2016/CM16-0213037.md → dates.decided: expected a real calendar date, got "2016-02-30"',
        'determinations/2017/CM16-0224814.md → items.0.outcome: expected "upheld" | "overturned", got "Uphold"',
      ].join('\n'),
    );
  });

  test('keeps nothing of a load that refused a letter: the fixed file is read again', async () => {
    const project = lettersOf('2016/CM16-0213037.md');
    const file = join(project.letters, '2016/CM16-0213037.md');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('decided: "2016-12-09"', 'decided: 2016-02-30'));
    await expect(load(project)).rejects.toThrow('dates.decided');
    writeFileSync(file, text);
    expect(await load(project)).toMatchObject({ read: 1, changed: 1 });
  });

  test('warns of two files with one id and keeps the later', async () => {
    const project = lettersOf('2016/CM16-0213037.md');
    cpSync(join(project.letters, '2016/CM16-0213037.md'), join(project.letters, '2017/CM16-0213037.md'));
    const store = await load(project);
    expect(store.entries.map((e) => e.filePath)).toEqual(['determinations/2017/CM16-0213037.md']);
    expect(store.warnings).toEqual([
      '2017/CM16-0213037.md: id CM16-0213037 is also 2016/CM16-0213037.md; the later file wins (npm run check reports this)',
    ]);
  });
});

describe('frontmatterReader', () => {
  test('reads files given after its worker started, and a closed reader reads none', async () => {
    const file = join(repo, 'content/determinations/2016/CM16-0213037.md');
    const reader = frontmatterReader();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await Array.fromAsync(reader.read([file]))).toMatchObject([{ data: { caseNumber: 'CM16-0213037' } }]);
    const unread = frontmatterReader();
    await unread.close();
    await unread.close();
    await expect(Array.fromAsync(unread.read([file]))).rejects.toThrow(/frontmatter worker exited/);
  });

  test('gives every file, in the order asked, past its read-ahead window, with the one it cannot parse marked', async () => {
    const folder = join(work, 'read-ahead');
    mkdirSync(folder);
    const letter = readFileSync(join(repo, 'content/determinations/2016/CM16-0213037.md'), 'utf8');
    const paths = Array.from({ length: 600 }, (_, i) => join(folder, `${String(i).padStart(3, '0')}.md`));
    // Each file says which it is in its text, so its digest shows the order; one is not valid YAML.
    const texts = paths.map((_, i) => (i === 417 ? '---\nitems: [unclosed\n---\n' : `${letter}\nfile ${i}\n`));
    paths.forEach((path, i) => writeFileSync(path, texts[i]!));
    const replies = [];
    for await (const reply of frontmatterReader().read([...paths].reverse())) replies.push(reply);
    expect(replies).toHaveLength(600);
    replies.forEach((reply, k) => {
      const i = 599 - k;
      if (i === 417) expect(reply).toMatchObject({ problems: [expect.stringContaining('(frontmatter): not valid YAML')] });
      else expect(reply).toMatchObject({ digest: sha256(texts[i]!), data: { caseNumber: 'CM16-0213037' } });
    });
  });
});
