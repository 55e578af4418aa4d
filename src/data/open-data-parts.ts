// The open-data stage's messages between the build's thread and its worker. The build's thread
// posts the job (the catalogue and the corpus's outline, no letter), then the worker asks for the
// parts of the corpus it needs, by number, and the build's thread copies a part only when asked.
// The worker asks for the next part as it starts writing one, so at most two parts are on their
// way or held, and it never holds the corpus (a whole-corpus copy was the build's peak memory).
// Worker code: erasable TypeScript only.
import type { Determination } from '../lib/schema/index.ts';

/** What both ends post and listen on: a Worker, a MessagePort, the worker's parentPort. */
export interface Port {
  postMessage(message: unknown): void;
  on(event: 'message', listener: Listener): unknown;
  off(event: 'message', listener: Listener): unknown;
}
// Node's own types give a message `any`: each end says which messages it takes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Listener = (message: any) => void;

export type ToWorker<Job> = { job: Job } | { part: number; determinations: readonly Determination[] };
export type FromWorker<Data> = { want: number } | { data: Data } | { error: string };

/**
 * The build's end: posts the job, answers each request with its part (`partSize` letters from
 * `part × partSize` in `determinations`) and settles with the worker's reply. `sendSeconds`: the
 * time spent copying messages, the stage's work on the build's thread.
 */
export function sendParts<Job, Data>(
  port: Port,
  job: Job,
  determinations: readonly Determination[],
  partSize: number,
): Promise<{ data: Data; sendSeconds: number }> {
  return new Promise((resolve, reject) => {
    let sendSeconds = 0;
    const post = (message: () => ToWorker<Job>) => {
      const started = performance.now();
      port.postMessage(message());
      sendSeconds += (performance.now() - started) / 1000;
    };
    const listener = (message: FromWorker<Data>) => {
      if ('want' in message) {
        const first = message.want * partSize;
        post(() => ({ part: message.want, determinations: determinations.slice(first, first + partSize) }));
        return;
      }
      port.off('message', listener);
      if ('data' in message) resolve({ data: message.data, sendSeconds });
      else reject(new Error(`open data: ${message.error}`));
    };
    port.on('message', listener);
    post(() => ({ job }));
  });
}

/** The worker's end: the job, and `want`, which asks for a part and gives it when it comes. */
export function takeJob<Job>(port: Port): Promise<{ job: Job; want(part: number): Promise<readonly Determination[]> }> {
  return new Promise((resolveJob) => {
    const waiting = new Map<number, (determinations: readonly Determination[]) => void>();
    const want = (part: number) =>
      new Promise<readonly Determination[]>((resolve) => {
        waiting.set(part, resolve);
        port.postMessage({ want: part } satisfies FromWorker<never>);
      });
    const listener = (message: ToWorker<Job>) => {
      if ('job' in message) resolveJob({ job: message.job, want });
      else {
        waiting.get(message.part)?.(message.determinations);
        waiting.delete(message.part);
      }
    };
    port.on('message', listener);
  });
}

/** Yields the parts, asking for the next as each is handed out: one being written, one on its way. */
export async function* partsInOrder(
  parts: readonly number[],
  want: (part: number) => Promise<readonly Determination[]>,
): AsyncGenerator<{ part: number; determinations: readonly Determination[] }> {
  let next = parts.length > 0 ? want(parts[0]!) : undefined;
  for (let i = 0; i < parts.length; i++) {
    const determinations = await next!;
    next = i + 1 < parts.length ? want(parts[i + 1]!) : undefined;
    yield { part: parts[i]!, determinations };
  }
}
