// The shards' facet files against the site's one list of values: values join the list at its end,
// a shard's file written in an earlier run is kept while the list still starts with its values,
// and every file is written again when the list is lost.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { VALUES_CACHE_FILE, writeFacetFiles, type ShardFacetInput } from '../../scripts/search-index/facet-files.ts';
import { decodeFacetFiles } from '../../src/lib/search/facet-encoding.ts';
import { facetTable, type FacetFile, type FacetValues } from '../../src/lib/search/facet-table.ts';
import type { CitedFacts, LetterFacts } from '../../src/lib/search/letter-facts.ts';

const cache = mkdtempSync(join(tmpdir(), 'imr-facets-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

const none: CitedFacts = { guideline: [], section: [] };
const letter = (year: string, treatment: string, section?: string): LetterFacts => ({
  year,
  specialty: ['Pain Medicine'],
  items: [
    {
      outcome: 'upheld',
      treatment,
      regions: [],
      request: [2, 4],
      names: [],
      claims: none,
      reviewer: section ? { guideline: ['odg-pain'], section: [section] } : none,
    },
  ],
  sections: section ? { [section]: `Label of ${section}` } : {},
  families: section ? { 'odg-pain': 'odg' } : {},
});
const shard = (hash: string, letters: LetterFacts[]): ShardFacetInput => ({ hash, tag: hash.slice(0, 12), facts: async () => letters });
/** The one table a shard's facet file holds. */
const read = (path: string) => {
  const files = decodeFacetFiles(gunzipSync(readFileSync(path)));
  if (files.length !== 1) throw new Error(`${path} holds ${files.length} tables`);
  return files[0]!;
};

const A = shard('a'.repeat(64), [letter('2015', 'opioids', 'odg-pain/opioids')]);
const B = shard('b'.repeat(64), [letter('2016', 'mri')]);
const C = shard('c'.repeat(64), [letter('2017', 'acupuncture', 'odg-pain/acupuncture'), letter('2017', 'opioids')]);

describe('writeFacetFiles', () => {
  test('writes each shard once, keeps them while the list fits, and adds new values at its end', async () => {
    const first = await writeFacetFiles(cache, [A, B], 'code');
    expect(first.written).toBe(2);
    expect(first.list.values.treatment).toEqual(['opioids', 'mri']);
    expect(await writeFacetFiles(cache, [A, B], 'code')).toMatchObject({ written: 0, list: { key: first.list.key } });

    const next = await writeFacetFiles(cache, [A, B, C], 'code');
    expect(next.written).toBe(1);
    expect(next.list.values.treatment).toEqual(['opioids', 'mri', 'acupuncture']);
    expect(next.list.values.section).toEqual(['odg-pain/opioids', 'odg-pain/acupuncture']);
    expect(next.list.sectionLabels).toEqual(['Label of odg-pain/opioids', 'Label of odg-pain/acupuncture']);
    expect(next.list.key).not.toBe(first.list.key);
    // The kept files still read right against the longer list.
    expect(next.files.slice(0, 2)).toEqual(first.files);
    const tables = next.files.map((f) => facetTable(read(f.path), next.list));
    const treatments = tables.map((t) => Array.from({ length: t.itemCount }, (_, i) => t.values.treatment[t.fields.treatment(i)]));
    expect(treatments).toEqual([['opioids'], ['mri'], ['acupuncture', 'opioids']]);
    expect(tables.map((t) => t.file.sections.map((s) => t.values.section[s]))).toEqual([
      ['odg-pain/opioids'],
      [],
      ['odg-pain/acupuncture'],
    ]);
  });

  test('writes every file again when the list is lost or reordered, and when the code changes, with another digest', async () => {
    const before = await writeFacetFiles(cache, [A, B, C], 'code');
    rmSync(join(cache, VALUES_CACHE_FILE));
    expect((await writeFacetFiles(cache, [A, B, C], 'code')).written).toBe(3);

    // The same lengths, values in another order: only the digest tells.
    const kept = JSON.parse(readFileSync(join(cache, VALUES_CACHE_FILE), 'utf8')) as { code: string; list: FacetValues };
    kept.list.values.treatment.reverse();
    writeFileSync(join(cache, VALUES_CACHE_FILE), JSON.stringify(kept));
    expect((await writeFacetFiles(cache, [A, B, C], 'code')).written).toBe(3);

    const other = await writeFacetFiles(cache, [A, B, C], 'other code');
    expect(other.written).toBe(3);
    // The page asks for a file by its digest: a file of other code has another one, the newest shard's too.
    other.files.forEach((f, k) => expect(f.values).not.toBe(before.files[k]!.values));
  });

  test('reads the note beside a kept file, not the file, and writes the file again when either is gone', async () => {
    const { files } = await writeFacetFiles(cache, [A, B, C], 'code');
    // The note is named by the shard and the code, the file by its digest as well.
    files.forEach((f, k) => {
      const named = `facets-${[A, B, C][k]!.hash.slice(0, 16)}-code`;
      expect([basename(f.note), basename(f.path)]).toEqual([`${named}.about.json`, `${named}-${f.values}.bin.gz`]);
    });
    const note = JSON.parse(readFileSync(files[0]!.note, 'utf8')) as Pick<FacetFile, 'tag' | 'values' | 'needs'>;
    expect(note).toMatchObject({ tag: A.tag, values: files[0]!.values, needs: read(files[0]!.path).needs });

    // A kept file is not opened: even one whose bytes were spoilt is taken on its note's word.
    const bytes = readFileSync(files[1]!.path);
    writeFileSync(files[1]!.path, 'not a facet file');
    expect((await writeFacetFiles(cache, [A, B, C], 'code')).written).toBe(0);
    writeFileSync(files[1]!.path, bytes);

    rmSync(files[0]!.note);
    rmSync(files[2]!.path);
    const again = await writeFacetFiles(cache, [A, B, C], 'code');
    expect(again.written).toBe(2);
    expect(again.files[1]).toEqual(files[1]);
    // Written again, each against the whole list now: the newest with the digest it had, the
    // oldest with another, which its note and its file's name give.
    expect(again.files[2]).toEqual(files[2]);
    expect(again.files[0]!.values).not.toBe(files[0]!.values);
    for (const f of again.files) {
      expect(read(f.path).values).toBe(f.values);
      expect(JSON.parse(readFileSync(f.note, 'utf8'))).toMatchObject({ values: f.values });
    }
  });

  test('a guideline takes the family its shards’ notes give, even from a list another catalogue left', async () => {
    const cited = (hash: string, family: string) => {
      const facts = letter('2016', 'opioids', 'odg-pain/opioids');
      return shard(hash, [{ ...facts, families: { 'odg-pain': family } }]);
    };
    const familyIn = (list: FacetValues) => list.values.family[list.guidelineFamily[list.values.guideline.indexOf('odg-pain')]!];
    const asIs = cited('1'.repeat(64), 'odg');
    const first = await writeFacetFiles(cache, [asIs], 'code');
    expect(familyIn(first.list)).toBe('odg');
    // A run with another catalogue (odg-pain in "mtus") writes another shard and stops before the
    // site is published; the list it kept says "mtus". The catalogue back as it was, the old shard's
    // file is kept, and its note sets the family back.
    await writeFacetFiles(cache, [cited('2'.repeat(64), 'mtus')], 'code');
    const back = await writeFacetFiles(cache, [asIs], 'code');
    expect(back.written).toBe(0);
    expect(familyIn(back.list)).toBe('odg');
    const table = facetTable(read(back.files[0]!.path), back.list);
    expect(table.fields.cited(0, true)[1].map((f) => back.list.values.family[f])).toEqual(['odg']);
  });

  test('a section takes its newest shard’s label, whichever shards a run writes again', async () => {
    const spelt = (hash: string, year: string, label: string) => {
      const facts = letter(year, 'opioids', 'odg-pain/opioids');
      return shard(hash, [{ ...facts, sections: { 'odg-pain/opioids': label } }]);
    };
    const older = spelt('d'.repeat(64), '2015', 'ODG opioids (older spelling)');
    const newer = spelt('e'.repeat(64), '2017', 'ODG Pain, Opioids');
    const first = await writeFacetFiles(cache, [older, newer], 'code');
    expect(first.list.sectionLabels[first.list.values.section.indexOf('odg-pain/opioids')]).toBe('ODG Pain, Opioids');
    // Only the older shard written again: the label stays the newer one's.
    const rewritten = spelt('f'.repeat(64), '2015', 'ODG opioids (older spelling)');
    const next = await writeFacetFiles(cache, [rewritten, newer], 'code');
    expect(next.written).toBe(1);
    expect(next.list.sectionLabels[next.list.values.section.indexOf('odg-pain/opioids')]).toBe('ODG Pain, Opioids');
    expect(next.list.key).toBe(first.list.key);
  });

  test('a table refuses a list shorter than its file needs (the list of another build)', async () => {
    const { files, list } = await writeFacetFiles(cache, [A, B, C], 'code');
    const short = { ...list, values: { ...list.values, treatment: ['opioids'] } };
    expect(() => facetTable(read(files[2]!.path), short)).toThrow(/reload the page/);
  });
});
