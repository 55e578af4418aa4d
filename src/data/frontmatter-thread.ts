// Letter files read, their frontmatter parsed and validated on a worker thread (frontmatter-worker.ts)
// while the letter store (letter-store.ts) takes in the ones before: YAML and the schema are most of
// a clean load's time, and on a thread of their own the build's second core takes them.
import { Worker } from 'node:worker_threads';
import type { Determination } from '../lib/schema/index.ts';

export interface ReadRequest {
  id: number;
  /** A letter file, absolute. */
  path: string;
}

export type ReadReply =
  /** `digest`: sha256 of the text (base64url); `data`: the schema's output. */
  | { id: number; digest: string; data: Determination }
  /**
   * Why the file is not a letter, as check words it: "(file): line N is not UTF-8 text: ...",
   * "(frontmatter): not valid YAML: ...", "dates.decided: expected ...".
   */
  | { id: number; digest?: string; problems: string[] };

/** Files asked for ahead of the one the store is at: enough to keep the worker busy, few enough to bound memory. */
const AHEAD = 256;

/** The project's folder when this module runs from its source (tests, scripts). */
const SOURCE_ROOT = new URL('../../', import.meta.url);

export interface FrontmatterReader {
  /**
   * Each file's digest and validated data (or what is wrong with it), in the order of `paths`;
   * stops the worker when asked past the last reply or given up (a caller that stops at the last
   * reply calls close()).
   */
  read(paths: readonly string[]): AsyncGenerator<ReadReply>;
  /** Stops the worker (if read() has not); safe to call again. */
  close(): Promise<void>;
}

/**
 * Starts the worker at once, so that its modules (YAML, the schema) load while the caller lists and
 * stamps the files; on a small update that start was a wait of its own. `root` is the project's
 * folder URL: in the build this module is part of a bundle elsewhere.
 */
export function frontmatterReader(root: URL = SOURCE_ROOT): FrontmatterReader {
  const worker = new Worker(new URL('src/data/frontmatter-worker.ts', root));
  const replies = new Map<number, ReadReply>();
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  let closed: Promise<unknown> | undefined;
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
  const close = async () => {
    closed ??= worker.terminate();
    await closed;
  };
  async function* read(paths: readonly string[]): AsyncGenerator<ReadReply> {
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
      await close();
    }
  }
  return { read, close };
}
