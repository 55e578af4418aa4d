// Control characters in extracted letter text part words as spaces; bidirectional formatting
// characters are dropped, so no title, heading or filter value can hold them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCatalogue } from '../../src/data/files/load-catalogue.ts';
import { convertLetter } from '../../scripts/import/import-letter.ts';
import { normalizeLines, plainName } from '../../scripts/import/normalize-text.ts';
import { UNSAFE_CHAR } from '../../src/lib/format/unsafe-text.ts';

const repo = join(import.meta.dirname, '../..');

describe('normalizeLines', () => {
  test('turns a vertical tab, NUL, escape, DEL and U+0085 between words into spaces, and ends a line at a line separator', () => {
    expect(normalizeLines('right\u000bshoulder\nleft\u0000knee\nan\u001b[2Jescape\nx\u007fy\nnext\u0085line\nup\u2028down')).toEqual([
      'right shoulder',
      'left knee',
      'an [2Jescape',
      'x y',
      'next line',
      'up',
      'down',
    ]);
  });

  test('drops bidirectional overrides and isolates', () => {
    expect(normalizeLines('dose \u202e01 gm\u202c daily \u2067x\u2069')).toEqual(['dose 01 gm daily x']);
  });

  test('keeps header columns where a control character stood, and page breaks as no break', () => {
    expect(normalizeLines('Date:\u000b   01/05/2017\nfirst half\n\fsecond half')).toEqual([
      'Date:    01/05/2017',
      'first half',
      'second half',
    ]);
  });
});

describe('an imported letter', () => {
  test('reads words a control character separates as two words, in its request, body and source name', async () => {
    const text = readFileSync(join(repo, 'test/fixtures/letters/CM16-0231706-txt/CM16-0231706.txt'), 'utf8')
      .replace('physiotherapy treatment 6 visits is: Upheld', 'physiotherapy\u000btreatment 6 visits is: Upheld')
      .replace('Manipulation is', 'Manipulation\u0085\u202eis');
    const converted = await convertLetter(
      'CM16\u001b[31m-0231706\u202e.txt',
      new TextEncoder().encode(text),
      loadCatalogue(join(repo, 'content')),
    );
    if (!converted.ok) throw new Error(converted.reason);
    expect(converted.determination.items[0]!.request).toBe('Chiropractic physiotherapy treatment 6 visits');
    expect(converted.markdown).toContain('### Item 1: Chiropractic physiotherapy treatment 6 visits\n');
    expect(converted.markdown).toContain('Manipulation is');
    expect(converted.determination.source.file).toBe('CM16 [31m-0231706.txt');
    expect(converted.markdown).not.toMatch(new RegExp(UNSAFE_CHAR.source, 'u'));
  });

  test('gives a file name as a page may show it', () => {
    expect(plainName('letter\u001b]0;x\u0007\u202e.pdf')).toBe('letter ]0;x .pdf');
  });
});
