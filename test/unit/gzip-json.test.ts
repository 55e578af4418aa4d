// The page's reader of gzipped data files: the bytes as a host serves a .gz file, or already
// unpacked by a host that sent them with Content-Encoding: gzip (the browser undoes it then).
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { readGzipJson, readGzipText } from '../../src/client/gzip-json.ts';

const value = { synonyms: [['norco', 'hydrocodone/apap']], regions: [{ slug: 'lumbar-spine', label: 'Lumbar spine' }] };
const text = JSON.stringify(value);

describe('gzipped data files in the page', () => {
  test('unpacks a file served as it is written', async () => {
    expect(await readGzipJson(new Response(gzipSync(text)))).toEqual(value);
  });

  test('reads a file the host already unpacked', async () => {
    expect(await readGzipJson(new Response(text))).toEqual(value);
  });

  test('keeps text that is not ASCII', async () => {
    const words = 'Cirugía — “lumbar”';
    expect(await readGzipText(new Response(gzipSync(words)))).toBe(words);
    expect(await readGzipText(new Response(words))).toBe(words);
  });
});
