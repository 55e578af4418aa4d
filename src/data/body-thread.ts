// Letter bodies rendered on a worker thread (body-worker.ts). Astro renders pages on one thread;
// with the Markdown of every determination page done beside it, the build's second core takes
// that share, and the
// renderer's native memory stays in the worker. The worker runs the same renderBody as a page
// would, so the HTML is the same. It is held only while a request waits, so an idle worker never
// keeps a process (a test, `astro dev`) alive.
import { Worker } from 'node:worker_threads';
import type { LetterBody } from './letter-body.ts';

export interface BodyRequest {
  id: number;
  /** The letter's file, absolute. */
  path: string;
}

export type BodyReply = { id: number; body: LetterBody } | { id: number; error: string };

interface Waiting {
  resolve: (body: LetterBody) => void;
  reject: (error: Error) => void;
}

let worker: Worker | undefined;
const waiting = new Map<number, Waiting>();
let nextId = 0;

function failAll(error: Error): void {
  for (const w of waiting.values()) w.reject(error);
  waiting.clear();
  worker = undefined;
}

function start(root: URL): Worker {
  // From the project root: in the build this module is part of a bundle elsewhere.
  const thread = new Worker(new URL('src/data/body-worker.ts', root));
  thread.on('message', (reply: BodyReply) => {
    const w = waiting.get(reply.id);
    if (!w) return;
    waiting.delete(reply.id);
    if (waiting.size === 0) thread.unref();
    if ('body' in reply) w.resolve(reply.body);
    else w.reject(new Error(reply.error));
  });
  thread.on('error', (error: Error) => failAll(new Error(`the letter-body worker failed: ${error.message}`, { cause: error })));
  thread.on('exit', (code) => failAll(new Error(`the letter-body worker exited with ${code}`)));
  thread.unref();
  return thread;
}

/**
 * Starts the worker ahead of the first page, so that its modules and renderer load while the
 * corpus does: on a small update the first letter page otherwise waited for them. Idle, it keeps
 * no process alive.
 */
export function startBodyWorker(root: URL): void {
  worker ??= start(root);
}

/** The rendered body of the letter file at `path` (absolute), from the worker thread; `root` is the project's folder URL. */
export function renderBodyFile(path: string, root: URL): Promise<LetterBody> {
  worker ??= start(root);
  const thread = worker;
  const id = nextId++;
  if (waiting.size === 0) thread.ref();
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    thread.postMessage({ id, path } satisfies BodyRequest);
  });
}
