// A build endpoint's JSON as a gzipped file (*.json.gz): the search page's data files go out
// compressed from any static host, including one that does not compress what it serves (the
// catalogue is a quarter of its size so). The page reads them with readGzipJson (src/client/gzip-json.ts).
import { gzipSync } from 'node:zlib';

export function gzippedJson(value: unknown): Response {
  return new Response(gzipSync(JSON.stringify(value), { level: 9 }), { headers: { 'Content-Type': 'application/gzip' } });
}
