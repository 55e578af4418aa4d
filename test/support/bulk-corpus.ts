// A corpus large enough to paginate: the fixture corpus plus `count` copies of the MRI sample
// letter under new case numbers and dates, so the determinations list, the MRI type and the
// Special Studies sections all run past one page of 50. The last two copies lack headings.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Generated letters in the sub-path build: 5 fixture + 110 = 115 determinations, 3 list pages. */
export const BULK_COUNT = 110;

export function writeBulkCorpus(fixture: string, target: string, count: number): void {
  cpSync(fixture, target, { recursive: true });
  const sample = readFileSync(join(fixture, 'determinations/2016/CM16-0213037.md'), 'utf8');
  mkdirSync(join(target, 'determinations/2018'), { recursive: true });
  for (let i = 1; i <= count; i++) {
    const id = `CM18-${String(i).padStart(7, '0')}`;
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    const text = sample.replaceAll('CM16-0213037', id).replace(/decided: .*/, `decided: 2018-${month}-${day}`);
    // The last two are in layouts the page does not know: one without "Item N:" headings, one
    // without any heading.
    const body = i === count - 1 ? text.replace(/^### Item \d+: .*$/gm, '') : i === count ? text.replace(/^#{2,3} .*$/gm, '') : text;
    writeFileSync(join(target, `determinations/2018/${id}.md`), body);
  }
}
