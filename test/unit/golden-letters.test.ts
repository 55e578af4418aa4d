// Golden files: each folder of test/fixtures/letters holds one letter (real PDF or text, or a
// synthetic fixture of a layout with no real sample) and expected.md, the file the importer must
// write for it. A missing expected.md is written for review locally, and fails in CI.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCatalogue } from '../../src/data/files/load-catalogue.ts';
import { convertLetter } from '../../scripts/import/import-letter.ts';

const root = join(import.meta.dirname, '../fixtures/letters');
const catalogue = loadCatalogue(join(import.meta.dirname, '../../content'));
const cases = readdirSync(root, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe('golden letters', () => {
  test('covers at least 20 real letters, PDF and text, the 2014 fragment and every synthetic layout', () => {
    const real = cases.filter((c) => /^CM\d{2}-\d{7}-(pdf|txt)$/.test(c));
    expect(real.length).toBeGreaterThanOrEqual(20);
    expect(real.some((c) => c.endsWith('-pdf'))).toBe(true);
    expect(real.some((c) => c.endsWith('-txt'))).toBe(true);
    expect(cases).toEqual(
      expect.arrayContaining([
        '2014-fragment',
        'synthetic-maximus-header',
        'synthetic-notice-2013',
        'synthetic-medical-professional-review',
      ]),
    );
  });

  test.each(cases)('imports %s exactly as its expected.md, without a warning', async (name) => {
    const folder = join(root, name);
    const input = readdirSync(folder).find((f) => /\.(pdf|txt)$/.test(f));
    if (!input) throw new Error(`${folder}: no .pdf or .txt letter in the fixture folder`);
    const result = await convertLetter(join(folder, input), readFileSync(join(folder, input)), catalogue);
    if (!result.ok) throw new Error(`${name}: skipped: ${result.reason}`);
    // A whole, correct letter: no item repeats another or contradicts its rationale, no header value is unreadable.
    expect(result.warnings, name).toEqual([]);
    const goldenPath = join(folder, 'expected.md');
    if (!existsSync(goldenPath)) {
      if (process.env.CI) throw new Error(`${goldenPath} is missing: run the tests locally, review the written file and commit it`);
      writeFileSync(goldenPath, result.markdown);
      throw new Error(`${goldenPath} was missing and has been written: review it, then run again`);
    }
    expect(result.markdown).toBe(readFileSync(goldenPath, 'utf8'));
  });

  test('marks the hand-written layouts as synthetic and no real letter as synthetic', async () => {
    for (const name of cases) {
      const golden = readFileSync(join(root, name, 'expected.md'), 'utf8');
      expect(golden.includes('synthetic: true'), name).toBe(name.startsWith('synthetic-'));
    }
  });
});
