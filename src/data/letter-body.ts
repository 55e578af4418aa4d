// A determination's Markdown body, cut on its Markdown tree into the parts its page lays out
// (src/lib/body/cut-body.ts, body-layout.ts), each part rendered to HTML with the site's one
// Markdown pipeline when the page is built. The letter store keeps frontmatter only (see
// letter-store.ts), so each page reads its own file: memory holds one body at a time.
// A page's body is read and rendered on a worker thread (body-thread.ts) with renderBody below.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { layoutBody, type BodyLayout } from '../lib/body/body-layout.ts';
import { cutBody } from '../lib/body/cut-body.ts';
import { LETTER_MARKDOWN_OPTIONS, letterMarkdown } from '../lib/body/letter-markdown.ts';
import { renderBodyFile } from './body-thread.ts';

/** The body's parts as HTML, by place on the page. */
export interface LetterBody extends BodyLayout<string> {
  /** The whole body as HTML when none of its parts has a place (no item, no section with text). */
  whole: string | undefined;
}

let renderer: ReturnType<typeof letterMarkdown.createRenderer> | undefined;

/** The site's Markdown renderer, made on first use. */
export function bodyRenderer(): ReturnType<typeof letterMarkdown.createRenderer> {
  renderer ??= letterMarkdown.createRenderer(LETTER_MARKDOWN_OPTIONS);
  return renderer;
}

async function render(markdown: string): Promise<string> {
  return (await (await bodyRenderer()).render(markdown)).code;
}

/** Renders the slices of one place one after the other ("" for none), without the renderer's closing newlines. */
async function renderAll(pieces: string[]): Promise<string> {
  const html: string[] = [];
  for (const piece of pieces) html.push((await render(piece)).trim());
  return html.join('\n');
}

/**
 * `entry.filePath` is where the letter store read the entry, relative to the project root
 * (`root`, a folder URL), which need not be the folder the build runs in: the bench runs it from
 * its work folder.
 */
export async function renderLetterBody(
  entry: { id: string; filePath?: string },
  root: URL = pathToFileURL(`${process.cwd()}/`),
): Promise<LetterBody> {
  if (!entry.filePath) throw new Error(`determination ${entry.id} has no file path in the letter store`);
  return renderBodyFile(fileURLToPath(new URL(entry.filePath, root)), root);
}

/** A body's Markdown (the file after its frontmatter) as its page's HTML parts. */
export async function renderBody(markdown: string): Promise<LetterBody> {
  const body = markdown.trim();
  const layout = layoutBody(cutBody(body));
  const items = new Map<number, string>();
  for (const [n, pieces] of layout.items) items.set(n, await renderAll(pieces));
  const other: LetterBody['other'] = [];
  for (const section of layout.other) other.push({ title: section.title, text: await renderAll(section.text) });
  const preamble = await renderAll(layout.preamble);
  const howMade = await renderAll(layout.howMade);
  const summary = await renderAll(layout.summary);
  const decisionsIntro = await renderAll(layout.decisionsIntro);
  const placed = items.size > 0 || howMade || summary || decisionsIntro || other.length > 0;
  return { preamble, howMade, summary, decisionsIntro, items, other, whole: placed ? undefined : await render(body) };
}
