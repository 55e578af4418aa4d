// The scale benchmark (docs/scale.md, "The benchmark", says what each option measures):
//   npm run bench -- --count N [--keep] [--out DIR] [--incremental [--add 100] [--add-month N]] [--compare [--naive-max 20000]]
//                   [--shard-pages N] [--jobs N] [--skip-queries] [--compare-similar] [--compare-open-data]
// Generates N determinations from the sample letters, then times check, build and index (child
// processes, with the peak memory of each process tree) and searches in headless Chromium. Prints
// one JSON object on stdout, progress on stderr; the work folder is removed unless --keep.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { cpus, freemem, platform, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compare, type Comparison } from './bench/compare.ts';
import { DEFAULT_SERVER, measureQueries, type BenchServer, type QueryMeasure } from './bench/measure-queries.ts';
import { runStage, type StageResult, type StageRun } from './bench/run-stage.ts';
import { siteStats } from './bench/site-stats.ts';
import { DEFAULT_JOBS, DEFAULT_SHARD_PAGES } from '../search-index.ts';
import { positiveWhole } from '../lib/positive-whole.ts';
import { SIMILAR_LOG } from '../../src/data/timed-precedents.ts';
import { LETTERS_LOG } from '../../src/data/letter-store.ts';

const repo = join(import.meta.dirname, '../..');
const COLD = '?q=lumbar%20MRI';
const WARM = ['?q=Norco', '?q=acupuncture&outcome=overturned'];
/** How often the searches are measured (queries): the median run is reported. */
const QUERY_RUNS = 3;
/** A cold search by filters alone (`queries.filters`): the treatment type and outcome, no words. */
const FILTERS = '?treatment=acupuncture&outcome=overturned';
/** Letters added by --incremental are decided in the last month of the generated range. */
const NEW_LETTERS = { from: '2026-10-01', to: '2026-10-30' };
/** Letters added by --add-month, after those, are decided in the month after: a monthly update. */
const NEXT_MONTH = { from: '2026-11-01', to: '2026-11-30' };

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

const { values } = parseArgs({
  options: {
    count: { type: 'string' },
    keep: { type: 'boolean', default: false },
    out: { type: 'string' },
    incremental: { type: 'boolean', default: false },
    add: { type: 'string' },
    'add-month': { type: 'string' },
    'shard-pages': { type: 'string' },
    jobs: { type: 'string' },
    'skip-queries': { type: 'boolean', default: false },
    'compare-similar': { type: 'boolean', default: false },
    'compare-open-data': { type: 'boolean', default: false },
    compare: { type: 'boolean', default: false },
    'naive-max': { type: 'string' },
  },
});

const count = positiveWhole(values.count, '--count');
if (count === undefined) {
  console.error(
    'usage: npm run bench -- --count N [--keep] [--out DIR] [--incremental [--add 100] [--add-month N]] [--compare [--naive-max 20000]] [--shard-pages N] [--jobs N] [--skip-queries] [--compare-similar] [--compare-open-data]',
  );
  process.exit(2);
}
const add = positiveWhole(values.add, '--add') ?? 100;
const addMonth = positiveWhole(values['add-month'], '--add-month');
const shardPages = positiveWhole(values['shard-pages'], '--shard-pages') ?? DEFAULT_SHARD_PAGES;
const jobs = positiveWhole(values.jobs, '--jobs') ?? DEFAULT_JOBS;
const naiveMax = positiveWhole(values['naive-max'], '--naive-max') ?? 20_000;

let work: string;
if (values.out) {
  work = resolve(values.out);
  // The folder is removed at the end: never one that holds something already.
  if (existsSync(work) && readdirSync(work).length > 0) {
    console.error(`bench: --out ${work} is not empty`);
    process.exit(2);
  }
  mkdirSync(work, { recursive: true });
} else {
  work = mkdtempSync(join(tmpdir(), 'imr-bench-'));
}
const corpus = join(work, 'corpus');
const dist = join(work, 'dist');
// The browser profiles of the searches stay until the end of the run: removed between the searches
// and the update, their some 2,000 files made the update's new files slow to create (docs/scale.md,
// "Adding letters at 10k"), which no update of a real site pays.
const profiles = join(work, 'browser-profiles');
const env: NodeJS.ProcessEnv = {
  ...process.env,
  CORPUS_DIR: corpus,
  OUT_DIR: dist,
  BASE_PATH: '/',
  ASTRO_CACHE_DIR: join(work, 'astro-cache'),
  SEARCH_CACHE_DIR: join(work, 'search-cache'),
  SEARCH_SHARD_PAGES: String(shardPages),
  SEARCH_INDEX_JOBS: String(jobs),
  ASTRO_TELEMETRY_DISABLED: '1',
};
const node = (script: string, ...args: string[]) => ['--import', 'tsx', join(repo, script), ...args];
const stage = async (name: string, args: string[], cwd = repo, stageEnv = env) => {
  log(`${name}…`);
  const run = await runStage(name, process.execPath, args, { env: stageEnv, cwd });
  log(`${name}: ${run.seconds} s (${run.cpuSeconds} s CPU), peak ${gb(run.peakRssBytes)} GB`);
  return run;
};
// Astro writes its prerender bundle under the working folder when the output folder is outside
// it (<cwd>/.astro/.prerender), where another build of this repository would overwrite it. Run
// from the work folder, the bundle stays in this run's output, and finds its packages through a
// link to the repository's node_modules.
symlinkSync(join(repo, 'node_modules'), join(work, 'node_modules'), 'dir');
const astroBuild = (name: string, buildEnv = env) =>
  stage(name, [join(repo, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', repo], work, buildEnv);
/** The letter store's load as the build printed it: letters, files read, new or changed, seconds. */
const letters = ({ stdout }: { stdout: string }) => {
  const m = LETTERS_LOG.exec(stdout);
  return m ? { count: Number(m[1]), read: Number(m[2]), changed: Number(m[3]), seconds: Number(m[4]) } : undefined;
};
/** The similarity stage as the build printed it, and its share of the build's wall time. */
const similarity = (build: StageRun) => {
  const m = SIMILAR_LOG.exec(build.stdout);
  if (!m) return undefined;
  const seconds = Number(m[2]) / 1000;
  return {
    items: Number(m[1]),
    seconds,
    cpuSeconds: Number(m[3]) / 1000,
    keptMB: Number(m[4]),
    // Items whose numbers came from the last build (0 in a clean build).
    reusedItems: Number(m[5] ?? 0),
    percentOfBuild: Math.round((seconds / build.seconds) * 1000) / 10,
  };
};
const gb = (bytes: number) => Math.round(bytes / 1e7) / 100;
// The open-data stage runs inside the build (the /data/ page has the files written on a worker
// thread) and says what it took: "open data: 245 files, 896441 bytes, in 1.2 s (0.05 s of it on
// the build's thread); period files: 2 written, 24 kept; list files: 40 written, 200 kept; search
// data: 1 written, 12 kept". Its seconds overlap the pages rendered meanwhile, so they are an upper
// bound of what it adds to the build; the build's thread spends only the second figure on it.
// `files` and `bytes` are the whole open data, kept files too.
const openData = ({ stdout }: { stdout: string }) => {
  const m = /open data: (\d+) files, (\d+) bytes, in ([\d.]+) s(?: \(([\d.]+) s of it on the build's thread\))?/.exec(stdout);
  if (!m) return undefined;
  const counts = (kind: string) => {
    const c = new RegExp(`${kind}: (\\d+) written, (\\d+) kept`).exec(stdout);
    return c ? { written: Number(c[1]), kept: Number(c[2]) } : undefined;
  };
  const [periodFiles, listFiles, searchData] = [counts('period files'), counts('list files'), counts('search data')];
  return {
    files: Number(m[1]),
    bytes: Number(m[2]),
    seconds: Number(m[3]),
    ...(m[4] ? { mainThreadSeconds: Number(m[4]) } : {}),
    ...(periodFiles ? { periodFiles, listFiles, searchData } : {}),
  };
};
/**
 * The build's summary line (src/integrations/build-log.mjs): "11721 files: 9300 pages, 2100 feeds
 * and 321 data files; 315 rendered, 11406 kept from the last build". `total` counts files, as the
 * figures in the README do ("635 of 12,546 pages rendered"); `html` the HTML pages among them.
 */
const pagesOf = ({ stdout }: { stdout: string }) => {
  const m = /(\d+) files: (\d+) pages, \d+ feeds and \d+ data files; (\d+) rendered, (\d+) kept/.exec(stdout);
  return m ? { total: Number(m[1]), html: Number(m[2]), rendered: Number(m[3]), kept: Number(m[4]) } : undefined;
};
const timing = ({ seconds, peakRssBytes, cpuSeconds }: StageResult) => ({ seconds, peakRssBytes, peakRssGB: gb(peakRssBytes), cpuSeconds });
const sumOf = (...stages: StageResult[]) => ({
  seconds: Math.round(stages.reduce((n, s) => n + s.seconds, 0) * 100) / 100,
  peakRssBytes: Math.max(...stages.map((s) => s.peakRssBytes)),
  peakRssGB: gb(Math.max(...stages.map((s) => s.peakRssBytes))),
  cpuSeconds: Math.round(stages.reduce((n, s) => n + s.cpuSeconds, 0) * 100) / 100,
});

try {
  log(`work folder ${work}`);
  const generate = await stage('generate', node('scripts/dev/bench/generate-corpus.ts', join(repo, 'content'), corpus, String(count)));
  const check = await stage('check', node('scripts/check.ts'));
  const build = await astroBuild('build');
  const index = await stage('index', node('scripts/search-index.ts', dist));
  const site = await siteStats(dist);
  const full = sumOf(build, index);

  // Right after the site's own build, so the three run as close in time as they can.
  let comparison: Comparison | undefined;
  if (values.compare) comparison = await compare({ repo, work, corpus, count, naiveMax, ours: full, stage, log });

  // A clean build of the same corpus with one stage off (its switch set), into folders of its own.
  const buildWithout = async (stageName: string, slug: string, switchVar: string) =>
    timing(
      await astroBuild(`build without ${stageName}`, {
        ...env,
        [switchVar]: 'off',
        OUT_DIR: join(work, `dist-without-${slug}`),
        ASTRO_CACHE_DIR: join(work, `astro-cache-without-${slug}`),
      }),
    );
  const withoutSimilar = values['compare-similar'] ? await buildWithout('similarity', 'similar', 'IMR_SIMILAR') : undefined;
  const withoutOpenData = values['compare-open-data'] ? await buildWithout('open data', 'open-data', 'IMR_OPEN_DATA') : undefined;

  type ColdRun = { firstMs: number; completeMs: number };
  let queries:
    | {
        cold: QueryMeasure;
        warm: QueryMeasure[];
        filters: QueryMeasure;
        coldRuns: ColdRun[];
        server: BenchServer;
        coldRunsByNodeServer?: ColdRun[];
      }
    | undefined;
  if (!values['skip-queries']) {
    mkdirSync(profiles);
    // The cold search and the warm ones after it, QUERY_RUNS times, each in a fresh browser
    // profile: one run's times move by a fifth with the machine, so the run whose complete answer
    // is the median stands for all (its bytes are every run's); `coldRuns` keeps each run's times.
    // Served by nginx where installed (since 2026-12-06; measure-queries.ts says why), each run
    // then followed by one served by scripts/dev/serve.ts, as every run was before: its times in
    // `coldRunsByNodeServer`, to compare with earlier runs.
    const runs: Awaited<ReturnType<typeof measureQueries>>[] = [];
    const byNode: ColdRun[] = [];
    const coldRun = ({ cold }: { cold: QueryMeasure }): ColdRun => ({ firstMs: cold.firstResults.ms, completeMs: cold.complete.ms });
    for (let run = 1; run <= QUERY_RUNS; run++) {
      log(`queries in chromium (run ${run} of ${QUERY_RUNS}, served by ${DEFAULT_SERVER})…`);
      runs.push(await measureQueries(dist, '/', COLD, WARM, DEFAULT_SERVER, profiles));
      if (DEFAULT_SERVER !== 'node') byNode.push(coldRun(await measureQueries(dist, '/', COLD, [], 'node', profiles)));
    }
    const median = [...runs].sort((a, b) => a.cold.complete.ms - b.cold.complete.ms)[Math.floor(QUERY_RUNS / 2)]!;
    queries = {
      ...median,
      filters: (await measureQueries(dist, '/', FILTERS, [], DEFAULT_SERVER, profiles)).cold,
      coldRuns: runs.map(coldRun),
      server: DEFAULT_SERVER,
      ...(byNode.length > 0 ? { coldRunsByNodeServer: byNode } : {}),
    };
  }

  /** Adds `added` letters decided in `month` after the `start` already there, then checks, builds and indexes again. */
  const update = async (added: number, start: number, month: { from: string; to: string }, name: string) => {
    const args = [join(repo, 'content'), corpus, String(added), '--start', String(start), '--from', month.from, '--to', month.to];
    await stage(`add ${name}`, node('scripts/dev/bench/generate-corpus.ts', ...args));
    const recheck = await stage(`recheck ${name}`, node('scripts/check.ts'));
    const rebuild = await astroBuild(`rebuild ${name}`);
    const reindex = await stage(`reindex ${name}`, node('scripts/search-index.ts', dist));
    const after = await siteStats(dist);
    const both = sumOf(rebuild, reindex);
    return {
      added,
      decided: `${month.from}..${month.to}`,
      // `npm run build` checks first; its cache validates only the added letters.
      check: { ...timing(recheck), summary: recheck.stdout.trim() },
      build: { ...timing(rebuild), letters: letters(rebuild), openData: openData(rebuild), pages: pagesOf(rebuild) },
      similarity: similarity(rebuild),
      index: { ...timing(reindex), summary: reindex.stdout.trim() },
      buildAndIndex: both,
      percentOfFullBuild: Math.round((both.seconds / full.seconds) * 1000) / 10,
      determinationPages: after.determinationPages,
    };
  };
  const incremental = values.incremental ? await update(add, count, NEW_LETTERS, '+' + add) : undefined;
  // A month's letters after that, as a monthly update (the month before joins its year's shard).
  const incrementalMonth = values.incremental && addMonth ? await update(addMonth, count + add, NEXT_MONTH, '+' + addMonth) : undefined;

  const result = {
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      memoryGB: Math.round(totalmem() / 1e8) / 10,
      freeMemoryGB: Math.round(freemem() / 1e8) / 10,
      os: `${platform()} ${release()}`,
      node: process.version,
    },
    count,
    corpus: JSON.parse(generate.stdout) as { files: number; bytes: number },
    settings: { shardPages, indexJobs: jobs },
    stages: {
      generate: timing(generate),
      check: timing(check),
      build: {
        ...timing(build),
        letters: letters(build),
        openData: openData(build) && { ...openData(build), buildWithoutOpenData: withoutOpenData },
      },
      index: { ...timing(index), summary: index.stdout.trim() },
    },
    buildAndIndex: full,
    similarity: similarity(build) && { ...similarity(build), buildWithoutSimilarity: withoutSimilar },
    site,
    pagesPerSecond: {
      build: Math.round(site.htmlPages / build.seconds),
      buildAndIndex: Math.round(site.htmlPages / full.seconds),
    },
    queries,
    incremental,
    incrementalMonth,
    compare: comparison,
    kept: values.keep ? work : undefined,
  };
  console.log(JSON.stringify(result, null, 2));
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  if (values.keep) {
    rmSync(profiles, { recursive: true, force: true });
    log(`kept ${work}`);
  } else rmSync(work, { recursive: true, force: true });
}
