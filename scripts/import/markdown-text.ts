// Letter text is untrusted: it must render as the same words, never as markup or raw HTML.

// Characters with a meaning inside a Markdown line (emphasis, code, links, raw HTML, strikethrough).
const INLINE_SPECIAL = /[\\`*_[\]<~]/g;
// Things that change the meaning at the start of a paragraph: list items, headings, quotes, rules.
const BLOCK_START = /^(\s*)(\d{1,9})([.)])(?=\s|$)|^(\s*)([-+=>#|])/;

/** Escapes one paragraph of letter text so Markdown renders it literally. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(INLINE_SPECIAL, (c) => `\\${c}`)
    .replace(/&(?=[a-z#][a-z0-9]*;)/gi, '&amp;')
    .replace(
      BLOCK_START,
      (_m, s1: string | undefined, num: string | undefined, mark: string | undefined, s2: string | undefined, sym: string | undefined) =>
        num !== undefined ? `${s1}${num}\\${mark}` : `${s2}\\${sym}`,
    );
}

/** Escapes text for an ATX heading line, where a trailing "#" would be read as a closing sequence. */
export function escapeHeading(text: string): string {
  return escapeMarkdown(text).replace(/#/g, '\\#');
}
