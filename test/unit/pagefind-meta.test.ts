// The records of a Pagefind bundle named by shard and row: on a bundle Pagefind 1.6 writes here,
// the metadata reads and writes back byte for byte, and naming the records renames every fragment,
// drops the sort orders and gives every record one length.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RECORD_LENGTH, rewriteBundle, readMeta, writeMeta } from '../../scripts/search-index/pagefind-meta.ts';
import { recordName } from '../../src/lib/search/shard-manifest.ts';

let dir: string;
const metaFile = () =>
  join(
    dir,
    readdirSync(dir).find((n) => n.endsWith('.pf_meta'))!,
  );
// Rows given out of order, as the indexer's parallel adds may reach Pagefind; past 9, so that an
// order of the rows as text (1, 10, 11, 12, 2, ...) would name them wrong.
const ROWS = [12, 3, 10, 1, 2, 11, 4, 5, 6, 7, 8, 9];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'imr-pagefind-meta-'));
  const { index } = await pagefind.createIndex({});
  for (const row of ROWS)
    await index!.addCustomRecord({ url: `/r${row}/`, content: `record ${row} lumbar`, language: 'en', sort: { row: String(row) } });
  await index!.writeFiles({ outputPath: dir });
  await pagefind.close();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Pagefind metadata', () => {
  test('reads and writes back what Pagefind wrote, byte for byte', () => {
    const file = readFileSync(metaFile());
    expect(gunzipSync(writeMeta(readMeta(file, 'x')))).toEqual(gunzipSync(file));
  });

  test('refuses a file that is not Pagefind metadata, naming it', () => {
    expect(() => readMeta(gzipSync('pagefind_frag{}'), 'shard/pagefind.en_1.pf_meta')).toThrow(
      'shard/pagefind.en_1.pf_meta: not Pagefind metadata',
    );
    expect(() => readMeta(gzipSync(Buffer.from([...Buffer.from('pagefind_dcd'), 0xbf])), 'm.pf_meta')).toThrow(
      'm.pf_meta: Pagefind metadata',
    );
  });

  test('names each record by shard and row, each fragment with it, drops the sort orders and the lengths', async () => {
    // Pagefind counted each record's words ("record 12 lumbar": 3).
    const counted = readMeta(readFileSync(metaFile()), 'x')[1] as [string, number][];
    expect(new Set(counted.map((p) => p[1]))).toEqual(new Set([3]));
    const before = (JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: { en: { hash: string } } }).languages
      .en.hash;
    expect(await rewriteBundle(dir, '1be1c178cdb4')).toBe(ROWS.length);
    const [, pages, , , sorts] = readMeta(readFileSync(metaFile()), 'x') as [string, [string, number][], unknown, unknown, unknown[]];
    expect(sorts).toEqual([]);
    // All now have the same length, and one Pagefind can divide by (the average of lengths 0 is 0 / 0).
    expect(RECORD_LENGTH).toBe(1);
    expect(pages.map((p) => p[1])).toEqual(ROWS.map(() => RECORD_LENGTH));
    expect(pages.map((p) => p[0]).sort()).toEqual(ROWS.map((r) => recordName('1be1c178cdb4', r)).sort());
    // A name leads to the fragment of the record with that row.
    for (const row of ROWS) {
      const fragment = gunzipSync(readFileSync(join(dir, 'fragment', `${recordName('1be1c178cdb4', row)}.pf_fragment`))).toString();
      expect(fragment).toContain(`"url":"/r${row}/"`);
    }
    expect(readdirSync(join(dir, 'fragment'))).toHaveLength(ROWS.length);
    // The metadata lists the word index's chunks as they now are (pagefind-chunks.ts cut them again).
    const chunks = readMeta(readFileSync(metaFile()), 'x')[2] as [string, string, string][];
    expect([...new Set(chunks.map(([, , name]) => `${name}.pf_index`))].sort()).toEqual(readdirSync(join(dir, 'index')).sort());
    // The metadata is named by its new text, and the entry file, which Pagefind always fetches afresh, names it.
    const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: { en: { hash: string } } };
    expect(readdirSync(dir).filter((n) => n.endsWith('.pf_meta'))).toEqual([`pagefind.${entry.languages.en.hash}.pf_meta`]);
    expect(entry.languages.en.hash).not.toBe(before);
  });

  test('says what it expected of a bundle it cannot name', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'imr-pagefind-meta-'));
    try {
      await expect(rewriteBundle(empty, 'x')).rejects.toThrow('Pagefind wrote no metadata file');
      writeFileSync(join(empty, 'pagefind.en_1.pf_meta'), writeMeta(['1.6.0', [['en_1', 3, '']], [], [], []]));
      await expect(rewriteBundle(empty, 'x')).rejects.toThrow('the row sort lists no records of 1');
      const meta = (pages: [string, number, string][]) => writeMeta(['1.6.0', pages, [], [], [['row', pages.map((_, i) => i)]]]);
      writeFileSync(join(empty, 'pagefind.en_1.pf_meta'), meta([['en_1', 3, 'en_g']]));
      await expect(rewriteBundle(empty, 'x')).rejects.toThrow('a record is in a group of fragments');
      writeFileSync(
        join(empty, 'pagefind.en_1.pf_meta'),
        meta([
          ['en_1', 3, ''],
          ['en_1', 4, ''],
        ]),
      );
      await expect(rewriteBundle(empty, 'x')).rejects.toThrow('two records share a fragment');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
