import { describe, expect, test } from 'vitest';
import { foldPageLines } from '../../src/integrations/build-log.mjs';

type Event = { level: string; label: string | null; message: string; newLine: boolean };

/** Astro's events for pages written concurrently: each path, then later its time or "(cached)". */
function pageEvents(rendered: number, kept: number): Event[] {
  const line = (n: number): Event => ({
    level: 'info',
    label: null,
    message: `  \u001b[34m├─\u001b[39m \u001b[2m/determinations/CM-${n}/index.html\u001b[22m`,
    newLine: false,
  });
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
      '8 pages: 3 rendered, 5 kept from the last build',
      '\u001b[32m✓ Completed in 1.02s.\n\u001b[39m',
    ]);
  });

  test('prints progress every five seconds while pages are written', () => {
    const out: string[] = [];
    let clock = 0;
    const log = foldPageLines({ write: (e: Event) => out.push(e.message) }, () => clock);
    for (const e of pageEvents(0, 30)) {
      log.write(e);
      if (e.label === 'SKIP_FORMAT') clock += 1000;
    }
    expect(out).toEqual([
      '6 pages so far, 5 kept from the last build',
      '11 pages so far, 10 kept from the last build',
      '16 pages so far, 15 kept from the last build',
      '21 pages so far, 20 kept from the last build',
      '26 pages so far, 25 kept from the last build',
    ]);
  });
});
