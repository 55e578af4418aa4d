// The README's deploy configuration is the one the nginx test serves (scripts/lib/security-headers.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { headersFile, nginxSnippet, PAGE_POLICY, SEARCH_POLICY } from '../../scripts/lib/security-headers.ts';

const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');

describe('recommended security headers', () => {
  test('the README shows the nginx snippet the served-by-nginx test uses, for /imr/', () => {
    expect(readme).toContain(`\`\`\`nginx\n${nginxSnippet('/imr/', '/var/www')}\n\`\`\``);
  });

  test('the README shows the _headers file for a root build', () => {
    expect(readme).toContain(`\`\`\`text\n${headersFile('/')}\n\`\`\``);
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
