// What a build tells its operator: no deprecation warning, and a content folder without a catalogue
// of its own built with the bundled one, said in one line.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
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
});

describe('a build of a content folder of letters only', { timeout: 180_000 }, () => {
  test('reads the bundled catalogue, says so in one line, and makes its pages', async () => {
    const corpus = join(work, 'corpus');
    for (const letter of ['2016/CM16-0213037.md', '2017/CM16-0231706.md'])
      cpSync(join(repoRoot, 'content/determinations', letter), join(corpus, 'determinations', letter));
    const site = await buildSite({ corpus, outDir: join(work, 'dist'), base: '/', cacheDir: join(work, 'cache') });
    expect(site.log.split('\n').filter((line) => line.includes('catalogue'))).toEqual([
      expect.stringContaining(
        `[imr-catalogue] catalogue: ${corpus} (CORPUS_DIR) has none, so the bundled one is used (${repoRoot}/content: guidelines/, treatments.yml, body-regions.yml, synonyms.yml); copy those into ${corpus} to keep a catalogue of your own`,
      ),
    ]);
    // A guideline only the bundled catalogue has, with no letter citing it, has its page.
    expect(existsSync(join(site.dir, 'guidelines/odg-hernia/index.html'))).toBe(true);
  });
});
