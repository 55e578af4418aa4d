import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { hasAttribute, tagAttributes } from '../../scripts/lib/html-tags.ts';
import { checkLinks } from '../../scripts/dev/link-check.ts';

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'imr-links-'));
  for (const [path, html] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

describe('checkLinks', () => {
  test('accepts links to files, to directories with index.html, and to ids that exist', async () => {
    const dir = site({
      'index.html': '<a href="/a/">a</a><a href="/a/#x">x</a><link href="/s.css"><a href="a/">relative</a><a href="#top">top</a><p id="top"></p>',
      'a/index.html': '<h2 id="x">x</h2><a href="../">up</a>',
      's.css': '',
    });
    expect(await checkLinks(dir, '/')).toEqual({ pages: 2, links: 6, broken: [] });
  });

  test('reports a missing file, a missing id and a link outside the base, naming the page', async () => {
    const dir = site({ 'index.html': '<a href="/imr/nope/">n</a><a href="/imr/#gone">g</a><img src="/logo.png">' });
    const { broken } = await checkLinks(dir, '/imr/');
    expect(broken).toEqual([
      { page: 'index.html', link: '/imr/nope/', reason: 'no such file' },
      { page: 'index.html', link: '/imr/#gone', reason: 'no id="gone" on the target page' },
      { page: 'index.html', link: '/logo.png', reason: 'outside the base /imr/' },
    ]);
  });

  test('ignores other sites and non-web schemes', async () => {
    const dir = site({ 'index.html': '<a href="https://example.com/x">e</a><a href="mailto:a@b.c">m</a><a href="//cdn.example/x">c</a>' });
    expect(await checkLinks(dir, '/')).toEqual({ pages: 1, links: 0, broken: [] });
  });
});

describe('tagAttributes', () => {
  test('reads attributes of tags only, not text that looks like one, even past a ">" in a quoted value', () => {
    const html = '<meta content="a <b> c" href="/in-tag"><p>&lt;a href="/in-text"&gt; and href="/bare"</p><a href="/real">r</a>';
    expect(tagAttributes(html, /\shref="([^"]*)"/g)).toEqual(['/in-tag', '/real']);
  });
});

describe('hasAttribute', () => {
  test('finds an attribute by name on a tag, with or without a value', () => {
    expect(hasAttribute('<main><article class="d" data-pagefind-body data-x="1">', 'data-pagefind-body')).toBe(true);
    expect(hasAttribute('<div data-pagefind-body="">', 'data-pagefind-body')).toBe(true);
  });

  test('ignores the name in text and inside another attribute’s value', () => {
    const list = '<meta name="description" content="Request: data-pagefind-body x"><td>data-pagefind-body test &lt;p data-pagefind-body&gt;</td>';
    expect(hasAttribute(list, 'data-pagefind-body')).toBe(false);
  });
});
