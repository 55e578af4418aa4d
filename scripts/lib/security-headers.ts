// The Content-Security-Policy the site is meant to be served with, and the host configurations
// that send it (an nginx snippet, a `_headers` file), as the README shows them (the unit test keeps
// them equal). Pages ship no script and no inline style, so their policy allows neither; only the
// search page runs script, its own module and Pagefind's, which compiles WebAssembly in its worker
// or, when the worker fails, on the page: 'wasm-unsafe-eval' is granted there and nowhere else.
// The search page's facet worker (src/client/facet-worker.ts) is served from _astro/, by nginx with
// the pages' policy, which suits it: it fetches nothing.

const COMMON = ["style-src 'self'", "img-src 'self'", "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'"];

/** Every page but the search page: no script at all (default-src 'none' covers it). */
export const PAGE_POLICY = ["default-src 'none'", ...COMMON].join('; ');

/** The search page and Pagefind's files: own scripts, their fetches, and WebAssembly. */
export const SEARCH_POLICY = ["default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "connect-src 'self'", ...COMMON].join('; ');

/** The folders of a build (under its base) whose documents need SEARCH_POLICY. */
const SEARCH_FOLDERS = ['search/', 'pagefind/'];

/** The other top-level paths of a build, for hosts whose rules cannot exclude a folder. */
const PAGE_PATHS = ['', 'determinations/*', 'guidelines/*', 'treatments/*', '404.html'];

/**
 * nginx `server` block lines for a build copied to `<root><base>` (BASE_PATH=/imr/ → /var/www/imr/).
 * A location's add_header replaces the server's, so each location states its whole policy.
 */
export function nginxSnippet(base: string, root: string): string {
  return [
    `# dist/ of \`BASE_PATH=${base} npm run build\`, copied to ${root}${base}`,
    `root ${root};`,
    `error_page 404 ${base}404.html;`,
    `location ${base} {`,
    `    add_header Content-Security-Policy "${PAGE_POLICY}" always;`,
    `}`,
    `# Pagefind compiles WebAssembly in its worker (or on the search page): only there 'wasm-unsafe-eval'.`,
    ...SEARCH_FOLDERS.flatMap((f) => [`location ${base}${f} {`, `    add_header Content-Security-Policy "${SEARCH_POLICY}" always;`, `}`]),
  ].join('\n');
}

/**
 * A `_headers` file for the publish folder. Netlify and Cloudflare Pages combine the values of a
 * header that several matching rules set, so the rules here never overlap: one per top-level path.
 */
export function headersFile(base: string): string {
  const rule = (path: string, policy: string) => `${base}${path}\n  Content-Security-Policy: ${policy}`;
  return [...PAGE_PATHS.map((p) => rule(p, PAGE_POLICY)), ...SEARCH_FOLDERS.map((f) => rule(`${f}*`, SEARCH_POLICY))].join('\n');
}
