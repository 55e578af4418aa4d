// The search page's worker: reads facet files (facet-bytes.ts) off the page's thread, so that the
// page matches the word lists while the facet tables are read (facet-reader.ts). It fetches
// nothing: the page sends the bytes, as the documented nginx configuration serves the worker's
// script (under _astro/) with the policy of the pages that run none, which allows it no fetch
// (scripts/lib/security-headers.ts).
import { buffersOf, readFacetBytes } from './facet-bytes.ts';

/** What the page sends: a file's bytes, numbered. */
export interface FacetJob {
  id: number;
  bytes: ArrayBuffer;
}
/** What the worker answers: the file read, or why it could not be. */
export type FacetAnswer = { id: number; read: ReturnType<typeof readFacetBytes> } | { id: number; error: string };

// The worker's global scope, typed here: the project's lib is the DOM's, not WebWorker's.
const scope = self as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<FacetJob>) => void): void;
  postMessage(message: FacetAnswer, transfer?: Transferable[]): void;
};

scope.addEventListener('message', ({ data: { id, bytes } }) => {
  try {
    const read = readFacetBytes(new Uint8Array(bytes));
    scope.postMessage({ id, read }, buffersOf(read));
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
