// The search page driven in a real browser (Debian's chromium through playwright-core; no browser
// is ever downloaded): type, filter, reload, follow a result. Without chromium the tests are
// skipped with a message, except under CI=true, where they fail.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { startStaticServer, type StaticServer } from '../../scripts/serve.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const IN_CI = process.env.CI === 'true';
if (!HAVE_CHROMIUM && !IN_CI) {
  console.warn(`Skipping the browser tests: no chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH).`);
}

const { root, sub } = inject('sites');
let context: BrowserContext;
let profile: string;
const servers: StaticServer[] = [];
const errors: string[] = [];

async function open(site: typeof root, path: string): Promise<Page> {
  if (!HAVE_CHROMIUM) throw new Error(`CI=true but no chromium at ${CHROMIUM}: .ci/run installs it with apt-get install -y chromium`);
  const server = await startStaticServer({ root: site.dir, base: site.base });
  servers.push(server);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(new URL(path, server.url).href);
  return page;
}

/** The result links shown, as paths. */
const resultPaths = (page: Page) => page.locator('#results > li > h3 > a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

describe.skipIf(!HAVE_CHROMIUM && !IN_CI)('search page in a browser', () => {
  beforeAll(async () => {
    if (!HAVE_CHROMIUM) return; // each test fails on its own (see open), so CI counts them failed
    profile = mkdtempSync(join(tmpdir(), 'imr-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });

  afterAll(async () => {
    await context?.close();
    for (const s of servers) await s.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  test('finds the 2014 Zynex letter, filters it by outcome, keeps the search across a reload, and opens it', async () => {
    const page = await open(root, 'search/');
    // With no words the page lists every determination, newest first.
    await expect.poll(() => resultPaths(page)).toHaveLength(5);

    await page.locator('#q').pressSequentially('Zynex', { delay: 20 });
    await expect.poll(() => resultPaths(page)).toEqual(['/determinations/CM14-0123456/']);
    await expect.poll(() => new URL(page.url()).search).toBe('?q=Zynex');
    await expect(page.locator('#search-status').textContent()).resolves.toBe('1 determination matches “Zynex”.');
    await expect(page.locator('#results .subresults a').first().textContent()).resolves.toBe('Item 1: Zynex EMS unit (home use)/purchase for lumbar spine');

    // The outcome filter: counts within this search, then applied.
    const upheld = page.locator('input[data-filter="outcome"][value="upheld"]');
    const overturned = page.locator('input[data-filter="outcome"][value="overturned"]');
    await expect.poll(() => upheld.locator('xpath=..').locator('.count').textContent()).toBe('1');
    await expect(overturned.isDisabled()).resolves.toBe(true);
    await upheld.check();
    await expect.poll(() => new URL(page.url()).search).toBe('?q=Zynex&outcome=upheld');
    await expect.poll(() => resultPaths(page)).toEqual(['/determinations/CM14-0123456/']);

    // Reloading the URL gives the same search.
    await page.reload();
    await expect.poll(() => resultPaths(page)).toEqual(['/determinations/CM14-0123456/']);
    await expect(page.locator('#q').inputValue()).resolves.toBe('Zynex');
    await expect(upheld.isChecked()).resolves.toBe(true);
    await expect(page.locator('.badge-upheld', { hasText: 'Upheld' }).first().isVisible()).resolves.toBe(true);

    // Following the item sub-result lands on the item.
    await page.locator('#results .subresults a').first().click();
    await page.waitForURL('**/determinations/CM14-0123456/#item-1');
    await expect(page.locator('h3#item-1').textContent()).resolves.toBe('Item 1: Zynex EMS unit (home use)/purchase for lumbar spine');
    await expect(page.locator('h1').textContent()).resolves.toBe('Case CM14-0123456');
    expect(errors).toEqual([]);
  });

  test('opens a shared URL with its filters; the back button and the filter chips undo filters', async () => {
    const page = await open(root, 'search/?treatment=tens-ems-unit&sort=oldest');
    await expect.poll(() => resultPaths(page)).toEqual(['/determinations/CM14-0123456/', '/determinations/CM17-0012345/']);
    await expect(page.locator('#sort').inputValue()).resolves.toBe('oldest');
    await page.locator('input[data-filter="year"][value="2017"]').check();
    await expect.poll(() => resultPaths(page)).toEqual(['/determinations/CM17-0012345/']);
    await page.goBack();
    await expect.poll(() => resultPaths(page)).toHaveLength(2);
    await expect(page.locator('input[data-filter="year"][value="2017"]').isChecked()).resolves.toBe(false);
    // The filters in use show as chips; removing one widens the search.
    await page.getByRole('button', { name: 'Remove filter Treatment type: TENS / EMS units' }).click();
    await expect.poll(() => resultPaths(page)).toHaveLength(5);
    await expect.poll(() => new URL(page.url()).search).toBe('?sort=oldest');
    await expect(page.locator('#search-status').textContent()).resolves.toBe('5 determinations, oldest first.');
    expect(errors).toEqual([]);
  });

  test('fetches the first ten results with the search and the rest of the page as it scrolls into view', async () => {
    const page = await open(sub, 'search/');
    await expect.poll(() => resultPaths(page)).toHaveLength(10);
    await expect(page.locator('#results > li.result-pending').count()).resolves.toBe(40);
    await page.locator('#results > li').last().scrollIntoViewIfNeeded();
    await expect.poll(() => resultPaths(page)).toHaveLength(50);
    await expect(page.locator('#search-status').textContent()).resolves.toBe('115 determinations, newest first. Showing 1–50.');
    expect(errors).toEqual([]);
  });

  test('works under a sub-path: the index loads and results link under the base', async () => {
    const page = await open(sub, 'search/?q=zynex');
    await expect.poll(() => resultPaths(page)).toEqual(['/imr/determinations/CM14-0123456/']);
    expect(errors).toEqual([]);
  });
});
