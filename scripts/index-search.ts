// Builds the Pagefind index of a built site: `node --import tsx scripts/index-search.ts [dist]`.
// Only determination pages carry data-pagefind-body, so they alone are indexed, each once, with
// one sub-result per disputed item (their headings have ids). Prints one summary line; exits
// non-zero, writing nothing, when Pagefind reports errors or a determination page is not indexed
// exactly once.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as pagefind from 'pagefind';

export interface IndexSummary {
  /** Pages Pagefind indexed. */
  pages: number;
  /** HTML files carrying data-pagefind-body (the determination pages). */
  bodies: number;
  /** Where the bundle was written. */
  outputPath: string;
  milliseconds: number;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

export async function indexSite(siteDir: string): Promise<IndexSummary> {
  const started = performance.now();
  const root = resolve(siteDir);
  const bodies: string[] = [];
  for (const file of await htmlFiles(root)) {
    if (file.startsWith(join(root, 'pagefind') + sep)) continue;
    if ((await readFile(file, 'utf8')).includes('data-pagefind-body')) bodies.push(relative(root, file));
  }
  const outside = bodies.filter((f) => !/^determinations[\\/][^\\/]+[\\/]index\.html$/.test(f));
  if (outside.length > 0) throw new Error(`data-pagefind-body outside determination pages: ${outside.join(', ')}`);

  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: root });
    if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
    // addDirectory counts every HTML file it read; the bundle's entry file counts indexed pages.
    const files = await index.getFiles();
    if (files.errors.length > 0) throw new Error(`Pagefind: ${files.errors.join('; ')}`);
    const entry = files.files.find((f) => f.path === 'pagefind-entry.json');
    if (!entry) throw new Error('Pagefind wrote no pagefind-entry.json');
    const { languages } = JSON.parse(new TextDecoder().decode(entry.content)) as { languages: Record<string, { page_count: number }> };
    const pages = Object.values(languages).reduce((n, l) => n + l.page_count, 0);
    if (pages !== bodies.length) throw new Error(`Pagefind indexed ${pages} pages but ${bodies.length} determination pages carry data-pagefind-body`);
    const outputPath = join(root, 'pagefind');
    await rm(outputPath, { recursive: true, force: true });
    for (const f of files.files) {
      await mkdir(dirname(join(outputPath, f.path)), { recursive: true });
      await writeFile(join(outputPath, f.path), f.content);
    }
    return { pages, bodies: bodies.length, outputPath, milliseconds: Math.round(performance.now() - started) };
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2] ?? process.env.OUT_DIR ?? 'dist';
  try {
    const s = await indexSite(dir);
    console.log(`search index: ${s.pages} determination pages indexed into ${s.outputPath.startsWith(process.cwd()) ? relative(process.cwd(), s.outputPath) : s.outputPath} in ${s.milliseconds} ms`);
  } catch (error) {
    console.error(`search index: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
