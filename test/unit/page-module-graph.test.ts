// The pages' code imports nothing that imports Astro's manifest of every page. `astro:config/server`
// does: a page's module that reached it joined every page into one cycle of the module graph, and
// Astro's fingerprint of each page's code then covered all of them, so a change to any page's code
// (even the search page's own script) rendered every page again (docs/scale.md, "A change of code
// renders every page"). The folders it gave come from src/data/build-folders.ts instead.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importSpecifiers } from '../../src/lib/files/import-specifiers.ts';

const repo = join(import.meta.dirname, '../..');
/** Virtual modules of Astro that import its manifest of pages. */
const MANIFEST_IMPORTERS = ['astro:config/server', 'astro:config/client'];

describe('the pages’ module graph', () => {
  test('reaches no module that imports the manifest of every page', () => {
    // Integrations run in Astro's own process, outside the pages' graph.
    const files = execFileSync('git', ['ls-files', 'src'], { cwd: repo, encoding: 'utf8' })
      .split('\n')
      .filter((f) => /\.(?:ts|astro)$/.test(f) && !f.startsWith('src/integrations/'));
    expect(files.length).toBeGreaterThan(100);
    const importers = files.filter((f) =>
      importSpecifiers(readFileSync(join(repo, f), 'utf8')).some((s) => MANIFEST_IMPORTERS.includes(s)),
    );
    expect(importers).toEqual([]);
  });
});
