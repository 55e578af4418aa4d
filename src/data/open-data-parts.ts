// The open-data stage's messages between the build's thread and its worker. The build's thread
// posts the job (the catalogue and the corpus's outline, no letter) and a few parts of the corpus
// it expects the worker to need (`pushed`: the years of its new or changed letters), then the
// worker asks for any other part it needs, by number, and the build's thread copies a part only
// when asked. The worker asks for the next part as it starts writing one, so beyond the pushed
// parts at most two are on their way or held, and it never holds the corpus (a whole-corpus copy
// was the build's peak memory).
//
// Why push: the build's thread answers a request only between its tasks, and after the worker
// starts it runs seconds of them without a break (the similarity stage, every route's paths, then
// 100,000 kept pages in one run of promises). On an update the worker then waited for its first
// part until the pages were done, and the /data/ page, which shows the files, waited on the worker.
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

export type ToWorker<Job> = { job: Job; pushed: readonly number[] } | { part: number; determinations: readonly Determination[] };
export type FromWorker<Data> = { want: number } | { data: Data } | { error: string };

/**
 * The build's end: posts the job and the `pushed` parts, answers each request with its part
 * (`partSize` letters from `part × partSize` in `determinations`) and settles with the worker's
 * reply. `sendSeconds`: the time spent copying messages, the stage's work on the build's thread.
 */
export function sendParts<Job, Data>(
  port: Port,
  job: Job,
  determinations: readonly Determination[],
  partSize: number,
  pushed: readonly number[] = [],
): Promise<{ data: Data; sendSeconds: number }> {
  return new Promise((resolve, reject) => {
    let sendSeconds = 0;
    const post = (message: () => ToWorker<Job>) => {
      const started = performance.now();
      port.postMessage(message());
      sendSeconds += (performance.now() - started) / 1000;
    };
    const part = (n: number): ToWorker<Job> => ({ part: n, determinations: determinations.slice(n * partSize, (n + 1) * partSize) });
    const listener = (message: FromWorker<Data>) => {
      if ('want' in message) {
        post(() => part(message.want));
        return;
      }
      port.off('message', listener);
      if ('data' in message) resolve({ data: message.data, sendSeconds });
      else reject(new Error(`open data: ${message.error}`));
    };
    port.on('message', listener);
    post(() => ({ job, pushed }));
    for (const n of pushed) post(() => part(n));
  });
}

/** The worker's end of the messages (takeJob). */
export interface JobTaken<Job> {
  job: Job;
  /** Gives a part when it comes: a pushed part as it arrives (it is let go once given), any other asked for first. */
  want(part: number): Promise<readonly Determination[]>;
  /** Lets go of the pushed parts that are not among `needed`, now or when they arrive. */
  release(needed: readonly number[]): void;
}

export function takeJob<Job>(port: Port): Promise<JobTaken<Job>> {
  return new Promise((resolveJob) => {
    const waiting = new Map<number, (determinations: readonly Determination[]) => void>();
    const arrived = new Map<number, readonly Determination[]>();
    let coming = new Set<number>();
    let needed: Set<number> | undefined;
    const want = (part: number) =>
      new Promise<readonly Determination[]>((resolve) => {
        const held = arrived.get(part);
        arrived.delete(part);
        if (held) resolve(held);
        else {
          waiting.set(part, resolve);
          if (!coming.has(part)) port.postMessage({ want: part } satisfies FromWorker<never>);
        }
        coming.delete(part);
      });
    const release = (parts: readonly number[]) => {
      needed = new Set(parts);
      for (const part of arrived.keys()) if (!needed.has(part)) arrived.delete(part);
      // Should one be wanted after all, it is asked for.
      for (const part of coming) if (!needed.has(part)) coming.delete(part);
    };
    const listener = (message: ToWorker<Job>) => {
      if ('job' in message) {
        coming = new Set(message.pushed);
        resolveJob({ job: message.job, want, release });
      } else {
        const resolve = waiting.get(message.part);
        waiting.delete(message.part);
        if (resolve) resolve(message.determinations);
        else if (!needed || needed.has(message.part)) arrived.set(message.part, message.determinations);
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

/** The most parts pushed unasked: what the worker may hold beyond the two it asked for. */
export const PUSHED_PARTS = 8;

/**
 * The parts to push (sendParts): those of the periods holding a letter new or changed in this
 * build, which the worker writes again, the first `limit` of them. `periods` and `changed`: per
 * letter, in the order the parts cut.
 */
export function partsToPush(periods: readonly string[], changed: readonly boolean[], partSize: number, limit = PUSHED_PARTS): number[] {
  const periodsChanged = new Set(periods.filter((_, i) => changed[i]));
  const parts: number[] = [];
  for (let i = 0; i < periods.length && parts.length < limit; i++) {
    const part = Math.floor(i / partSize);
    if (periodsChanged.has(periods[i]!) && parts.at(-1) !== part) parts.push(part);
  }
  return parts;
}
