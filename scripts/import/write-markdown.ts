// Writes a letter body from its Markdown tree (mdast) with remark, which escapes whatever Markdown
// would read as markup (examples above writeMarkdown): letter text is untrusted and must render as
// the same words, never as markup or raw HTML.
import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import { remark } from 'remark';

// remark escapes only what CommonMark would read as markup where it stands. These characters it
// also escapes wherever they stand, as the importer did before it wrote with remark, so that files
// written then are written again with the same bytes (a re-import finds them unchanged): "#" in a
// heading, "]", "\", "<" and "~" anywhere, "+", "-" and "|" at the start of a line.
const KEPT_ESCAPES = [
  { character: '#', inConstruct: 'headingAtx' },
  { character: ']', inConstruct: 'phrasing' },
  { character: '\\', inConstruct: 'phrasing' },
  { character: '<', inConstruct: 'phrasing' },
  { character: '~', inConstruct: 'phrasing' },
  { atBreak: true, character: '+' },
  { atBreak: true, character: '-' },
  { atBreak: true, character: '|' },
] as const;

const writer = remark().data('settings', { unsafe: [...KEPT_ESCAPES] });

// Trees and what they are written as:
//
//   { type: 'heading', depth: 3, children: [{ type: 'text', value: 'Item 1: Norco #60' }] }
//     -> ### Item 1: Norco \#60
//   { type: 'paragraph', children: [{ type: 'text', value: 'per [redacted] <b>' }] }
//     -> per \[redacted\] \<b>
/** The Markdown text of a tree: blocks separated by a blank line, ending with a newline. */
export function writeMarkdown(tree: Root): string {
  return writer.stringify(tree);
}

/** A heading of the given depth whose text is `text`, as written. */
export function heading(depth: Heading['depth'], text: string): Heading {
  return { type: 'heading', depth, children: [{ type: 'text', value: text }] };
}

/** A paragraph whose text is `text`, as written. */
export function paragraph(text: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value: text }] };
}

/** A paragraph of bold text alone (an item's outcome line). */
export function boldParagraph(text: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: text }] }] };
}

export function root(children: RootContent[]): Root {
  return { type: 'root', children };
}
