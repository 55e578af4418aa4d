// Runs one benchmark stage as a child process: wall time, and peak memory of the child and
// everything it starts (scripts/dev/bench/process-tree.ts). Its output goes to our stderr as progress,
// less Astro's line per page, which would bury everything else.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { samplePeak } from './process-tree.ts';

export interface StageResult {
  seconds: number;
  peakRssBytes: number;
  /** User + system CPU time of the whole tree: on a busy machine a steadier figure than wall time. */
  cpuSeconds: number;
}

export interface StageRun extends StageResult {
  /** The child's stdout, whole. */
  stdout: string;
}

// Astro lists each page it wrote: "08:21:43   ├─ /determinations/CM14-0123456/index.html (+2ms)".
const PAGE_LINE = /[├└]─ /;
// The stage runs under bash, whose `times` then prints the CPU time of the shell and of its
// children (every process of the tree, once reaped): "0m0.002s 0m0.001s" / "1m2.345s 0m3.210s".
const TIMES_SCRIPT = '"$@"; status=$?; times >&2; exit $status';
const TIMES_LINE = /^(\d+)m([\d.]+)s (\d+)m([\d.]+)s$/;

export function runStage(
  name: string,
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd: string },
): Promise<StageRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('bash', ['-c', TIMES_SCRIPT, name, command, ...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const meter = samplePeak(child.pid!);
    let stdout = '';
    let pages = 0;
    let cpuSeconds = 0;
    const show = (line: string) => {
      const times = TIMES_LINE.exec(line);
      if (times) {
        // The last of the two lines is the children's.
        cpuSeconds = Math.round((Number(times[1]) * 60 + Number(times[2]) + Number(times[3]) * 60 + Number(times[4])) * 100) / 100;
        return;
      }
      if (PAGE_LINE.test(line)) {
        if (++pages % 5000 === 0) process.stderr.write(`[${name}] ${pages} pages written\n`);
        return;
      }
      if (line.trim()) process.stderr.write(`[${name}] ${line}\n`);
    };
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    createInterface({ input: child.stdout }).on('line', show);
    createInterface({ input: child.stderr }).on('line', show);
    child.on('error', (error) => {
      meter.stop();
      reject(error);
    });
    child.on('close', (code) => {
      const peakRssBytes = meter.stop();
      const seconds = Math.round((performance.now() - started) / 10) / 100;
      if (code === 0) resolve({ seconds, peakRssBytes, cpuSeconds, stdout });
      else reject(new Error(`${name} failed (exit ${code}); its output is above`));
    });
  });
}
