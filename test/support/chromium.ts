// Debian's chromium for the browser tests, through playwright-core (no browser is ever
// downloaded), with the flags of scripts/lib/chromium-flags.ts (the bench uses them too). Without chromium a test file
// skips with a message, except under CI=true, where its tests fail.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/lib/chromium-flags.ts';

export { CHROMIUM };
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
export const IN_CI = process.env.CI === 'true';
/** True when a browser test file should run (chromium present, or CI, where a missing one fails). */
export const RUN_BROWSER_TESTS = HAVE_CHROMIUM || IN_CI;

export function warnWithoutChromium(what: string): void {
  if (!RUN_BROWSER_TESTS) console.warn(`Skipping ${what}: no chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH).`);
}

export function requireChromium(): void {
  if (!HAVE_CHROMIUM) throw new Error(`CI=true but no chromium at ${CHROMIUM}: .ci/run installs it with apt-get install -y chromium`);
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A worker a page started, and whether it has stopped since. */
export interface SeenWorker {
  url: string;
  closed: boolean;
}

/** The workers `page` starts from now on, each marked closed when it stops (the page stops the facet worker when it fails). */
export function watchWorkers(page: Page): SeenWorker[] {
  const seen: SeenWorker[] = [];
  page.on('worker', (w) => {
    const worker = { url: w.url(), closed: false };
    seen.push(worker);
    w.on('close', () => (worker.closed = true));
  });
  return seen;
}

/** A headless chromium with a throwaway profile. */
export async function launchChromium(): Promise<Browser> {
  requireChromium();
  const profile = mkdtempSync(join(tmpdir(), 'imr-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
