// The one way a letter file's bytes become text, for `npm run check` and the build's workers, so
// that both read the same: strict UTF-8 (a byte that is not is an error naming its line, where
// 'utf8' made it a "�" that check passed), and a leading byte-order mark dropped (the page showed
// the YAML as text under a rule when the body kept it). Erasable TypeScript only: the build's
// workers run it as it stands.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

/** Why a letter file's bytes are not its text, worded for `path → (file): message`. */
export class LetterTextError extends Error {}

/** Lines named in the message; the rest are counted. */
const LINES_NAMED = 5;
/** Characters of the first bad line shown either side of its first bad byte. */
const AROUND = 30;

/** The text of a letter file's bytes, without a leading byte-order mark; throws a LetterTextError when they are not UTF-8. */
export function decodeLetter(bytes: Uint8Array): string {
  try {
    // fatal: refuse instead of replacing; the default ignoreBOM: false drops a leading BOM.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new LetterTextError(notUtf8(bytes));
  }
}

export async function readLetterText(path: string): Promise<string> {
  return decodeLetter(await readFile(path));
}

export function readLetterTextSync(path: string): string {
  return decodeLetter(readFileSync(path));
}

/** "(file): line 23 is not UTF-8 text: "request: MRI \xff\xfe shoulder" (...)": every bad line, the first one shown. */
function notUtf8(bytes: Uint8Array): string {
  const bad: Array<{ line: number; bytes: Uint8Array }> = [];
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    // A line feed is never part of a longer UTF-8 sequence, so lines can be tried one by one.
    const end = bytes.indexOf(0x0a, start);
    const text = bytes.subarray(start, end === -1 ? bytes.length : end);
    if (!isUtf8(text)) bad.push({ line, bytes: text });
    if (end === -1) break;
    start = end + 1;
  }
  const named = bad.slice(0, LINES_NAMED).map((b) => b.line);
  const more = bad.length > LINES_NAMED ? ` and ${bad.length - LINES_NAMED} more` : '';
  const lines = `line${bad.length > 1 ? 's' : ''} ${named.join(', ')}${more}`;
  return `(file): ${lines} ${bad.length > 1 ? 'are' : 'is'} not UTF-8 text: "${showBytes(bad[0]!.bytes)}" (save the file as UTF-8)`;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A line around its first bad byte, with bytes that are not UTF-8 written as \xNN. */
function showBytes(line: Uint8Array): string {
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const shown: string[] = [];
  let firstBad = -1;
  let i = 0;
  while (i < line.length && (firstBad < 0 || shown.length < firstBad + AROUND)) {
    const length = charLength(strict, line, i);
    if (length === 0 && firstBad < 0) firstBad = shown.length;
    shown.push(length === 0 ? `\\x${line[i]!.toString(16).padStart(2, '0')}` : strict.decode(line.subarray(i, i + length)));
    i += Math.max(length, 1);
  }
  const from = Math.max(0, firstBad - AROUND);
  return `${from > 0 ? '…' : ''}${shown.slice(from).join('').trim()}${i < line.length ? '…' : ''}`;
}

/** Bytes of the character at `i`: the shortest run of 1 to 4 that decodes; 0 when none does (a bad byte). */
function charLength(strict: TextDecoder, line: Uint8Array, i: number): number {
  if (line[i]! < 0x80) return 1;
  for (let k = 2; k <= 4 && i + k <= line.length; k++) {
    try {
      strict.decode(line.subarray(i, i + k));
      return k;
    } catch {
      // not yet a whole character
    }
  }
  return 0;
}
