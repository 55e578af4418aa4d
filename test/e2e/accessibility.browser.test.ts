// axe-core (WCAG 2 A/AA and best practices) in Chromium on one page of every template of both
// fixture builds, the search page with a query and a filter among them: no violation.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { startStaticServer, type StaticServer } from '../../scripts/dev/serve.ts';
import {
  HAVE_CHROMIUM,
  launchChromium,
  requireChromium,
  RUN_BROWSER_TESTS,
  warnWithoutChromium,
  type Browser,
} from '../support/chromium.ts';
import { PAGED_TEMPLATE_PAGES, TEMPLATE_PAGES, type TemplatePage } from '../support/page-templates.ts';
import type { SiteBuild } from '../support/build-site.ts';

warnWithoutChromium('the accessibility tests');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const { root, sub } = inject('sites');
let browser: Browser;
const servers = new Map<SiteBuild, StaticServer>();

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** The page once its content is drawn: on the search page, after the results came in. */
async function openPage(site: SiteBuild, path: string): Promise<Page> {
  requireChromium();
  let server = servers.get(site);
  if (!server) {
    server = await startStaticServer({ root: site.dir, base: site.base });
    servers.set(site, server);
  }
  const page = await browser.context.newPage();
  await page.goto(new URL(path, server.url).href);
  if (path.startsWith('search/')) {
    await expect.poll(() => page.locator('#results > li:not(.result-pending)').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('#results .subresult-other').count()).toBeGreaterThan(0);
  }
  return page;
}

/** axe's violations on the page, one line each: "rule (impact): help — targets". */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so it runs under any Content-Security-Policy.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(options: object): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run({ resultTypes: ['violations'] })).violations;
  });
  return (violations as Violation[]).map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function check(site: SiteBuild, { template, path }: TemplatePage): Promise<void> {
  const page = await openPage(site, path);
  try {
    expect(await axeViolations(page), `${template} (${site.base}${path})`).toEqual([]);
  } finally {
    await page.close();
  }
}

describe.skipIf(!RUN_BROWSER_TESTS)('accessibility (axe-core in Chromium)', () => {
  beforeAll(async () => {
    if (!HAVE_CHROMIUM) return; // each test fails on its own (see openPage), so CI counts them failed
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    for (const s of servers.values()) await s.close();
  });

  test.each(TEMPLATE_PAGES)('finds no violation on the $template page', async (page) => {
    await check(root, page);
  });

  test.each(PAGED_TEMPLATE_PAGES)('finds no violation on the $template of the /imr/ build', async (page) => {
    await check(sub, page);
  });

  test('still reports a link that lacks contrast, so a clean run means something', async () => {
    requireChromium();
    const page = await browser.context.newPage();
    await page.setContent(
      '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main><p style="opacity:0.5"><a href="#x">faint link</a></p></main></body></html>',
    );
    expect((await axeViolations(page)).join('\n')).toMatch(/^color-contrast \(serious\)/m);
    await page.close();
  });
});
