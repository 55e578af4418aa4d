// The site's gzipped data files (*.json.gz and Pagefind's fragments) as the page fetches and reads
// them: the bytes as served, unpacked here, unless the host already undid the gzip. Unpacked by
// fflate on the page's thread: a complete answer reads over 100 files, most of a few KB, and
// Chromium's DecompressionStream cost about 1.3 ms of the thread per file, fflate about 0.05 ms
// (measured on 150 files of 1.5 KB; alike on large ones), docs/search.md.
import { gunzipSync } from 'fflate';

/** Bytes as served, unpacked if they are gzipped (a host may already have undone the gzip). */
export const gunzipped = (bytes: Uint8Array): Uint8Array => (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes);

/** A gzipped file's bytes, unpacked. */
export async function readGzipBytes(response: Response): Promise<Uint8Array> {
  return gunzipped(new Uint8Array(await response.arrayBuffer()));
}

/** A gzipped file's text. */
export async function readGzipText(response: Response): Promise<string> {
  return new TextDecoder().decode(await readGzipBytes(response));
}

/** A gzipped JSON file. */
export async function readGzipJson<T>(response: Response): Promise<T> {
  return JSON.parse(await readGzipText(response)) as T;
}

/** A fetch that throws, naming the URL, unless the answer is a success. */
export async function fetchOk(url: string, init?: RequestInit): Promise<Response> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${response.status} fetching ${url}`);
  return response;
}

/** A gzipped JSON file fetched. */
export const fetchGzipJson = <T>(url: string): Promise<T> => fetchOk(url).then((r) => readGzipJson<T>(r));
