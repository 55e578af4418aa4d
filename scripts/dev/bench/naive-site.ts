// The naive site the benchmark's --compare measures the site against: what Astro's documentation
// leads to for a folder of Markdown letters. A glob content collection (every body rendered at
// sync and kept in the data store), one page per letter rendering its entry, Astro's defaults
// otherwise; then the Pagefind CLI over the output. Written as a project of its own into `dir`,
// with the repository's node_modules linked in.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes the project; returns its output folder. */
export function writeNaiveSite(dir: string, letters: string, nodeModules: string): string {
  mkdirSync(join(dir, 'src/pages/determinations'), { recursive: true });
  symlinkSync(nodeModules, join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  // Caches in the project, not in the linked node_modules the repository's own builds use.
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nexport default defineConfig({ cacheDir: './.astro-cache', vite: { cacheDir: './.vite-cache' } });\n`,
  );
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    [
      `import { defineCollection } from 'astro:content';`,
      `import { glob } from 'astro/loaders';`,
      `const determinations = defineCollection({ loader: glob({ pattern: '**/*.md', base: ${JSON.stringify(letters)} }) });`,
      `export const collections = { determinations };`,
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'src/pages/determinations/[...id].astro'),
    [
      '---',
      `import { getCollection, render } from 'astro:content';`,
      'export async function getStaticPaths() {',
      `  const entries = await getCollection('determinations');`,
      '  return entries.map((entry) => ({ params: { id: entry.id }, props: { entry } }));',
      '}',
      'const { entry } = Astro.props;',
      'const { Content } = await render(entry);',
      'const title = entry.data.caseNumber ?? entry.id;',
      '---',
      '<!doctype html>',
      '<html lang="en"><head><meta charset="utf-8" /><title>{title}</title></head>',
      '<body><h1>{title}</h1><Content /></body></html>',
      '',
    ].join('\n'),
  );
  return join(dir, 'dist');
}
