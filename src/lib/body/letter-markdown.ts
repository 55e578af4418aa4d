// The one Markdown pipeline of the site: Astro's default processor (Sätteri) with raw HTML in a
// letter body turned back into text (safe-markdown.ts). astro.config.mjs sets it as the
// processor, and determination pages render their bodies with it at page time
// (src/data/letter-body.ts), so both give the same HTML. `npm run check` parses bodies with the
// same parser and the same features (scripts/check/check-body.ts), so what it accepts is what
// the site shows.
import { satteri } from '@astrojs/markdown-satteri';
import { safeMarkdown } from './safe-markdown.ts';

/**
 * The Markdown dialect of letter bodies: plain CommonMark. A letter is a legal record shown as
 * written, so no GitHub extensions (a bare `https://…`, `www.…` or e-mail address in a letter
 * would become a live link, pipes a table, `~~…~~` struck text) and no typographic replacement
 * (straight quotes stay straight, `--` stays two hyphens). Bodies have no frontmatter of their
 * own: the file's frontmatter is cut off before rendering, so a second `---` block is content.
 */
export const LETTER_FEATURES = { gfm: false, smartPunctuation: false, frontmatter: false } as const;

export const letterMarkdown = satteri({ hastPlugins: [safeMarkdown], features: { ...LETTER_FEATURES } });

/**
 * The site's Markdown options (astro.config.mjs spreads them; the page renderer passes them too).
 * No `gfm` or `smartypants`: Astro 7 deprecates them (a warning on every build) for the processor's
 * own features, which LETTER_FEATURES sets and which override them anyway (the Sätteri renderer
 * spreads its features after the two).
 */
export const LETTER_MARKDOWN_OPTIONS = { syntaxHighlight: false } as const;
