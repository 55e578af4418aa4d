// Runs one benchmark stage as a child process: wall time, and peak memory of the child and
// everything it starts (scripts/dev/bench/process-tree.ts). Its output goes to our stderr as progress,
// less Astro's line per page, which would bury everything else.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { samplePeak } from './process-tree.ts';

export interface StageResult {
  seconds: number;
  peakRssBytes: number;
}

export interface StageRun extends StageResult {
  /** The child's stdout, whole. */
  stdout: string;
}

// Astro lists each page it wrote: "08:21:43   ├─ /determinations/CM14-0123456/index.html (+2ms)".
const PAGE_LINE = /[├└]─ /;

export function runStage(name: string, command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd: string }): Promise<StageRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const meter = samplePeak(child.pid!);
    let stdout = '';
    let pages = 0;
    const show = (line: string) => {
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
      if (code === 0) resolve({ seconds, peakRssBytes, stdout });
      else reject(new Error(`${name} failed (exit ${code}); its output is above`));
    });
  });
}
