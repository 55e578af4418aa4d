// A few long-lived child processes that index shards one after another (index-shard.ts run with
// --shard-worker). Each shard still gets a Pagefind service of its own, closed when the shard is
// written, so indexing memory stays bounded by the shard; what a worker saves is starting Node and
// tsx again for every shard (43 shards at 100k).
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { ShardCounts, ShardJob, ShardReply } from './index-shard.ts';

interface Worker {
  child: ChildProcess;
  stderr: string;
  /** Whether it was given a job: one started ahead (`warm`) and never used is killed, not waited for. */
  used: boolean;
}

function startWorker(cwd: string, env: NodeJS.ProcessEnv): Worker {
  const child = fork(join(import.meta.dirname, 'index-shard.ts'), ['--shard-worker'], {
    cwd,
    env,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const worker = { child, stderr: '', used: false };
  child.stderr?.on('data', (d: Buffer) => (worker.stderr += d.toString()));
  return worker;
}

/** Sends one job to a worker; resolves with its counts, rejects with its error or its exit. */
function runOn(worker: Worker, job: ShardJob): Promise<ShardCounts> {
  return new Promise((resolve, reject) => {
    const { child } = worker;
    const settle = (result: () => void) => {
      child.off('message', onMessage).off('exit', onExit).off('error', onError);
      result();
    };
    const onMessage = (reply: ShardReply) =>
      settle(() => ('records' in reply ? resolve(reply) : reject(new Error(`shard ${job.id}: ${reply.error}`))));
    const onExit = (code: number | null) =>
      settle(() => reject(new Error(`shard ${job.id}: indexer exited with ${code}: ${worker.stderr.trim()}`)));
    const onError = (error: Error) => settle(() => reject(error));
    child.on('message', onMessage).on('exit', onExit).on('error', onError);
    child.send(job);
  });
}

export interface ShardIndexer<Job extends ShardJob> {
  /** Indexes the jobs when a worker is free, jobs given together the largest first; close() awaits them. */
  index(jobs: readonly Job[]): void;
  /** Waits for every job given, then stops the workers; rejects with the first job's error. */
  close(): Promise<void>;
  /** Stops the workers now and resolves when they have exited: the jobs waiting fail with `error`, those under way with their worker's exit. */
  abort(error: unknown): Promise<void>;
}

/**
 * Indexes the jobs it is given on at most `count` workers, one job a worker at a time. Jobs given
 * together go the largest shard first, so that a small one, not a large one, is left for the end
 * while the other workers wait; jobs can be given while others run (the index starts the shards
 * it knows changed while it scans the rest of the site). `onDone` runs in the main process as each
 * job ends, given its time and the job as passed in (with whatever else it carries). Once a job
 * fails, no other starts.
 */
export function shardIndexer<Job extends ShardJob>(
  count: number,
  options: {
    cwd: string;
    env: NodeJS.ProcessEnv;
    onDone: (job: Job, milliseconds: number) => Promise<void>;
    /** Workers started now, before any job: Node, tsx and Pagefind's module load while the caller reads what the jobs need. */
    warm?: number;
  },
): ShardIndexer<Job> {
  const queue: { job: Job; resolve: () => void; reject: (error: unknown) => void }[] = [];
  const all: Worker[] = Array.from({ length: Math.min(options.warm ?? 0, Math.max(1, count)) }, () =>
    startWorker(options.cwd, options.env),
  );
  const idle: Worker[] = [...all];
  const given: Promise<void>[] = [];
  let running = 0;
  let failure: unknown;
  const pump = () => {
    while (running < Math.max(1, count) && queue.length > 0) {
      const next = queue.shift()!;
      if (failure !== undefined) {
        next.reject(failure);
        continue;
      }
      running++;
      let worker = idle.pop();
      if (!worker) all.push((worker = startWorker(options.cwd, options.env)));
      const started = performance.now();
      const on = worker;
      on.used = true;
      runOn(on, next.job)
        .then(() => options.onDone(next.job, Math.round(performance.now() - started)))
        .then(
          () => {
            idle.push(on);
            next.resolve();
          },
          (error: unknown) => {
            failure ??= error;
            next.reject(error);
          },
        )
        .finally(() => {
          running--;
          pump();
        });
    }
  };
  const stop = () => {
    // A worker that was never given a job may still be loading its modules: not waited for.
    for (const { child, used } of all) if (!used) child.kill();
    for (const { child } of all) if (child.connected) child.disconnect();
  };
  return {
    index(jobs) {
      const promises = [...jobs]
        .sort((a, b) => b.files.length - a.files.length)
        .map((job) => new Promise<void>((resolve, reject) => queue.push({ job, resolve, reject })));
      // Awaited by close(); a failure shows there.
      for (const p of promises) p.catch(() => undefined);
      given.push(...promises);
      pump();
    },
    async close() {
      try {
        await Promise.all(given);
      } finally {
        stop();
      }
    },
    async abort(error) {
      failure ??= error;
      for (const waiting of queue.splice(0)) waiting.reject(error);
      // Killed, not disconnected: a worker left writing its shard's temporary folder would race the next run's.
      await Promise.all(
        all.map(({ child }) =>
          child.exitCode !== null || child.signalCode !== null
            ? undefined
            : new Promise<void>((resolve) => {
                child.once('exit', () => resolve());
                child.kill();
              }),
        ),
      );
    },
  };
}
