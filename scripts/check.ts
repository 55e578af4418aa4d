// npm run check: validates every file of the content folder (CORPUS_DIR or content/) and reports
// every problem in one run as "path → field: message"; exit 1 when there is any.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadCatalogue } from './import/catalogue.ts';
import { checkDetermination } from './check/check-determination.ts';
import { contentDir } from '../src/lib/content-dir.ts';

function main(): number {
  const root = contentDir();
  // Paths as the user typed them: relative inside the working folder, absolute outside it.
  const shown = (p: string) => (relative(process.cwd(), p).startsWith('..') ? p : relative(process.cwd(), p));
  const problems: string[] = [];
  // A broken catalogue is reported, and the determinations are still checked (all but their slugs).
  let catalogue;
  try {
    catalogue = loadCatalogue(root);
  } catch (error) {
    problems.push((error as Error).message);
  }
  const known = catalogue
    ? { guidelines: new Set(catalogue.guidelines.map((g) => g.slug)), treatments: new Set(catalogue.taxonomy.types.map((t) => t.slug)) }
    : {};
  const folder = join(root, 'determinations');
  if (!existsSync(folder)) {
    console.error(`${shown(folder)}: no such folder (expected <content>/determinations/<year>/<id>.md; set CORPUS_DIR to another content folder)`);
    return 1;
  }
  const files = readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  const ids = new Map<string, string>();
  for (const file of files) {
    const path = shown(file);
    if (!file.endsWith('.md')) {
      problems.push(`${path} → (file): not a determination: expected <year>/<id>.md`);
      continue;
    }
    const { problems: found, determination } = checkDetermination(relative(folder, file).split('\\').join('/'), readFileSync(file, 'utf8'), known);
    problems.push(...found.map((p) => `${path} → ${p}`));
    if (determination) {
      const other = ids.get(determination.id);
      if (other) problems.push(`${path} → id: ${determination.id} is also the id of ${other}`);
      else ids.set(determination.id, path);
    }
  }
  for (const p of problems) console.error(p);
  const catalogueNote = catalogue ? `${catalogue.guidelines.length} guidelines, ${catalogue.taxonomy.types.length} treatment types` : 'no valid catalogue';
  console.log(`checked ${files.filter((f) => f.endsWith('.md')).length} determinations, ${catalogueNote}: ${problems.length === 0 ? 'no problems' : `${problems.length} problem${problems.length === 1 ? '' : 's'}`}`);
  return problems.length === 0 ? 0 : 1;
}

process.exitCode = main();
