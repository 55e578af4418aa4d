// Letter files read and their frontmatter parsed on a worker thread (frontmatter-worker.ts) while
// the content loader validates and stores the ones before: YAML is about half of the loader's
// time, and on a thread of its own the build's second core takes it.
import { Worker } from 'node:worker_threads';

export interface ReadRequest {
  id: number;
  /** A letter file, absolute. */
  path: string;
}

export type ReadReply =
  | { id: number; text: string; data: Record<string, unknown> }
  | { id: number; text: string; frontmatterError: string }
  | { id: number; readError: string }
  /** Bytes that are not UTF-8: "(file): line N is not UTF-8 text: ...". */
  | { id: number; textError: string };

/** Files asked for ahead of the one the loader is at: enough to keep the worker busy, few enough to bound memory. */
const AHEAD = 256;

/**
 * Each file's text and parsed frontmatter (or what stopped it), in the order of `paths`. The
 * worker stops when the caller has read them all or gives up.
 */
export async function* readLetterFiles(paths: readonly string[]): AsyncGenerator<ReadReply> {
  if (paths.length === 0) return;
  const worker = new Worker(new URL('./frontmatter-worker.ts', import.meta.url));
  const replies = new Map<number, ReadReply>();
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  worker.on('message', (reply: ReadReply) => {
    replies.set(reply.id, reply);
    wake?.();
  });
  worker.on('error', (error: Error) => {
    failure ??= new Error(`the frontmatter worker failed: ${error.message}`, { cause: error });
    wake?.();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`the frontmatter worker exited with ${code}`);
    wake?.();
  });
  let sent = 0;
  const sendUpTo = (end: number) => {
    for (; sent < Math.min(end, paths.length); sent++) worker.postMessage({ id: sent, path: paths[sent]! } satisfies ReadRequest);
  };
  try {
    for (let next = 0; next < paths.length; next++) {
      sendUpTo(next + AHEAD);
      while (!replies.has(next)) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const reply = replies.get(next)!;
      replies.delete(next);
      yield reply;
    }
  } finally {
    await worker.terminate();
  }
}
