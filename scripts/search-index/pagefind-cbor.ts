// Pagefind 1.6's metadata and word index files (pagefind-meta.ts, pagefind-chunks.ts): gzip of
// "pagefind_dcd" and one CBOR value. Here the file's packing, and the head of a CBOR value
// (RFC 8949 §3): its major type and its length (or, for an integer, its value); definite lengths only.
import { gunzipSync, gzipSync } from 'node:zlib';

const SIGNATURE = 'pagefind_dcd';

/** A file's CBOR bytes and where its value starts; throws naming the file (`what` it should be) when it is not one of Pagefind's. */
export function unpackFile(file: Buffer, name: string, what: string): { bytes: Buffer; start: number } {
  const bytes = gunzipSync(file);
  if (bytes.toString('latin1', 0, SIGNATURE.length) !== SIGNATURE) throw new Error(`${name}: not ${what} (no "${SIGNATURE}")`);
  return { bytes, start: SIGNATURE.length };
}

/** A file of this CBOR, as Pagefind writes it. */
export function packFile(cbor: Buffer, level?: number): Buffer {
  return gzipSync(Buffer.concat([Buffer.from(SIGNATURE, 'latin1'), cbor]), level === undefined ? {} : { level });
}

/** A value's head at `at`: its major type, its length or value, and where its content starts. */
export function readHead(bytes: Buffer, at: number): { major: number; length: number; next: number } {
  const first = bytes[at];
  if (first === undefined) throw new Error(`ends at byte ${at} inside a value`);
  const minor = first & 31;
  if (minor < 24) return { major: first >> 5, length: minor, next: at + 1 };
  if (minor > 27) throw new Error(`byte ${at}: an indefinite or reserved length (${first})`);
  const size = 2 ** (minor - 24);
  const length = size === 8 ? Number(bytes.readBigUInt64BE(at + 1)) : bytes.readUIntBE(at + 1, size);
  return { major: first >> 5, length, next: at + 1 + size };
}

/** The head of a value: its major type and length in the fewest bytes, as Pagefind's encoder writes it. */
export function writeHead(major: number, length: number): Buffer {
  if (length < 24) return Buffer.from([(major << 5) | length]);
  if (length < 2 ** 8) return Buffer.from([(major << 5) | 24, length]);
  if (length < 2 ** 16) return Buffer.from([(major << 5) | 25, length >> 8, length & 255]);
  const out = Buffer.alloc(5);
  out[0] = (major << 5) | 26;
  out.writeUInt32BE(length, 1);
  return out;
}
