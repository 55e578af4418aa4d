// The /imr/ build served as a real host serves it: nginx with docs/deploy.md's server lines
// (scripts/lib/security-headers.ts), a strict Content-Security-Policy on every page and
// 'wasm-unsafe-eval' only for the search page and Pagefind's files. In Chromium, every template
// loads and the search runs with no policy violation, no console error or warning, no page error.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { nginxSnippet, PAGE_POLICY, SEARCH_POLICY } from '../../scripts/lib/security-headers.ts';
import {
  HAVE_CHROMIUM,
  launchChromium,
  requireChromium,
  RUN_BROWSER_TESTS,
  warnWithoutChromium,
  watchWorkers,
  type Browser,
  type SeenWorker,
} from '../support/chromium.ts';
import { HAVE_NGINX, requireNginx, RUN_NGINX_TESTS, startNginx, warnWithoutNginx, type Nginx } from '../support/nginx.ts';
import { PAGED_TEMPLATE_PAGES, TEMPLATE_PAGES } from '../support/page-templates.ts';

warnWithoutChromium('the served-with-nginx tests');
warnWithoutNginx('the served-with-nginx tests');
const { sub } = inject('sites');
let nginx: Nginx;
let browser: Browser;

/** Under CI=true a missing tool fails each test here (so CI counts them) rather than the setup. */
function requireTools(): void {
  requireNginx();
  requireChromium();
}

/** A tab on the nginx-served site that records every complaint the browser makes, and the workers it starts. */
async function open(path: string): Promise<{ page: Page; complaints: string[]; workers: SeenWorker[] }> {
  requireTools();
  const page = await browser.context.newPage();
  const complaints: string[] = [];
  const workers = watchWorkers(page);
  page.on('pageerror', (e) => complaints.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') complaints.push(`console ${m.type()}: ${m.text()}`);
  });
  // Violations also reach the page as events (scripts added through the DevTools protocol run
  // whatever the policy says).
  await page.exposeFunction('reportViolation', (text: string) => complaints.push(`securitypolicyviolation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportViolation(text: string): void }).reportViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`,
      );
    });
  });
  await page.goto(new URL(path, nginx.url).href);
  return { page, complaints, workers };
}

const resultPaths = (page: Page) =>
  page.locator('#results > li > h3 > a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

describe.skipIf(!RUN_BROWSER_TESTS || !RUN_NGINX_TESTS)('the /imr/ build served by nginx with a strict Content-Security-Policy', () => {
  beforeAll(async () => {
    if (!HAVE_NGINX || !HAVE_CHROMIUM) return; // each test fails on its own (see requireTools)
    nginx = await startNginx({ siteDir: sub.dir, base: '/imr/', serverLines: (root) => nginxSnippet('/imr/', root) });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await nginx?.stop();
  });

  test('sends the page policy on pages and the 404, and the WebAssembly allowance only to the search page and Pagefind', async () => {
    requireTools();
    const csp = async (path: string) => {
      const response = await fetch(new URL(path, nginx.url));
      return { status: response.status, policy: response.headers.get('content-security-policy') };
    };
    expect(await csp('')).toEqual({ status: 200, policy: PAGE_POLICY });
    expect(await csp('guidelines/mtus-chronic-pain-2009/')).toEqual({ status: 200, policy: PAGE_POLICY });
    expect(await csp('no-such-page/')).toEqual({ status: 404, policy: PAGE_POLICY });
    expect(await csp('search/')).toEqual({ status: 200, policy: SEARCH_POLICY });
    expect(await csp('pagefind/shards.json.gz')).toEqual({ status: 200, policy: SEARCH_POLICY });
    expect(PAGE_POLICY).not.toContain('wasm-unsafe-eval');
    expect(`${PAGE_POLICY} ${SEARCH_POLICY}`).not.toContain('unsafe-inline');
  });

  test.each([...TEMPLATE_PAGES, ...PAGED_TEMPLATE_PAGES])(
    'shows the $template page with no violation or console complaint',
    async ({ path }) => {
      const { page, complaints } = await open(path);
      if (path.startsWith('search/')) await expect.poll(() => resultPaths(page).then((r) => r.length)).toBeGreaterThan(0);
      else await page.waitForLoadState('load');
      await page.close();
      expect(complaints).toEqual([]);
      expect(nginx.errorLog()).not.toMatch(/\[(error|crit|alert|emerg)\]/);
    },
  );

  test('runs a search typed in the browser, with a filter, under the policy, its facet tables read in its worker', async () => {
    const { page, complaints, workers } = await open('search/');
    await expect.poll(() => resultPaths(page).then((r) => r.length)).toBe(10);
    await page.locator('#q').pressSequentially('Zynex', { delay: 20 });
    await expect.poll(() => resultPaths(page)).toEqual(['/imr/determinations/CM14-0123456/']);
    await page.locator('input[data-filter="outcome"][value="upheld"]').check();
    await expect.poll(() => new URL(page.url()).search).toBe('?q=Zynex&outcome=upheld');
    await expect.poll(() => resultPaths(page)).toEqual(['/imr/determinations/CM14-0123456/']);
    // Served from _astro/ with the pages' policy, which allows it no fetch: it needs none. Still
    // running: the page stops it when it fails (facet-reader.ts).
    expect(workers.filter((w) => /^\/imr\/_astro\/facet-worker[^/]*\.js$/.test(new URL(w.url).pathname)).map((w) => w.closed)).toEqual([
      false,
    ]);
    await page.close();
    expect(complaints).toEqual([]);
  });
});
