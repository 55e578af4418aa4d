// One file per determination: found by its id in any year folder, moved when its year changes,
// and never replaced without --force when its content differs (edited by hand, or an older letter).
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { indexById, writeDetermination } from '../../scripts/import/write-output.ts';

let out: string;
const put = (path: string, text: string) => {
  mkdirSync(join(out, path, '..'), { recursive: true });
  writeFileSync(join(out, path), text);
};

beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'imr-write-'));
});

describe('writeDetermination', () => {
  test('indexes each id with every file of that name, in any folder', () => {
    put('2016/CM16-0000001.md', 'a');
    put('2017/CM16-0000001.md', 'b');
    put('2017/CM17-0000002.md', 'c');
    mkdirSync(join(out, '2017/not-a-file.md'));
    expect(indexById(out)).toEqual(
      new Map([
        ['CM16-0000001', ['2016/CM16-0000001.md', '2017/CM16-0000001.md']],
        ['CM17-0000002', ['2017/CM17-0000002.md']],
      ]),
    );
  });

  test('moves the file of a determination whose year changed when forced, leaving one file', () => {
    put('2016/CM16-0000001.md', 'decided 2016-12-30');
    const index = indexById(out);
    expect(writeDetermination(out, '2017/CM16-0000001.md', 'decided 2017-01-05', false, index)).toEqual({
      status: 'conflict',
      kept: '2016/CM16-0000001.md',
    });
    expect(existsSync(join(out, '2017/CM16-0000001.md'))).toBe(false);
    expect(writeDetermination(out, '2017/CM16-0000001.md', 'decided 2017-01-05', true, index)).toEqual({
      status: 'updated',
      moved: ['2016/CM16-0000001.md'],
    });
    expect(indexById(out)).toEqual(new Map([['CM16-0000001', ['2017/CM16-0000001.md']]]));
    expect(readFileSync(join(out, '2017/CM16-0000001.md'), 'utf8')).toBe('decided 2017-01-05');
  });

  test('moves a file with the very same content without --force: nothing is lost', () => {
    put('undated/imr-0123456789abcdef.md', 'same');
    expect(writeDetermination(out, '2014/imr-0123456789abcdef.md', 'same', false)).toEqual({
      status: 'updated',
      moved: ['undated/imr-0123456789abcdef.md'],
    });
    expect(indexById(out)).toEqual(new Map([['imr-0123456789abcdef', ['2014/imr-0123456789abcdef.md']]]));
  });

  test('removes a stray second file of the same id only when forced, even if the target is unchanged', () => {
    put('2016/CM16-0000001.md', 'x');
    put('2017/CM16-0000001.md', 'edited by hand');
    expect(writeDetermination(out, '2016/CM16-0000001.md', 'x', false)).toEqual({ status: 'conflict', kept: '2017/CM16-0000001.md' });
    expect(writeDetermination(out, '2016/CM16-0000001.md', 'x', true)).toEqual({ status: 'updated', moved: ['2017/CM16-0000001.md'] });
    expect(indexById(out).get('CM16-0000001')).toEqual(['2016/CM16-0000001.md']);
  });

  test('keeps the unchanged, conflict and update rules for a file in its own folder', () => {
    expect(writeDetermination(out, '2016/CM16-0000001.md', 'x', false)).toEqual({ status: 'imported' });
    expect(writeDetermination(out, '2016/CM16-0000001.md', 'x', false)).toEqual({ status: 'unchanged' });
    expect(writeDetermination(out, '2016/CM16-0000001.md', 'y', false)).toEqual({ status: 'conflict', kept: '2016/CM16-0000001.md' });
    expect(writeDetermination(out, '2016/CM16-0000001.md', 'y', true)).toEqual({ status: 'updated' });
  });
});
