// What a build tells its operator: no deprecation warning, one count of what it wrote (pages, feeds
// and data files, each named), one of the letters it read, and a content folder without a catalogue of its own built with the
// bundled one, said in one line.
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { buildSite, repoRoot } from '../support/build-site.ts';

const work = mkdtempSync(join(tmpdir(), 'imr-build-output-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the build log', () => {
  test('has no deprecation warning (Astro 7 deprecates markdown.gfm and markdown.smartypants for the processor’s features)', () => {
    for (const site of Object.values(inject('sites'))) {
      expect(site.log).toContain('Complete!');
      expect(site.log).not.toMatch(/deprecat/i);
    }
  });

  test('counts pages once, in a line that names what it counts, and the count is the HTML files written', () => {
    for (const site of Object.values(inject('sites'))) {
      const counts = String(site.log)
        .split('\n')
        .filter((line) => /\d+ pages?\b|page\(s\)/.test(line));
      expect(counts).toEqual([
        expect.stringMatching(/\[build\] \d+ files: \d+ pages, \d+ feeds and \d+ data files; \d+ rendered, 0 kept from the last build$/),
      ]);
      const pages = Number(/files: (\d+) pages/.exec(counts[0]!)![1]);
      const html = readdirSync(site.dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
      expect(pages).toBe(html.length);
      expect(site.log).toMatch(/\[build\] built in [\d.]+m?s$/m);
    }
  });

  test('reads the letters once, from the letter store, and says how many it read (no content layer to sync)', () => {
    for (const site of Object.values(inject('sites'))) {
      const lines = String(site.log)
        .split('\n')
        .filter((line) => line.includes(' determinations: '));
      expect(lines).toEqual([expect.stringMatching(/^\[imr\] (\d+) determinations: \1 read, \1 new or changed in [\d.]+ s$/)]);
      expect(site.log).not.toContain('[content]');
    }
  });
});

describe('a build of a content folder of letters only', { timeout: 180_000 }, () => {
  test('reads the bundled catalogue, says so in one line, and makes its pages', async () => {
    const corpus = join(work, 'corpus');
    for (const letter of ['2016/CM16-0213037.md', '2017/CM16-0231706.md'])
      cpSync(join(repoRoot, 'content/determinations', letter), join(corpus, 'determinations', letter));
    const site = await buildSite({ corpus, outDir: join(work, 'dist'), base: '/', cacheDir: join(work, 'cache') });
    expect(
      String(site.log)
        .split('\n')
        .filter((line) => line.includes('catalogue')),
    ).toEqual([
      expect.stringContaining(
        `[imr-catalogue] catalogue: ${corpus} (CORPUS_DIR) has none, so the bundled one is used (${repoRoot}/content: guidelines/, treatments.yml, body-regions.yml, synonyms.yml); copy those into ${corpus} to keep a catalogue of your own`,
      ),
    ]);
    // A guideline only the bundled catalogue has, with no letter citing it, has its page.
    expect(existsSync(join(site.dir, 'guidelines/odg-hernia/index.html'))).toBe(true);
  });
});
