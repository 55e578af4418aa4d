// The search index's site scan: which pages carry data-pagefind-body, with their dates and hashes.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
});
