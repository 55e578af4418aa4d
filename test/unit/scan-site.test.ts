// The search index's site scan: which pages carry data-pagefind-body, with their dates and hashes.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { scanSite } from '../../scripts/search-index/scan-site.ts';

const root = mkdtempSync(join(tmpdir(), 'imr-scan-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function page(file: string, html: string): void {
  mkdirSync(join(root, file, '..'), { recursive: true });
  writeFileSync(join(root, file), html);
}

describe('scanSite', () => {
  test('finds the determination pages by their article, other pages by a real attribute only', async () => {
    // As the determination page writes it (the quick test) and in another attribute order (the tag test).
    page(
      'determinations/CM17-0000001/index.html',
      '<html><body><article class="determination" data-pagefind-body data-pagefind-sort="decided:2017-02-03">x</article></body></html>',
    );
    page(
      'determinations/CM17-0000002/index.html',
      '<html><body><article data-pagefind-sort="decided:2017-02-04" data-pagefind-body class="determination">y</article></body></html>',
    );
    // The name as text and inside a value is no body; the same opening on another page is one, refused later.
    page(
      'guidelines/index.html',
      '<html><head><meta name="q" content="data-pagefind-body"></head><body><td>data-pagefind-body</td></body></html>',
    );
    page('treatments/index.html', '<html><body><article class="determination" data-pagefind-body>z</article></body></html>');
    page('outcomes/index.html', '<html><body>no body</body></html>');

    const scan = await scanSite(root);
    expect(scan.pages.map((p) => [p.file, p.decided]).sort()).toEqual([
      ['determinations/CM17-0000001/index.html', '2017-02-03'],
      ['determinations/CM17-0000002/index.html', '2017-02-04'],
    ]);
    expect(scan.pages.every((p) => /^[0-9a-f]{64}$/.test(p.sha256))).toBe(true);
    expect(scan.outside).toEqual(['treatments/index.html']);
    expect([scan.htmlFiles, scan.read]).toEqual([5, 5]);
  });

  test('takes the letter pages the search data names without listing their folders, and lists every other folder', async () => {
    const site = mkdtempSync(join(tmpdir(), 'imr-scan-named-'));
    const at = (file: string, html: string) => {
      mkdirSync(join(site, file, '..'), { recursive: true });
      writeFileSync(join(site, file), html);
    };
    const body = (day: string) => `<article class="determination" data-pagefind-body data-pagefind-sort="decided:${day}">x</article>`;
    try {
      at('determinations/CM17-0000001/index.html', body('2017-02-03'));
      // A named letter's folder is not listed: the build writes nothing else there, so this is not seen.
      at('determinations/CM17-0000001/extra.html', body('2017-02-03'));
      // Not named: listed, so its page is found; so is a body in a folder beneath a list page.
      at('determinations/CM17-0000002/index.html', body('2017-02-04'));
      at('determinations/2/index.html', '<p>page 2</p>');
      at('determinations/2/x/index.html', body('2017-01-01'));
      at('index.html', '<p>home</p>');
      const named = new Set(['determinations/CM17-0000001/index.html', 'determinations/CM17-0000009/index.html']);
      const scan = await scanSite(site, undefined, named);
      expect(scan.pages.map((p) => p.file).sort()).toEqual([
        'determinations/CM17-0000001/index.html',
        'determinations/CM17-0000002/index.html',
      ]);
      // The named page that is not there is no page and no file.
      expect(scan.outside).toEqual(['determinations/2/x/index.html']);
      expect(scan.htmlFiles).toBe(5);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });

  test('with a cache, reads only the files that changed, and writes the cache again only when it changed', async () => {
    const site = mkdtempSync(join(tmpdir(), 'imr-scan-cached-'));
    const cache = join(site, '..', `${basename(site)}.scan.json`);
    const at = (file: string, html: string) => {
      mkdirSync(join(site, file, '..'), { recursive: true });
      writeFileSync(join(site, file), html);
    };
    try {
      at('determinations/CM17-0000001/index.html', '<article class="determination" data-pagefind-body>x</article>');
      at('index.html', '<p>home</p>');
      expect((await scanSite(site, cache)).read).toBe(2);
      const written = statSync(cache).mtimeMs;
      const again = await scanSite(site, cache);
      expect([again.read, again.pages.length]).toEqual([0, 1]);
      expect(statSync(cache).mtimeMs).toBe(written);
      // A page gone: nothing to read, but the cache must forget it.
      rmSync(join(site, 'index.html'));
      expect((await scanSite(site, cache)).htmlFiles).toBe(1);
      expect(Object.keys((JSON.parse(readFileSync(cache, 'utf8')) as { files: object }).files)).toEqual([
        'determinations/CM17-0000001/index.html',
      ]);
    } finally {
      rmSync(site, { recursive: true, force: true });
      rmSync(cache, { force: true });
    }
  });
});
