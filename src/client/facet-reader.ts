// Reads facet files in a worker (facet-worker.ts) where the page can start one: at 100,000 letters
// a complete answer unpacks some 0.8 MB of facet files into 4 MB (6 MB of JSON, a fifth of its time
// on the page's one thread, before they were bytes),
// while the word lists' files wait to be fetched and matched there (docs/search.md). Without a
// worker (Node, the tests), or once it fails (it does not start, reports an error of its own or
// about a file, or gives no first answer in time), the page reads them itself, and so would name
// a file's fault itself.
import { readFacetBytes, type FacetsRead } from './facet-bytes.ts';
import type { FacetAnswer, FacetJob } from './facet-worker.ts';
import { fetchOk } from './gzip-json.ts';

/** How long the page waits for the worker's first answer before it reads the files itself: a worker whose script never came. */
const FIRST_ANSWER_MS = 5000;

interface Pending {
  bytes: Uint8Array;
  resolve(read: FacetsRead): void;
  reject(error: Error): void;
}

/** A reader of facet files by URL: each fetched here, read in the worker. */
export function facetReader(): (url: string) => Promise<FacetsRead> {
  let worker: Worker | undefined | null;
  const pending = new Map<number, Pending>();
  let next = 0;
  let waiting: ReturnType<typeof setTimeout> | undefined;
  // The worker failed: what it was asked is read here, and so is all that follows.
  const fail = () => {
    clearTimeout(waiting);
    worker?.terminate();
    worker = null;
    for (const [id, job] of pending) {
      pending.delete(id);
      readHere(job);
    }
  };
  const readHere = ({ bytes, resolve, reject }: Pending) => {
    try {
      resolve(readFacetBytes(bytes));
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
  const start = (): Worker | null => {
    if (typeof Worker === 'undefined') return null;
    try {
      const w = new Worker(new URL('./facet-worker.ts', import.meta.url), { type: 'module' });
      w.addEventListener('message', ({ data }: MessageEvent<FacetAnswer>) => {
        clearTimeout(waiting);
        const job = pending.get(data.id);
        if (!job) return;
        if (!('read' in data)) return fail();
        pending.delete(data.id);
        job.resolve(data.read);
      });
      w.addEventListener('error', fail);
      w.addEventListener('messageerror', fail);
      return w;
    } catch {
      return null;
    }
  };
  return async (url) => {
    const bytes = new Uint8Array(await (await fetchOk(url)).arrayBuffer());
    return new Promise<FacetsRead>((resolve, reject) => {
      const job: Pending = { bytes, resolve, reject: (error) => reject(new Error(`${url}: ${error.message}`)) };
      if (worker === undefined) worker = start();
      if (!worker) return readHere(job);
      const id = next++;
      pending.set(id, job);
      if (id === 0) waiting = setTimeout(fail, FIRST_ANSWER_MS);
      // A copy of the bytes (tens of KB a file) handed over: the page keeps its own to read them itself if the worker fails.
      const copy = bytes.slice().buffer;
      worker.postMessage({ id, bytes: copy } satisfies FacetJob, [copy]);
    });
  };
}
