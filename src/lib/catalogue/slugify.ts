/**
 * URL slug of a cited section name: ASCII lower case, runs of anything else become one dash.
 * "Opioids, criteria for use" -> "opioids-criteria-for-use"; "Électro-diagnostic" -> "electro-diagnostic".
 * A name with no letters or digits gets "section"; an all-digit name gets a "section-" prefix so
 * it can never look like a page number of a paginated list ("/guidelines/x/2/").
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug === '') return 'section';
  return /^\d+$/.test(slug) ? `section-${slug}` : slug;
}
