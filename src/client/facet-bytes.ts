// A shard's facet file (FACET_FILE: gzipped, src/lib/search/facet-encoding.ts), or a pack's
// several, read from its bytes into the form the page keeps: the letters' and items' numbers as
// Int32Arrays (some two million numbers at 100,000 letters), whose memory a worker hands to the
// page without copying (facet-reader.ts). Imported by the worker: it keeps to fflate, the decoder and
// the facet table's constants.
import { decodeFacetFiles } from '../lib/search/facet-encoding.ts';
import type { FacetFileRead } from '../lib/search/facet-table.ts';
import { gunzipped } from './gzip-json.ts';

/** A file's tables: one for a shard's file, its shards' for a pack's. */
export type FacetsRead = FacetFileRead[];

export const readFacetBytes = (bytes: Uint8Array): FacetsRead => decodeFacetFiles(gunzipped(bytes));

/** The memory of its typed arrays, which a worker transfers. */
export function buffersOf(read: FacetsRead): ArrayBuffer[] {
  return read.flatMap((f) => [f.letters, f.items]).map((a) => (a as Int32Array).buffer as ArrayBuffer);
}
