// A gzip file written a text at a time, with the size and sha256 of its bytes. Node's gzip header
// has no time or name in it (MTIME 0), so the same text gives the same bytes on every build with
// the same zlib: an unchanged period's file is byte for byte the one of the last build.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

export interface GzipFile {
  write(text: string): Promise<void>;
  /** Ends the stream and waits until every byte is in the file. */
  end(): Promise<{ bytes: number; sha256: string }>;
}

export function gzipFile(file: string): GzipFile {
  const gzip = createGzip();
  const hash = createHash('sha256');
  let bytes = 0;
  const done = pipeline(
    gzip,
    async function* (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        hash.update(chunk);
        bytes += chunk.length;
        yield chunk;
      }
    },
    createWriteStream(file),
  );
  // A failed write shows at end(); until then it must not be an unhandled rejection.
  done.catch(() => undefined);
  return {
    async write(text) {
      if (!gzip.write(text)) await Promise.race([once(gzip, 'drain'), done]);
    },
    async end() {
      gzip.end();
      await done;
      return { bytes, sha256: hash.digest('hex') };
    },
  };
}
