// A determination's Markdown body rendered to HTML when its page is built, with the site's one
// Markdown pipeline. The content layer keeps frontmatter only (see determination-loader.ts), so
// each page reads its own file: memory holds one body at a time, not the corpus.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentDir } from '../lib/files/content-dir.ts';
import { determinationYear } from '../lib/corpus/determination-year.ts';
import { markdownBody } from '../lib/body/frontmatter.ts';
import { LETTER_MARKDOWN_OPTIONS, letterMarkdown } from '../lib/body/letter-markdown.ts';
import type { Determination } from '../lib/schema/index.ts';

let renderer: ReturnType<typeof letterMarkdown.createRenderer> | undefined;

/** The file `npm run check` holds a determination to: <content>/determinations/<year>/<id>.md. */
function letterFile(d: Pick<Determination, 'id' | 'dates'>): string {
  return join(contentDir(), 'determinations', determinationYear(d), `${d.id}.md`);
}

export async function renderLetterBody(d: Pick<Determination, 'id' | 'dates'>): Promise<string> {
  renderer ??= letterMarkdown.createRenderer(LETTER_MARKDOWN_OPTIONS);
  const body = markdownBody(await readFile(letterFile(d), 'utf8'));
  const { code } = await (await renderer).render(body.trim());
  return code;
}
