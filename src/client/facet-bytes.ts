// A shard's facet file (FACET_FILE: gzipped JSON), or a pack's array of them, read from its bytes
// into the form the page keeps: the letters' and items' numbers as Int32Arrays (some two million
// numbers at 100,000 letters), whose memory a worker hands to the page without copying
// (facet-reader.ts). Imported by the worker: it keeps to fflate and itself.
import type { FacetFile, FacetFileRead } from '../lib/search/facet-table.ts';
import { gunzipped } from './gzip-json.ts';

export type FacetsRead = FacetFileRead | FacetFileRead[];

const typed = (file: FacetFile): FacetFileRead => ({ ...file, letters: new Int32Array(file.letters), items: new Int32Array(file.items) });

export function readFacetBytes(bytes: Uint8Array): FacetsRead {
  const parsed = JSON.parse(new TextDecoder().decode(gunzipped(bytes))) as FacetFile | FacetFile[];
  return Array.isArray(parsed) ? parsed.map(typed) : typed(parsed);
}

/** The memory of its typed arrays, which a worker transfers. */
export function buffersOf(read: FacetsRead): ArrayBuffer[] {
  return (Array.isArray(read) ? read : [read]).flatMap((f) => [f.letters, f.items]).map((a) => (a as Int32Array).buffer as ArrayBuffer);
}
