/** Longest document title: browsers' tabs and search engines' result lines cut longer ones anyway. */
export const MAX_TITLE = 70;
const SITE = 'IMR Determinations';

/** Length as the page's source spells it: Astro writes & < > " ' as entities, and html-validate counts those. */
export const sourceLength = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/[<>]/g, '&lt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').length;

/**
 * The <title> of a page: "Page · IMR Determinations" when that fits in MAX_TITLE characters, else
 * the page's own title, cut at a word (with "…") when even that is too long.
 */
export function pageTitle(title: string): string {
  const full = `${title} · ${SITE}`;
  if (sourceLength(full) <= MAX_TITLE) return full;
  if (sourceLength(title) <= MAX_TITLE) return title;
  const fits = (s: string) => sourceLength(`${s}…`) <= MAX_TITLE;
  let cut = title;
  // Whole words while the title keeps at least half its room; a long word is cut mid-word.
  while (!fits(cut) && cut.lastIndexOf(' ') > MAX_TITLE / 2) cut = cut.slice(0, cut.lastIndexOf(' ')).replace(/[\s,;:·–—-]+$/, '');
  while (!fits(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}
