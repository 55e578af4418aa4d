// The importer's Markdown file: a letter file reads whole on its own, with no YAML alias even
// where the same item or citation stands twice.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseLetter } from '../../scripts/import/parse-letter.ts';
import { toDetermination } from '../../scripts/import/to-determination.ts';
import { toMarkdown } from '../../scripts/import/to-markdown.ts';
import { parseFrontmatter } from '../../src/lib/body/frontmatter.ts';
import { loadCatalogue } from '../../src/data/files/load-catalogue.ts';

const letterFile = join(import.meta.dirname, '../fixtures/letters/CM16-0219557-txt/CM16-0219557.txt');

describe('toMarkdown', () => {
  test('writes an item that stands twice in full both times, not as a YAML alias', () => {
    const letter = parseLetter(readFileSync(letterFile, 'utf8'));
    const determination = toDetermination(
      letter,
      { file: 'letter.txt', sha256: '0'.repeat(64), synthetic: false },
      loadCatalogue(join(import.meta.dirname, '../../content')),
    );
    const item = determination.items[0]!;
    const twice = { ...determination, items: [item, item] };
    const markdown = toMarkdown(twice, letter);
    expect(markdown).not.toMatch(/[&*]a\d/);
    expect(parseFrontmatter(markdown).data.items).toEqual([item, item].map((i) => JSON.parse(JSON.stringify(i)) as unknown));
  });
});
