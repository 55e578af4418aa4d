// The one reading of a letter file's bytes that `check` and the build share: strict UTF-8, a
// leading byte-order mark dropped, and bytes that are not UTF-8 named by line.
import { describe, expect, test } from 'vitest';
import { decodeLetter } from '../../src/data/files/letter-text.ts';

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
const LETTER = '---\nid: CM16-0213037\nitems:\n  - request: MRI of the shoulder\n---\n\n## How the IMR final determination was made\n';

describe('decodeLetter', () => {
  test('reads UTF-8 as it is, other scripts and a byte-order mark inside the text included', () => {
    const text = `${LETTER}Naïve — “quoted” 日本 \u{1F600} a\uFEFFb\n`;
    expect(decodeLetter(bytes(text))).toBe(text);
  });

  test('drops the byte-order mark a Windows editor puts at the start of the file', () => {
    expect(decodeLetter(bytes([0xef, 0xbb, 0xbf], LETTER))).toBe(LETTER);
  });

  test('refuses bytes that are not UTF-8 in the body, naming the line and showing them', () => {
    expect(() => decodeLetter(bytes(LETTER, '\n', 'bad ', [0xff, 0xfe], ' bytes ', [0xc3, 0x28], ' here.\n'))).toThrow(
      '(file): line 9 is not UTF-8 text: "bad \\xff\\xfe bytes \\xc3( here." (save the file as UTF-8)',
    );
  });

  test('refuses bytes that are not UTF-8 in a frontmatter value', () => {
    const text = bytes(LETTER.replace('MRI of the shoulder', '@').split('@')[0]!, 'MRI ', [0xff, 0xfe], ' shoulder\n---\n');
    expect(() => decodeLetter(text)).toThrow(
      '(file): line 4 is not UTF-8 text: "- request: MRI \\xff\\xfe shoulder" (save the file as UTF-8)',
    );
  });

  test('names every line that holds such bytes, shows the first around its bad byte, and reads Windows-1252 as what it is', () => {
    const cp1252 = (s: string) => Buffer.from(s, 'latin1'); // é is 0xE9 there
    const long = `${'The patient reports pain. '.repeat(10)}Caf`;
    const text = Buffer.concat([bytes(LETTER), cp1252(`${long}é and more words after it, many more.\r\n`), cp1252('Résumé\n')]);
    expect(() => decodeLetter(text)).toThrow(
      '(file): lines 8, 9 are not UTF-8 text: "…The patient reports pain. Caf\\xe9 and more words after it, man…" (save the file as UTF-8)',
    );
  });

  test('refuses a cut multi-byte character at the end of the file and a lone continuation byte', () => {
    expect(() => decodeLetter(bytes(LETTER, 'caf', [0xc3]))).toThrow('line 8 is not UTF-8 text: "caf\\xc3"');
    expect(() => decodeLetter(bytes([0x80], LETTER))).toThrow('line 1 is not UTF-8 text: "\\x80---"');
  });

  test('counts the lines past the first five', () => {
    const text = bytes(...Array.from({ length: 8 }, () => [0x41, 0xff, 0x0a]));
    expect(() => decodeLetter(text)).toThrow('(file): lines 1, 2, 3, 4, 5 and 3 more are not UTF-8 text: "A\\xff"');
  });
});
