// Every internal href/src/action of both fixture builds resolves to a file of that build, and
// every #fragment to an id on the target page (scripts/dev/link-check.ts).
import { describe, expect, inject, test } from 'vitest';
import { checkFeedLinks, checkLinks } from '../../scripts/dev/link-check.ts';

const { root, sub } = inject('sites');

describe('link check', () => {
  test('a root build has no broken internal link', async () => {
    const report = await checkLinks(root.dir, '/');
    expect(report.broken).toEqual([]);
    expect(report.pages).toBeGreaterThan(30);
    expect(report.links).toBeGreaterThan(400);
  });

  test('a build under /imr/ has no broken internal link when served under /imr/', async () => {
    const report = await checkLinks(sub.dir, '/imr/');
    expect(report.broken).toEqual([]);
    expect(report.pages).toBeGreaterThan(150);
  });

  test('a build for one base is broken under another, so the check can tell', async () => {
    const report = await checkLinks(root.dir, '/imr/');
    expect(report.broken.length).toBeGreaterThan(0);
    expect(report.broken[0]?.reason).toBe('outside the base /imr/');
  });

  test('every URL of the feeds, sitemaps and robots.txt of both builds leads to a file of that build', async () => {
    const rootReport = await checkFeedLinks(root.dir, '/', root.origin);
    expect(rootReport.broken).toEqual([]);
    expect(rootReport.links).toBeGreaterThan(50);
    const subReport = await checkFeedLinks(sub.dir, '/imr/', sub.origin);
    expect(subReport.broken).toEqual([]);
    // A build for one origin is broken under another.
    expect((await checkFeedLinks(sub.dir, '/imr/', root.origin)).broken[0]?.reason).toBe(
      `not on the site's origin ${root.origin} (SITE_URL as for the build)`,
    );
  });
});
