// The frontmatter split the checker, the loader and the determination page share.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, test } from 'vitest';
import { markdownBody, parseFrontmatter } from '../../src/lib/body/frontmatter.ts';

const letters = join(import.meta.dirname, '../../content/determinations');
const files = readdirSync(letters, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));

describe('parseFrontmatter', () => {
  test('reads a letter and leaves nothing in gray-matter’s cache', () => {
    const text = readFileSync(join(letters, files[0]!), 'utf8');
    const before = Object.keys((matter as unknown as { cache: object }).cache).length;
    const { data, body } = parseFrontmatter(text);
    expect(data.id).toBe(files[0]!.split('/').at(-1)!.replace(/\.md$/, ''));
    expect(body).toMatch(/^## /m);
    expect(Object.keys((matter as unknown as { cache: object }).cache)).toHaveLength(before);
  });
});

describe('markdownBody', () => {
  test(`cuts every one of the ${files.length} letters where gray-matter does`, () => {
    expect(files.length).toBeGreaterThan(100);
    for (const f of files) {
      const text = readFileSync(join(letters, f), 'utf8');
      expect(markdownBody(text), f).toBe(parseFrontmatter(text).body);
    }
  });

  test('gives text without frontmatter back whole, and an unclosed block as no body', () => {
    expect(markdownBody('## Title\n\ntext\n')).toBe('## Title\n\ntext\n');
    expect(markdownBody('---\nid: x\n')).toBe('');
    expect(markdownBody('---\nid: x\n---\n## A\n')).toBe('## A\n');
  });
});
