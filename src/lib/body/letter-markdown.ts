// The one Markdown pipeline of the site: Astro's default processor (Sätteri) with raw HTML in a
// letter body turned back into text (safe-markdown.ts). astro.config.mjs sets it as the
// processor, and determination pages render their bodies with it at page time
// (src/data/letter-body.ts), so both give the same HTML.
import { satteri } from '@astrojs/markdown-satteri';
import { safeMarkdown } from './safe-markdown.ts';

/**
 * The parser features of the site's Markdown (GFM, smart punctuation: Astro's defaults, stated on
 * the processor so they win over any shared option). The body cutter parses with them too
 * (src/lib/body/cut-body.ts), so it sees the tree the renderer builds.
 */
export const LETTER_MARKDOWN_FEATURES = { gfm: true, smartPunctuation: true } as const;

export const letterMarkdown = satteri({ hastPlugins: [safeMarkdown], features: LETTER_MARKDOWN_FEATURES });

/** The site's Markdown options (astro.config.mjs spreads them; the page renderer passes them too). */
export const LETTER_MARKDOWN_OPTIONS = { syntaxHighlight: false } as const;
