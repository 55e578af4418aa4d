/**
 * Joins Astro's `base` and a site path into one absolute URL path, with exactly one slash between.
 * Every internal link goes through this so a build under `/imr/` and a root build both work.
 *
 *   joinBase('/imr/', '/guidelines/')  -> '/imr/guidelines/'
 *   joinBase('/imr', 'guidelines/')    -> '/imr/guidelines/'
 *   joinBase('/', '/')                 -> '/'
 */
export function joinBase(base: string, path: string): string {
  const head = `/${base}`.replace(/\/+/g, '/').replace(/\/$/, '');
  const tail = path.replace(/^\/+/, '');
  return `${head}/${tail}`;
}
