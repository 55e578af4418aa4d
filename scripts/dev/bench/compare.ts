// The benchmark's --compare: builds a floor and a naive site (shown above compare) on the same
// generated corpus and in the same run as the site's own build and index (this machine's speed
// drifts within an hour, so absolute times of different runs do not compare), and gives the
// site's build + index as a ratio of each.
import { freemem } from 'node:os';
import { join } from 'node:path';
import type { StageRun } from './run-stage.ts';
import { writeNaiveSite } from './naive-site.ts';

export interface Timing {
  seconds: number;
  peakRssBytes: number;
  peakRssGB: number;
  /**
   * CPU seconds of the process tree as bash's `times` counts it: steadier than wall time on a
   * shared machine, but without Pagefind's indexing service, which is not waited for when it exits.
   */
  cpuSeconds: number;
}

export interface Comparison {
  floor: (Timing & { pages: number; renderSeconds: number; indexSeconds: number }) | { skipped: string };
  naive: (Timing & { build: Timing; index: Timing }) | { skipped: string };
  /** The site's build + index over the floor's seconds; null when it was skipped. */
  ratioToFloor: number | null;
  /** The site's build + index over the naive site's seconds; null when it was skipped. */
  ratioToNaive: number | null;
}

export interface CompareOptions {
  repo: string;
  /** The benchmark's work folder: the floor and naive outputs go under it. */
  work: string;
  /** The generated content folder. */
  corpus: string;
  count: number;
  naiveMax: number;
  /** The site's build + index. */
  ours: Timing;
  /** Runs a Node child process as a timed stage (the benchmark's own runner). */
  stage: (name: string, args: string[], cwd?: string) => Promise<StageRun>;
  log: (line: string) => void;
}

/** Peak memory of the floor per letter: its one Pagefind index keeps every page. */
const FLOOR_BYTES_PER_LETTER = 350_000;
const gb = (bytes: number) => Math.round(bytes / 1e7) / 100;
const timing = ({ seconds, peakRssBytes, cpuSeconds }: StageRun): Timing => ({
  seconds,
  peakRssBytes,
  peakRssGB: gb(peakRssBytes),
  cpuSeconds,
});
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

// The two builds:
//
//   floor: gray-matter + the site's Markdown renderer, one bare page per letter, one Pagefind
//          index through its Node API (scripts/dev/bench/floor-build.ts); skipped when that one
//          index would not fit in the free memory (it holds every page);
//   naive: Astro's glob collection with one page per letter, then the Pagefind CLI
//          (scripts/dev/bench/naive-site.ts); skipped above `naiveMax` letters, where it takes
//          tens of minutes and most of the memory;
export async function compare(options: CompareOptions): Promise<Comparison> {
  const { repo, work, stage } = options;
  let floor: Comparison['floor'];
  const needs = options.count * FLOOR_BYTES_PER_LETTER;
  if (needs > freemem() * 0.8) {
    floor = { skipped: `its one Pagefind index would need about ${gb(needs)} GB, more than the ${gb(freemem())} GB free` };
    options.log(`floor: skipped, ${floor.skipped}`);
  } else {
    const run = await stage('floor', [
      '--import',
      'tsx',
      join(repo, 'scripts/dev/bench/floor-build.ts'),
      options.corpus,
      join(work, 'floor'),
    ]);
    const split = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { pages: number; renderSeconds: number; indexSeconds: number };
    floor = { ...timing(run), ...split };
  }

  let naive: Comparison['naive'];
  if (options.count > options.naiveMax) {
    naive = { skipped: `--count ${options.count} is above --naive-max ${options.naiveMax}` };
    options.log(`naive: skipped, ${naive.skipped}`);
  } else {
    const dir = join(work, 'naive');
    const dist = writeNaiveSite(dir, join(options.corpus, 'determinations'), join(repo, 'node_modules'));
    const build = await stage('naive build', [join(repo, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', dir], dir);
    const index = await stage('naive index', [join(repo, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', dist], dir);
    const peak = Math.max(build.peakRssBytes, index.peakRssBytes);
    naive = {
      seconds: Math.round((build.seconds + index.seconds) * 100) / 100,
      peakRssBytes: peak,
      peakRssGB: gb(peak),
      cpuSeconds: Math.round((build.cpuSeconds + index.cpuSeconds) * 100) / 100,
      build: timing(build),
      index: timing(index),
    };
  }
  return {
    floor,
    naive,
    ratioToFloor: 'skipped' in floor ? null : ratio(options.ours.seconds, floor.seconds),
    ratioToNaive: 'skipped' in naive ? null : ratio(options.ours.seconds, naive.seconds),
  };
}
