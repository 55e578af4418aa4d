// The content loader loads the files `check` walks and validates, and names the file of every
// entry it cannot load, as check does.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { determinationLoader } from '../../src/data/determination-loader.ts';
import { readLetterFiles } from '../../src/data/frontmatter-thread.ts';
import { describeIssues } from '../../src/lib/schema/describe-issues.ts';
import { DeterminationSchema } from '../../src/lib/schema/determination.ts';

const repo = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'imr-loader-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let folders = 0;

/** A determinations folder under a project root, holding these real letters. */
function lettersOf(...files: string[]): { root: string; letters: string } {
  const root = join(work, String(++folders));
  const letters = join(root, 'determinations');
  for (const file of files) cpSync(join(repo, 'content/determinations', file), join(letters, file));
  return { root, letters };
}

/** Runs the loader as Astro would, with a store and metadata of its own; resolves to the loaded ids. */
async function load(
  { root, letters }: { root: string; letters: string },
  parseData = async ({ data }: { data: unknown }) => data,
): Promise<string[]> {
  const store = new Map<string, { digest: string }>();
  const meta = new Map<string, string>();
  const context = {
    store: {
      has: (id: string) => store.has(id),
      get: (id: string) => store.get(id),
      set: (e: { id: string; digest: string }) => store.set(e.id, e),
      keys: () => store.keys(),
      delete: (id: string) => store.delete(id),
    },
    meta: { get: (k: string) => meta.get(k), set: (k: string, v: string) => meta.set(k, v) },
    parseData,
    generateDigest: (text: string) => String(text.length),
    config: { root: pathToFileURL(`${root}/`) },
    logger: { warn: () => {}, info: () => {} },
  };
  await determinationLoader(letters).load(context as never);
  return [...store.keys()].sort();
}

describe('the determinations loader', () => {
  test('loads the regular letter files', async () => {
    await expect(load(lettersOf('2016/CM16-0213037.md', '2017/CM16-0224814.md'))).resolves.toEqual(['CM16-0213037', 'CM16-0224814']);
  });

  test('refuses a symlinked letter, a folder named .md and a dangling link, naming each', async () => {
    const folder = lettersOf('2016/CM16-0213037.md');
    symlinkSync(join(repo, 'content/determinations/2016/CM16-0219557.md'), join(folder.letters, '2016/CM16-0219557.md'));
    mkdirSync(join(folder.letters, '2016/CM16-0000099.md'));
    symlinkSync(join(work, 'gone.md'), join(folder.letters, '2016/CM16-0000098.md'));
    await expect(load(folder)).rejects.toThrow(
      'not regular files: determinations/2016/CM16-0000098.md is a symbolic link; determinations/2016/CM16-0000099.md is a folder; determinations/2016/CM16-0219557.md is a symbolic link',
    );
  });

  test('refuses a letter over the size limit, naming it', async () => {
    const folder = lettersOf('2016/CM16-0213037.md');
    const file = join(folder.letters, '2016/CM16-0213037.md');
    writeFileSync(file, readFileSync(file, 'utf8') + 'x'.repeat(1024 * 1024));
    await expect(load(folder)).rejects.toThrow(
      /^determinations\/2016\/CM16-0213037\.md → \(file\): [\d,]+ bytes; a letter file may be at most 1,048,576 bytes \(1 MiB\)$/,
    );
  });

  test('names the file whose frontmatter it cannot read', async () => {
    const folder = lettersOf('2016/CM16-0213037.md');
    const file = join(folder.letters, '2016/CM16-0213037.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('---\n', '---\nitems: [unclosed\n'));
    await expect(load(folder)).rejects.toThrow(
      'determinations/2016/CM16-0213037.md → (frontmatter): not valid YAML: missed comma between flow collection entries (a "[" or "{" left without its "]" or "}"?) at line 3, column 1: "id: CM16-0213037"',
    );
  });

  test('refuses a letter whose bytes are not UTF-8, naming the file and the line as check does', async () => {
    const folder = lettersOf('2016/CM16-0213037.md');
    const file = join(folder.letters, '2016/CM16-0213037.md');
    writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.from('bad '), Buffer.from([0xff, 0xfe]), Buffer.from(' bytes.\n')]));
    const line = readFileSync(file, 'latin1').split('\n').length - 1;
    await expect(load(folder)).rejects.toThrow(
      `determinations/2016/CM16-0213037.md → (file): line ${line} is not UTF-8 text: "bad \\xff\\xfe bytes." (save the file as UTF-8)`,
    );
  });

  test('hands the schema a date the calendar lacks as the text it is, which the schema refuses by field', async () => {
    const folder = lettersOf('2016/CM16-0213037.md');
    const file = join(folder.letters, '2016/CM16-0213037.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('decided: "2016-12-09"', 'decided: 2016-02-30'));
    // As Astro's parseData runs the collection's schema.
    const parseData = async ({ data }: { data: unknown }) => {
      const parsed = DeterminationSchema.safeParse(data, { reportInput: true });
      if (!parsed.success) throw new Error(describeIssues(parsed.error.issues).join('; '));
      return parsed.data;
    };
    await expect(load(folder, parseData)).rejects.toThrow('dates.decided: expected a real calendar date, got "2016-02-30"');
  });
});

describe('readLetterFiles', () => {
  test('gives every file, in the order asked, past its read-ahead window, with the one it cannot parse marked', async () => {
    const folder = join(work, 'read-ahead');
    mkdirSync(folder);
    const letter = readFileSync(join(repo, 'content/determinations/2016/CM16-0213037.md'), 'utf8');
    const paths = Array.from({ length: 600 }, (_, i) => join(folder, `${String(i).padStart(3, '0')}.md`));
    // Each file says which it is in its text, so order shows; one is not valid YAML.
    paths.forEach((path, i) => writeFileSync(path, i === 417 ? '---\nitems: [unclosed\n---\n' : `${letter}\nfile ${i}\n`));
    const replies = [];
    for await (const reply of readLetterFiles([...paths].reverse())) replies.push(reply);
    expect(replies).toHaveLength(600);
    replies.forEach((reply, k) => {
      const i = 599 - k;
      if (i === 417) expect(reply).toMatchObject({ frontmatterError: expect.stringContaining('not valid YAML') });
      else
        expect(reply).toMatchObject({ text: expect.stringMatching(new RegExp(`\\nfile ${i}\\n$`)), data: { caseNumber: 'CM16-0213037' } });
    });
  });
});
