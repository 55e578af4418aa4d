// The parts that let a build keep a period's open data from the last one: periods by decision
// year, keys that change with a letter's version or the code and catalogue, the index a program
// reads, the digest of a worker's code, and gzip files that are the same bytes for the same text.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { codeDigest } from '../../src/data/files/code-digest.ts';
import { gzipFile } from '../../src/data/files/gzip-file.ts';
import { partialFiles } from '../../src/data/files/partial-files.ts';
import { importSpecifiers } from '../../src/lib/files/import-specifiers.ts';
import { dataIndex } from '../../src/lib/open-data/data-index.ts';
import { rowsKey, shapeKey } from '../../src/lib/open-data/period-keys.ts';
import { periodOf } from '../../src/lib/open-data/periods.ts';

const work = mkdtempSync(join(tmpdir(), 'imr-open-data-periods-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const letter = (id: string, decided?: string) => ({ id, dates: { decided } });

describe('periods', () => {
  test('are decision years, and "undated" for letters that state no decision date', () => {
    expect(periodOf(letter('a', '2016-12-09'))).toBe('2016');
    expect(periodOf(letter('b'))).toBe('undated');
  });
});

describe('rowsKey', () => {
  const shape = shapeKey({ code: 'x', site: 'https://imr.example.org' });
  const versions = new Map([
    ['a', 'v1'],
    ['b', 'v2'],
  ]);
  const key = rowsKey(shape, [{ id: 'a' }, { id: 'b' }], versions);

  test('is the same for the same letters, versions and shape', () => {
    expect(rowsKey(shape, [{ id: 'a' }, { id: 'b' }], new Map(versions))).toBe(key);
  });

  test('changes with a letter edited, added, removed or moved, an item number, or the shape', () => {
    const others = [
      rowsKey(shape, [{ id: 'a' }, { id: 'b' }], new Map([...versions, ['b', 'v3']])),
      rowsKey(shape, [{ id: 'a' }, { id: 'b' }, { id: 'c' }], versions),
      rowsKey(shape, [{ id: 'a' }], versions),
      rowsKey(shape, [{ id: 'b' }, { id: 'a' }], versions),
      rowsKey(shape, [{ id: 'a', number: 1 }, { id: 'b' }], versions),
      rowsKey(shapeKey({ code: 'y', site: 'https://imr.example.org' }), [{ id: 'a' }, { id: 'b' }], versions),
    ];
    expect(new Set([key, ...others]).size).toBe(others.length + 1);
  });
});

describe('dataIndex', () => {
  test('lists each period’s files with paths relative to index.json', () => {
    const file = (path: string) => ({ path, rows: 2, bytes: 10, sha256: 'ab' });
    expect(
      dataIndex('/data/schema.json', [
        { period: '2016', determinations: file('/data/2016/determinations.jsonl.gz'), items: file('/data/2016/items.csv.gz') },
      ]),
    ).toEqual({
      schema: 'schema.json',
      periods: [
        {
          period: '2016',
          files: [
            { kind: 'determinations', path: '2016/determinations.jsonl.gz', rows: 2, bytes: 10, sha256: 'ab' },
            { kind: 'items', path: '2016/items.csv.gz', rows: 2, bytes: 10, sha256: 'ab' },
          ],
        },
      ],
    });
  });
});

describe('the digest of a worker’s code', () => {
  test('names the modules a source imports or re-exports', () => {
    const source = `import { a } from './a.ts';\nimport type { B } from "../b.ts";\nexport { c } from './c.ts';\nimport './d.ts';\nimport x from 'papaparse';`;
    expect(importSpecifiers(source)).toEqual(['./a.ts', '../b.ts', './c.ts', './d.ts', 'papaparse']);
  });

  test('changes when a module the worker imports changes, and not for one it does not', async () => {
    const root = join(work, 'code');
    mkdirSync(join(root, 'lib'), { recursive: true });
    writeFileSync(join(root, 'package-lock.json'), '{}');
    writeFileSync(join(root, 'worker.ts'), `import { f } from './lib/f.ts';\n`);
    writeFileSync(join(root, 'lib/f.ts'), `import { g } from './g.ts';\nexport const f = 1;\n`);
    writeFileSync(join(root, 'lib/g.ts'), 'export const g = 1;\n');
    writeFileSync(join(root, 'lib/other.ts'), 'export const other = 1;\n');
    const before = codeDigest(join(root, 'worker.ts'), root);
    writeFileSync(join(root, 'lib/other.ts'), 'export const other = 2;\n');
    expect(codeDigest(join(root, 'worker.ts'), root)).toBe(before);
    writeFileSync(join(root, 'lib/g.ts'), 'export const g = 2;\n');
    expect(codeDigest(join(root, 'worker.ts'), root)).not.toBe(before);
  });
});

describe('gzip files', () => {
  const text = Array.from({ length: 3000 }, (_, i) => `{"id":"CM16-${String(i).padStart(7, '0')}","é":"–"}\n`);

  test('hold the text, with no time in the header, and are the same bytes however the text was cut', async () => {
    const one = gzipFile(join(work, 'one.gz'));
    await one.write(text.join(''));
    const a = await one.end();
    const many = gzipFile(join(work, 'many.gz'));
    for (const line of text) await many.write(line);
    const b = await many.end();
    const bytes = readFileSync(join(work, 'one.gz'));
    expect(readFileSync(join(work, 'many.gz')).equals(bytes)).toBe(true);
    expect(b).toEqual(a);
    expect(a.bytes).toBe(bytes.length);
    expect(gunzipSync(bytes).toString('utf8')).toBe(text.join(''));
    expect(bytes.readUInt32LE(4)).toBe(0); // MTIME
  });

  test('are written beside their name and moved into place with the others, with their size and sha256', async () => {
    const files = partialFiles(join(work, 'site'));
    await files.append('/data/2016/items.csv.gz', 'a,b\r\n');
    await files.append('/data/2016/items.csv.gz', '1,2\r\n');
    await files.append('/search/letters/2016.jsonl', '{}\n');
    const gzipped = await files.commit();
    const bytes = readFileSync(join(work, 'site/data/2016/items.csv.gz'));
    expect(gunzipSync(bytes).toString()).toBe('a,b\r\n1,2\r\n');
    expect([...gzipped.keys()]).toEqual(['/data/2016/items.csv.gz']);
    expect(gzipped.get('/data/2016/items.csv.gz')).toEqual({
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect(readFileSync(join(work, 'site/search/letters/2016.jsonl'), 'utf8')).toBe('{}\n');
  });
});
