// Two projects: `unit` (pure helpers, importer, scripts; fast, no build) and `site` (tests of a
// built fixture site: pages, Pagefind, links, the browser). The site project builds the fixture
// corpus once per run in test/support/global-setup.ts and hands the output folders to its tests.
//   npx vitest run --project unit     only the fast tests
//   npx vitest run --project site     only the built-site tests
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/build/**', 'test/e2e/**', '**/node_modules/**'],
          environment: 'node',
          // The CLI tests run `check` and `import` as Node processes, a few times each: seconds
          // apiece on a loaded 2-core machine, more while the site project builds.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'site',
          include: ['test/build/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 30_000,
          // A browser on a loaded 2-core machine can take seconds to settle; polls wait for it.
          expect: { poll: { timeout: 10_000 } },
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
