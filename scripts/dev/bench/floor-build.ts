// The floor the benchmark's --compare measures the site against: the least any static site of
// these letters has to do. Each letter is split with gray-matter and its body rendered by the
// site's own Markdown pipeline into one bare HTML page (no layout, no lists, no incremental
// cache); then one Pagefind index over all of them through Pagefind's Node API, with its defaults.
//   node --import tsx scripts/dev/bench/floor-build.ts <content dir> <out dir>
// Prints { pages, renderSeconds, indexSeconds } on stdout.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import * as pagefind from 'pagefind';
import { parseFrontmatter } from '../../../src/lib/body/frontmatter.ts';
import { LETTER_MARKDOWN_OPTIONS, letterMarkdown } from '../../../src/lib/body/letter-markdown.ts';
import { runPool } from '../../search-index/run-pool.ts';

/** Letters in flight at once, as Astro's build.concurrency in astro.config.mjs. */
const IN_FLIGHT = 16;
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

async function renderPages(letters: string, out: string): Promise<number> {
  const files = (await readdir(letters, { recursive: true })).filter((f) => f.endsWith('.md')).sort();
  const renderer = await letterMarkdown.createRenderer(LETTER_MARKDOWN_OPTIONS);
  await runPool(files, IN_FLIGHT, async (file) => {
    const { data, body } = parseFrontmatter(await readFile(join(letters, file), 'utf8'));
    const id = String(data.id ?? basename(file, '.md'));
    const { code } = await renderer.render(body.trim());
    const dir = join(out, 'determinations', id);
    await mkdir(dir, { recursive: true });
    const title = escape(String(data.caseNumber ?? id));
    await writeFile(
      join(dir, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${code}</body></html>`,
    );
  });
  return files.length;
}

async function indexPages(out: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: out });
    if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(out, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
}

const [content, out] = process.argv.slice(2);
if (!content || !out) {
  console.error('usage: floor-build.ts <content dir> <out dir>');
  process.exit(2);
}
const started = performance.now();
const pages = await renderPages(join(content, 'determinations'), out);
const rendered = performance.now();
await indexPages(out);
const seconds = (from: number, to: number) => Math.round((to - from) / 10) / 100;
console.log(JSON.stringify({ pages, renderSeconds: seconds(started, rendered), indexSeconds: seconds(rendered, performance.now()) }));
