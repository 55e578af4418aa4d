// A few long-lived child processes that index shards one after another (index-shard.ts run with
// --shard-worker). Each shard still gets a Pagefind service of its own, closed when the shard is
// written, so indexing memory stays bounded by the shard; what a worker saves is starting Node and
// tsx again for every shard (43 shards at 100k).
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { ShardCounts, ShardJob, ShardReply } from './index-shard.ts';
import { runPool } from './run-pool.ts';

interface Worker {
  child: ChildProcess;
  stderr: string;
}

function startWorker(cwd: string, env: NodeJS.ProcessEnv): Worker {
  const child = fork(join(import.meta.dirname, 'index-shard.ts'), ['--shard-worker'], {
    cwd,
    env,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const worker = { child, stderr: '' };
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

/**
 * Indexes every job on at most `count` workers, the largest shards first so that a small one,
 * not a large one, is left for the end while the other workers wait. `onDone` runs in the main
 * process as each job ends, given its time and the job as passed in (with whatever else it carries).
 * The workers are stopped when all are done or one fails.
 */
export async function runShardJobs<Job extends ShardJob>(
  jobs: readonly Job[],
  count: number,
  options: { cwd: string; env: NodeJS.ProcessEnv; onDone: (job: Job, milliseconds: number) => Promise<void> },
): Promise<void> {
  const queue = [...jobs].sort((a, b) => b.files.length - a.files.length);
  const idle: Worker[] = [];
  const all: Worker[] = [];
  let failed = false;
  try {
    await runPool(queue, count, async (job) => {
      if (failed) return; // no new job, and no new worker, once one has failed
      let worker = idle.pop();
      if (!worker) all.push((worker = startWorker(options.cwd, options.env)));
      const started = performance.now();
      try {
        await runOn(worker, job);
        await options.onDone(job, Math.round(performance.now() - started));
      } catch (error) {
        failed = true;
        throw error;
      }
      idle.push(worker);
    });
  } finally {
    for (const { child } of all) if (child.connected) child.disconnect();
  }
}
