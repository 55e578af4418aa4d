/**
 * Path of page `n` of a paginated list whose first page is `listPath` (with trailing slash):
 * page 1 is the list itself, page n is `<listPath><n>/` (the shape of Astro's `[...page]` routes).
 */
export function pageHref(listPath: string, n: number): string {
  const root = listPath.endsWith('/') ? listPath : `${listPath}/`;
  return n <= 1 ? root : `${root}${n}/`;
}

/** Path of a page of a dated list (dated-pages.ts): the newest page is the list itself, page k is `<listPath><k>/`. */
export function datedPageHref(listPath: string, ref: 'newest' | number): string {
  const root = listPath.endsWith('/') ? listPath : `${listPath}/`;
  return ref === 'newest' ? root : `${root}${ref}/`;
}
