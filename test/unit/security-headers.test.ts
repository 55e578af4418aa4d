// docs/deploy.md's configurations are the ones the nginx tests serve (scripts/lib/security-headers.ts):
// its nginx.conf holds the server lines of the served-by-nginx browser test, and its _headers file
// is the one printed here.
import { describe, expect, test } from 'vitest';
import { headersFile, nginxSnippet, PAGE_POLICY, SEARCH_POLICY } from '../../scripts/lib/security-headers.ts';
import { fencedBlocks, readDoc } from '../support/markdown-doc.ts';

const deploy = readDoc('docs/deploy.md');

describe('recommended security headers', () => {
  test("docs/deploy.md's nginx.conf holds the server lines the served-by-nginx test uses, for /imr/ in /srv", () => {
    const configs = fencedBlocks(deploy, 'nginx');
    expect(configs).toHaveLength(1);
    expect(configs[0]).toContain(`\n${nginxSnippet('/imr/', '/srv').replace(/^/gm, '        ')}\n    }\n}`);
  });

  test('docs/deploy.md shows the _headers file for a root build', () => {
    expect(fencedBlocks(deploy, 'text')).toContain(headersFile('/'));
  });

  test('allow no inline script or style anywhere, and WebAssembly only for the search page and Pagefind', () => {
    for (const policy of [PAGE_POLICY, SEARCH_POLICY]) expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
    expect(PAGE_POLICY).not.toContain('script-src');
    expect(SEARCH_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval'");
    const snippet = nginxSnippet('/imr/', '/var/www');
    expect(snippet.match(/wasm-unsafe-eval/g)).toHaveLength(3); // the comment, search/, pagefind/
    expect(
      headersFile('/')
        .split('\n')
        .filter((l) => l.includes('wasm-unsafe-eval')),
    ).toHaveLength(2);
  });

  test('give every top-level path of a build one rule in _headers, none overlapping', () => {
    const paths = headersFile('/imr/')
      .split('\n')
      .filter((l) => !l.startsWith(' '));
    expect(paths).toEqual([
      '/imr/',
      '/imr/determinations/*',
      '/imr/guidelines/*',
      '/imr/treatments/*',
      '/imr/404.html',
      '/imr/search/*',
      '/imr/pagefind/*',
    ]);
  });
});
