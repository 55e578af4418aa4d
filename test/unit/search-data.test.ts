// The letters' search data as the indexer reads it: a hash per page's line, the lines read only
// for the pages asked for, and, with a cache file, a period's file read again only when it changed.
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readSearchData } from '../../scripts/search-index/search-data.ts';
import { SEARCH_DATA_DIR } from '../../src/lib/search/letter-facts.ts';

const work = mkdtempSync(join(tmpdir(), 'imr-search-data-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const line = (id: string, year: string) => JSON.stringify({ page: `determinations/${id}/index.html`, facts: { year } });
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const page = (id: string) => `determinations/${id}/index.html`;

function site(name: string) {
  const root = join(work, name);
  const dir = join(root, SEARCH_DATA_DIR);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, '2016.jsonl'), `${line('CM16-0000001', '2016')}\n${line('CM16-0000002', '2016')}\n`);
  writeFileSync(join(dir, '2017.jsonl'), `${line('CM17-0000001', '2017')}\n`);
  return { root, dir, cache: join(work, `${name}.data.json`) };
}

describe('readSearchData', () => {
  test('hashes every page’s line and reads the lines of the pages asked for', async () => {
    const { root } = site('plain');
    const data = await readSearchData(root);
    expect(data.read).toBe(2);
    expect([...data.sha256]).toEqual([
      [page('CM16-0000001'), sha(line('CM16-0000001', '2016'))],
      [page('CM16-0000002'), sha(line('CM16-0000002', '2016'))],
      [page('CM17-0000001'), sha(line('CM17-0000001', '2017'))],
    ]);
    const records = await data.records([page('CM17-0000001'), page('CM16-0000002')]);
    expect(records.map((r) => r.page)).toEqual([page('CM17-0000001'), page('CM16-0000002')]);
    await expect(data.records([page('CM18-0000001')])).rejects.toThrow(/no search data for determinations\/CM18-0000001/);
  });

  test('with a cache, reads again only the periods whose file changed, and their lines when asked', async () => {
    const { root, dir, cache } = site('cached');
    const first = await readSearchData(root, cache);
    expect(first.read).toBe(2);
    expect(first.changed).toEqual(new Set(first.sha256.keys()));
    const again = await readSearchData(root, cache);
    expect(again.read).toBe(0);
    expect(again.changed.size).toBe(0);
    expect([...again.sha256]).toEqual([...first.sha256]);
    expect((await again.records([page('CM16-0000001')]))[0]).toEqual(JSON.parse(line('CM16-0000001', '2016')));

    appendFileSync(join(dir, '2017.jsonl'), `${line('CM17-0000002', '2017')}\n`);
    const added = await readSearchData(root, cache);
    expect(added.read).toBe(1);
    expect(added.sha256.get(page('CM17-0000002'))).toBe(sha(line('CM17-0000002', '2017')));
    expect(added.sha256.size).toBe(4);
    // The period's file was read again; of its lines only the new one is new.
    expect([...added.changed]).toEqual([page('CM17-0000002')]);
    writeFileSync(join(dir, '2016.jsonl'), `${line('CM16-0000001', '2016')}\n${line('CM16-0000002', '2016 corrected')}\n`);
    expect([...(await readSearchData(root, cache)).changed]).toEqual([page('CM16-0000002')]);
  });

  test('a period’s file rewritten after its hashes were taken stops the lines’ reading with its name', async () => {
    const { root, dir, cache } = site('raced');
    await readSearchData(root, cache);
    const data = await readSearchData(root, cache);
    // Another size too, so the stamp differs however coarse the file system's times.
    writeFileSync(join(dir, '2016.jsonl'), `${line('CM16-0000001', '2015 again')}\n${line('CM16-0000002', '2016')}\n`);
    await expect(data.records([page('CM16-0000001')])).rejects.toThrow(/2016\.jsonl changed while the site was indexed/);
  });

  test('a line that is not JSON is named by its file and line, or by its file and page', async () => {
    const { root, dir, cache } = site('broken');
    writeFileSync(join(dir, '2017.jsonl'), `${line('CM17-0000001', '2017')}\n{not json\n`);
    await expect(readSearchData(root, cache)).rejects.toThrow(/letters[/\\]2017\.jsonl: cannot read .*\(line 2: /);
    // A line whose page reads but whose rest does not: named when its record is asked for.
    writeFileSync(join(dir, '2017.jsonl'), `{"page":"${page('CM17-0000001')}",\n`);
    const data = await readSearchData(root, cache);
    await expect(data.records([page('CM17-0000001')])).rejects.toThrow(
      /2017\.jsonl: cannot read the letters' search data \(the line of determinations\/CM17-0000001\/index\.html: /,
    );
  });

  test('a site without search data gets a clear error', async () => {
    await expect(readSearchData(join(work, 'none'))).rejects.toThrow(/cannot read the letters' search data .*build the site again/);
  });
});
