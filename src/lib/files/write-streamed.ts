// Writes a file from a sequence of text chunks as they are made, so a file of any size costs the
// memory of one chunk. It is written beside its final name and renamed into place when whole:
// a reader never sees half a file, and a failed write leaves the last good one.
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Writes `chunks` (UTF-8) to `file`; resolves to the number of bytes written. */
export async function writeStreamed(file: string, chunks: Iterable<string>): Promise<number> {
  await mkdir(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  let bytes = 0;
  function* counted() {
    for (const chunk of chunks) {
      const buffer = Buffer.from(chunk, 'utf8');
      bytes += buffer.length;
      yield buffer;
    }
  }
  try {
    // Readable.from pulls the next chunk only when the file has taken the last one.
    await pipeline(Readable.from(counted()), createWriteStream(partial));
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return bytes;
}
