// Debian's chromium for the browser tests, through playwright-core (no browser is ever
// downloaded), with the flags the project uses everywhere (scripts/dev/bench/measure-queries.ts has its own copy: dev tools do not import tests). Without chromium a test file
// skips with a message, except under CI=true, where its tests fail.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
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

/** A headless chromium with a throwaway profile. */
export async function launchChromium(): Promise<Browser> {
  requireChromium();
  const profile = mkdtempSync(join(tmpdir(), 'imr-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
