// Reads facet files in a worker (facet-worker.ts) where the page can start one: at 100,000 letters
// a complete answer reads some 10 MB of facet JSON, a fifth of its time on the page's one thread,
// while the word lists' files wait to be fetched and matched there (docs/search.md). Without a
// worker (Node, the tests), or when it fails to start or to answer, the page reads them itself.
import { readFacetBytes, type FacetsRead } from './facet-bytes.ts';
import type { FacetAnswer, FacetJob } from './facet-worker.ts';
import { fetchOk } from './gzip-json.ts';

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
  // The worker failed: what it was asked is read here, and so is all that follows.
  const fail = () => {
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
        const job = pending.get(data.id);
        if (!job) return;
        pending.delete(data.id);
        if ('read' in data) job.resolve(data.read);
        else job.reject(new Error(data.error));
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
      // A copy of the bytes (tens of KB a file) handed over: the page keeps its own to read them itself if the worker fails.
      const copy = bytes.slice().buffer;
      worker.postMessage({ id, bytes: copy } satisfies FacetJob, [copy]);
    });
  };
}
