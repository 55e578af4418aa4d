// The site's gzipped data files (*.json.gz and Pagefind's fragments) as the page fetches and reads
// them: the bytes as served, unpacked here, unless the host already undid the gzip.
/** A gzipped file's bytes, unpacked (its bytes as served; a host may already have undone the gzip). */
export async function readGzipBytes(response: Response): Promise<Uint8Array> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
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
