// The re-import's memory of skips (scripts/import/known-skips.ts): a skip is known when the last
// report holds the same bytes skipped for the same reason, whatever the file is called now.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readLastReport, skipKey } from '../../scripts/import/known-skips.ts';

const work = mkdtempSync(join(tmpdir(), 'imr-known-skips-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const skip = (file: string, reason: string, sha256?: string) => ({ file, status: 'skipped', reason, ...(sha256 ? { sha256 } : {}) });

describe('known skips', () => {
  test('knows a skip by its bytes and reason, not its name; by its path only when it could not be read', () => {
    const report = join(work, 'report.json');
    writeFileSync(
      report,
      JSON.stringify({
        files: [
          skip('in/a.txt', 'truncated letter: no "IMR ISSUES, DECISIONS AND RATIONALES" section', 'aa'),
          skip('in/gone.pdf', 'no such file or folder'),
          { file: 'in/b.pdf', status: 'imported', sha256: 'bb' },
        ],
      }),
    );
    const last = readLastReport(report);
    if (!last.found) throw new Error('expected the report');
    const known = (entry: Parameters<typeof skipKey>[0]) => last.known.has(skipKey(entry));
    expect(known(skip('renamed/a.txt', 'truncated letter: no "IMR ISSUES, DECISIONS AND RATIONALES" section', 'aa'))).toBe(true);
    expect(known(skip('in/a.txt', 'truncated letter: no "IMR ISSUES, DECISIONS AND RATIONALES" section', 'a2'))).toBe(false);
    expect(known(skip('in/a.txt', 'truncated letter: the rationale of item 2 ends mid-sentence', 'aa'))).toBe(false);
    expect(known(skip('in/gone.pdf', 'no such file or folder'))).toBe(true);
    expect(known(skip('in/other.pdf', 'no such file or folder'))).toBe(false);
    // An import is not a skip: the same bytes failing later are new.
    expect(known(skip('in/b.pdf', 'cannot write the output: ENOSPC', 'bb'))).toBe(false);
  });

  test('has no report before the first run, and names a file that is not a report', () => {
    expect(readLastReport(join(work, 'none.json'))).toEqual({ found: false });
    const notes = join(work, 'notes.json');
    writeFileSync(notes, 'not json');
    expect(() => readLastReport(notes)).toThrow(
      `${notes} is not an import report (no "files" list): name another file with --report, or delete it`,
    );
  });
});
