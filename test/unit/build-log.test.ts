import { describe, expect, test } from 'vitest';
import { foldPageLines } from '../../src/integrations/build-log.mjs';

type Event = { level: string; label: string | null; message: string; newLine: boolean };

/** Astro's line for a file it writes, "  ├─ /path" in its colours (no newline: its time follows). */
const fileLine = (path: string): Event => ({
  level: 'info',
  label: null,
  message: `  \u001b[34m├─\u001b[39m \u001b[2m${path}\u001b[22m`,
  newLine: false,
});

/** Astro's events for pages written concurrently: each path, then later its time or "(cached)". */
function pageEvents(rendered: number, kept: number): Event[] {
  const line = (n: number): Event => fileLine(`/determinations/CM-${n}/index.html`);
  const events: Event[] = [];
  for (let n = 0; n < kept; n++)
    events.push(line(n), { level: 'info', label: 'SKIP_FORMAT', message: ` \u001b[32m(cached)\u001b[39m`, newLine: true });
  for (let n = 0; n < rendered; n++) events.push(line(kept + n));
  for (let n = 0; n < rendered; n++)
    events.push({ level: 'info', label: 'SKIP_FORMAT', message: ` \u001b[2m(+${n + 3}ms)\u001b[22m `, newLine: true });
  return events;
}

describe('the build log', () => {
  test('turns the line per page into one summary and passes everything else through', () => {
    const out: Event[] = [];
    const log = foldPageLines({ write: (e: Event) => out.push(e) }, () => 0);
    const error: Event = { level: 'error', label: 'build', message: 'Caught error rendering /x/: Error: boom', newLine: true };
    log.write({ level: 'info', label: 'build', message: 'Building static entrypoints...', newLine: true });
    for (const e of [...pageEvents(3, 5), error]) log.write(e);
    log.write({ level: 'info', label: null, message: '\u001b[32m✓ Completed in 1.02s.\n\u001b[39m', newLine: true });
    expect(out.map((e) => e.message)).toEqual([
      'Building static entrypoints...',
      error.message,
      '8 files: 8 pages, 0 feeds and 0 data files; 3 rendered, 5 kept from the last build',
      '\u001b[32m✓ Completed in 1.02s.\n\u001b[39m',
    ]);
  });

  test('says what its one count counts, pages, feeds and data files, and leaves Astro’s count of pages out of its closing line', () => {
    const out: string[] = [];
    const log = foldPageLines({ write: (e: Event) => out.push(e.message) }, () => 0);
    const time: Event = { level: 'info', label: 'SKIP_FORMAT', message: ' \u001b[2m(+3ms)\u001b[22m ', newLine: true };
    for (const path of ['/404.html', '/index.html', '/feed.xml', '/treatments/mri/feed.xml', '/robots.txt', '/d/CM-1/search.json']) {
      log.write(fileLine(path));
      log.write(time);
    }
    for (const e of pageEvents(0, 3)) log.write(e);
    log.write({ level: 'info', label: null, message: '✓ Completed in 1.02s.', newLine: true });
    log.write({ level: 'info', label: 'build', message: '5 page(s) built in \u001b[1m2.31s\u001b[22m', newLine: true });
    log.write({ level: 'info', label: 'build', message: 'Complete!', newLine: true });
    expect(out).toEqual([
      '9 files: 5 pages, 2 feeds and 2 data files; 6 rendered, 3 kept from the last build',
      '✓ Completed in 1.02s.',
      'built in 2.31s',
      'Complete!',
    ]);
    // Were Astro's count ever another, both would show.
    const other: string[] = [];
    const again = foldPageLines({ write: (e: Event) => other.push(e.message) }, () => 0);
    for (const e of pageEvents(2, 0)) again.write(e);
    again.write({ level: 'info', label: null, message: '✓ Completed in 1.02s.', newLine: true });
    again.write({ level: 'info', label: 'build', message: '3 page(s) built in 2.31s', newLine: true });
    expect(other.at(-1)).toBe('3 page(s) built in 2.31s');
  });

  test('prints progress every five seconds while files are written', () => {
    const out: string[] = [];
    let clock = 0;
    const log = foldPageLines({ write: (e: Event) => out.push(e.message) }, () => clock);
    for (const e of pageEvents(0, 30)) {
      log.write(e);
      if (e.label === 'SKIP_FORMAT') clock += 1000;
    }
    expect(out).toEqual([
      '6 files so far, 5 kept from the last build',
      '11 files so far, 10 kept from the last build',
      '16 files so far, 15 kept from the last build',
      '21 files so far, 20 kept from the last build',
      '26 files so far, 25 kept from the last build',
    ]);
  });
});
