// Every file a source comment names exists: a comment pointing at a file that was renamed or
// folded away sends a reader nowhere. Paths are those from the project's root ("src/lib/…",
// "scripts/…", "test/…", "content/…", "docs/…") that a comment line holds.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const repo = join(import.meta.dirname, '../..');
const SOURCE = /\.(?:ts|mjs|js|astro|css)$/;
const PATH = /(?<![\w./-])((?:src|scripts|test|content|docs|public)\/[\w./[\]-]+\.(?:tsv|ts|mjs|jsonl|json|js|astro|yml|md|css))(?![\w-])/g;
/** A line that is (or ends in) a comment: `//`, a block comment's line, an HTML comment. */
const COMMENT = /\/\/|^\s*\*|\/\*|<!--/;

describe('source comments', () => {
  test('name only files that exist', () => {
    const files = execFileSync('git', ['ls-files', 'src', 'scripts', 'test', 'astro.config.mjs', 'vitest.config.ts'], {
      cwd: repo,
      encoding: 'utf8',
    })
      .split('\n')
      .filter((f) => SOURCE.test(f));
    expect(files.length).toBeGreaterThan(200);
    const missing: string[] = [];
    let named = 0;
    for (const file of files) {
      readFileSync(join(repo, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (!COMMENT.test(line)) return;
          for (const [, path] of line.matchAll(PATH)) {
            named++;
            if (!existsSync(join(repo, path!))) missing.push(`${file}:${i + 1}: ${path}`);
          }
        });
    }
    expect(named).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });
});
