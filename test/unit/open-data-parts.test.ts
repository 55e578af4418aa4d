// The open-data stage's worker fed by the build's thread a part at a time (src/data/open-data-parts.ts),
// both ends in this thread over a MessageChannel, writing real files from the sample letters: no
// message holds more than one part (the whole corpus once was a second copy of it on the worker),
// parts of kept years that no written list needs are not sent, and the files are the one-shot
// writer's and a clean build's, byte for byte, after a letter changes.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { MessageChannel } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { loadCatalogue } from '../../src/data/files/load-catalogue.ts';
import { serveOpenData, type OpenData, type OpenDataJob } from '../../src/data/open-data-files.ts';
import { partsToPush, sendParts, takeJob, type Port } from '../../src/data/open-data-parts.ts';
import { indexGuidelines } from '../../src/lib/catalogue/index-guidelines.ts';
import { indexTreatmentRegions } from '../../src/lib/catalogue/index-treatment-regions.ts';
import { flattenItems } from '../../src/lib/corpus/flatten-items.ts';
import { sortByDecided } from '../../src/lib/corpus/sort-by-decided.ts';
import { openDataOutline } from '../../src/lib/open-data/open-data-outline.ts';
import { writeOpenData, type OpenDataInput } from '../../src/lib/open-data/write-open-data.ts';
import type { Determination } from '../../src/lib/schema/index.ts';
import { readDeterminations } from '../support/fixture-corpus.ts';

const CONTENT = join(import.meta.dirname, '../../content');
const catalogue = loadCatalogue(CONTENT);
const sample = sortByDecided(readDeterminations(join(CONTENT, 'determinations')));
/** Letters a part: the 148 sample letters make 15 parts. */
const PART = 10;
const folders = mkdtempSync(join(tmpdir(), 'imr-open-data-parts-'));
afterAll(() => rmSync(folders, { recursive: true, force: true }));

const labels = {
  treatmentLabel: (slug: string) => catalogue.taxonomy.types.find((t) => t.slug === slug)?.label ?? slug,
  guidelineLabel: (slug: string) => catalogue.guidelines.find((g) => g.slug === slug)?.short ?? slug,
};
const pageUrl = (id: string, n: number) => `https://imr.example.org/determinations/${id}/#item-${n}`;

function inputOf(determinations: readonly Determination[]): OpenDataInput {
  const items = flattenItems(determinations);
  const guidelines = [...catalogue.guidelines].sort((a, b) => (a.slug < b.slug ? -1 : 1));
  return {
    determinations,
    items,
    guidelineIndex: indexGuidelines(items, guidelines),
    treatmentRegions: indexTreatmentRegions(
      items,
      catalogue.regions.map((r) => r.slug),
    ),
    ...labels,
    pageUrl,
  };
}

function jobOf(determinations: readonly Determination[], dir: string, partSize: number): OpenDataJob {
  const guidelines = [...catalogue.guidelines].sort((a, b) => (a.slug < b.slug ? -1 : 1));
  return {
    outline: openDataOutline(inputOf(determinations)),
    versions: determinations.map((d) => createHash('sha256').update(JSON.stringify(d)).digest('base64url')),
    partSize,
    guidelines,
    regions: catalogue.regions.map((r) => r.slug),
    treatmentLabels: catalogue.taxonomy.types.map((t) => [t.slug, t.label]),
    guidelineLabels: guidelines.map((g) => [g.slug, g.short]),
    site: 'https://imr.example.org',
    base: '/',
    outDir: join(dir, 'dist'),
    cacheDir: join(dir, 'cache'),
    openData: true,
    synonyms: catalogue.synonyms,
  };
}

/** A build's open-data stage, with what the build's thread posted, the parts the worker asked for and how many it awaited at once. */
async function build(determinations: readonly Determination[], dir: string, partSize = PART, pushed: readonly number[] = []) {
  const { port1, port2 } = new MessageChannel();
  const posted: { letters: number; bytes: number; part?: number; job?: OpenDataJob }[] = [];
  const main: Port = {
    postMessage: (message) => {
      const m = message as { part?: number; determinations?: readonly Determination[]; job?: OpenDataJob };
      posted.push({ letters: m.determinations?.length ?? 0, bytes: serialize(message).length, part: m.part, job: m.job });
      port1.postMessage(message);
    },
    on: (event, listener) => port1.on(event, listener),
    off: (event, listener) => port1.off(event, listener),
  };
  // The worker's end counts the parts it has asked for and not yet received.
  let asked = 0;
  let mostAsked = 0;
  const wanted: number[] = [];
  const worker: Port = {
    postMessage: (message) => {
      if (typeof message === 'object' && message !== null && 'want' in message) {
        wanted.push(message.want as number);
        mostAsked = Math.max(mostAsked, ++asked);
      }
      port2.postMessage(message);
    },
    on: (event, listener) =>
      port2.on(event, (message: object) => {
        if ('part' in message && !pushed.includes(message.part as number)) asked--;
        listener(message);
      }),
    off: () => undefined,
  };
  const serving = serveOpenData(worker);
  const { data } = await sendParts<OpenDataJob, OpenData>(main, jobOf(determinations, dir, partSize), determinations, partSize, pushed);
  await serving;
  port1.close();
  return { data, posted, mostAsked, wanted };
}

/** Every file under a folder, by relative path; .gz files gunzipped. */
function filesOf(dir: string): Map<string, string> {
  const names = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(
    names.map((e) => {
      const bytes = readFileSync(join(e.parentPath, e.name));
      return [join(e.parentPath, e.name).slice(dir.length + 1), (e.name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')];
    }),
  );
}

/** The same letters and one more without a decision date (so last), of a treatment type of its own. */
function added(determinations: readonly Determination[]): Determination[] {
  const last = determinations.at(-1)!;
  const item = { ...last.items[0]!, treatmentType: 'zz-new-type', bodyRegions: [], citations: { reviewer: [], claimsAdministrator: [] } };
  const letter = { ...last, id: 'imr-00000000000000aa', caseNumber: null, dates: { ...last.dates, decided: undefined }, items: [item] };
  return sortByDecided([...determinations, letter]);
}

/** Every file of a build equals a clean build's of the same letters, made in one part. */
async function expectCleanBuild(determinations: readonly Determination[], dir: string, name: string) {
  const clean = join(folders, name);
  await build(determinations, clean, determinations.length);
  const rebuilt = filesOf(join(dir, 'dist'));
  const whole = filesOf(join(clean, 'dist'));
  expect([...rebuilt.keys()].sort()).toEqual([...whole.keys()].sort());
  for (const [path, text] of whole) expect(rebuilt.get(path), path).toBe(text);
  // data/index.json names each .gz file's sha256: the compressed bytes are the same too.
  expect(readFileSync(join(dir, 'dist/data/index.json'))).toEqual(readFileSync(join(clean, 'dist/data/index.json')));
}

/** A 2016 letter with its first request worded otherwise. */
function changed(determinations: readonly Determination[]): Determination[] {
  const at = determinations.findIndex((d) => d.dates.decided?.startsWith('2016'));
  const d = determinations[at]!;
  const edited = { ...d, items: d.items.map((item, i) => (i === 0 ? { ...item, request: `${item.request} (corrected)` } : item)) };
  return determinations.map((x, i) => (i === at ? edited : x));
}

describe('the open data fed to its worker a part at a time', () => {
  const dir = join(folders, 'incremental');
  const first = build(sample, dir);

  test('posts the job without a letter, then each part the worker asks for, never more than one part a message', async () => {
    const { posted, mostAsked } = await first;
    const corpusBytes = serialize(sample).length;
    // The job: the catalogue, and of the letters only their outline.
    const { outline, versions } = posted[0]!.job!;
    expect(posted[0]!.letters).toBe(0);
    expect(serialize({ outline, versions }).length).toBeLessThan(corpusBytes / 4);
    expect(serialize(posted[0]!.job).includes(sample[0]!.items[0]!.request)).toBe(false);
    const parts = posted.slice(1);
    expect(parts.map((p) => p.part)).toEqual([...Array(Math.ceil(sample.length / PART)).keys()]);
    for (const p of parts) {
      expect(p.letters).toBeLessThanOrEqual(PART);
      expect(p.bytes).toBeLessThan(corpusBytes / 4);
    }
    // One part on its way while one is written: never the corpus at once.
    expect(mostAsked).toBe(1);
  });

  test('writes the files the one-shot writer writes, byte for byte', async () => {
    await first;
    const oneShot = new Map<string, string>();
    await writeOpenData(inputOf(sample), { append: async (path, text) => void oneShot.set(path, (oneShot.get(path) ?? '') + text) });
    const streamed = filesOf(join(dir, 'dist'));
    for (const [path, text] of oneShot) expect(streamed.get(path.slice(1)), path).toBe(text);
    expect([...streamed.keys()].filter((p) => !p.startsWith('search/')).sort()).toEqual(
      [...[...oneShot.keys()].map((p) => p.slice(1)), 'data/index.json'].sort(),
    );
  });

  test('after a letter changes, writes its year and lists again from every part they need, and what a clean build writes', async () => {
    await first;
    const edited = changed(sample);
    const again = await build(edited, dir);
    expect(again.data.written).toEqual({ periods: 2, lists: expect.any(Number), search: 1 });
    expect(again.data.kept.periods).toBeGreaterThan(0);
    expect(again.data.kept.lists).toBeGreaterThan(0);
    expect(again.data.written.lists).toBeGreaterThan(0);
    for (const p of again.posted.slice(1)) expect(p.letters).toBeLessThanOrEqual(PART);
    await expectCleanBuild(edited, dir, 'clean-edited');

    // A letter of a period and lists of its own: only its part is sent.
    const more = added(edited);
    const third = await build(more, dir);
    expect(third.data.written).toEqual({ periods: 2, lists: 2, search: 1 });
    expect(third.posted.slice(1).map((p) => p.part)).toEqual([Math.floor((more.length - 1) / PART)]);
    await expectCleanBuild(more, dir, 'clean-added');
  });
});

describe('parts pushed to the worker before it asks', () => {
  const periods = ['2026', '2026', '2026', '2025', '2025', '2024', '2024', '2024', '2023'];
  const none = periods.map(() => false);

  test('are the parts of every period holding a letter read, in order, the first `limit` of them', () => {
    // A letter of 2025 read: both its parts (2 letters a part: 1 and 2), not the others of parts 1 and 2's periods.
    expect(
      partsToPush(
        periods,
        none.map((_, i) => i === 4),
        2,
      ),
    ).toEqual([1, 2]);
    expect(
      partsToPush(
        periods,
        none.map((_, i) => i === 0 || i === 8),
        2,
      ),
    ).toEqual([0, 1, 4]);
    expect(
      partsToPush(
        periods,
        none.map((_, i) => i === 0 || i === 8),
        2,
        2,
      ),
    ).toEqual([0, 1]);
    expect(partsToPush(periods, none, 2)).toEqual([]);
    expect(
      partsToPush(
        periods,
        periods.map(() => true),
        4,
      ),
    ).toEqual([0, 1, 2]);
  });

  test('a pushed part wanted before it comes is given when it comes, without asking; other parts are asked for', async () => {
    const sent: unknown[] = [];
    let deliver: (message: unknown) => void = () => undefined;
    const port: Port = {
      postMessage: (message) => sent.push(message),
      on: (_event, listener) => (deliver = listener),
      off: () => undefined,
    };
    const taken = takeJob<string>(port);
    deliver({ job: 'the job', pushed: [3, 5] });
    const { job, want, release } = await taken;
    expect(job).toBe('the job');
    const three = want(3);
    const four = want(4);
    expect(sent).toEqual([{ want: 4 }]);
    const part = sample.slice(0, 2);
    deliver({ part: 3, determinations: part });
    expect(await three).toBe(part);
    deliver({ part: 4, determinations: sample.slice(2, 3) });
    expect(await four).toEqual(sample.slice(2, 3));
    // Part 5, pushed but not needed, is let go when it comes; wanted after all, it is asked for.
    release([3, 4]);
    deliver({ part: 5, determinations: sample.slice(3, 4) });
    void want(5);
    expect(sent).toEqual([{ want: 4 }, { want: 5 }]);
  });

  test('are not asked for, and the files are those of a clean build, also when a pushed part is not needed', async () => {
    const dir = join(folders, 'pushed');
    const part = 3;
    await build(sample, dir, part);
    const edited = changed(sample);
    const read = edited.map((d, i) => d !== sample[i]);
    const pushed = partsToPush(openDataOutline(inputOf(edited)).periods, read, part);
    // The 2016 letter's period spans parts: the first is pushed, the others are left to ask for.
    expect(pushed.length).toBeGreaterThan(1);
    // And the last part, whose letters were not read: sent for nothing, harmlessly.
    const last = Math.ceil(edited.length / part) - 1;
    expect(pushed).not.toContain(last);
    const again = await build(edited, dir, part, [pushed[0]!, last]);
    expect(again.wanted).toEqual(pushed.slice(1));
    expect(again.data.written.periods).toBe(2);
    expect(again.mostAsked).toBe(1);
    await expectCleanBuild(edited, dir, 'clean-pushed');
  });
});
