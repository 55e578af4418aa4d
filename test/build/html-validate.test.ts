// Every page of both fixture builds is valid HTML under html-validate's recommended preset, with
// the one rule option in .htmlvalidate.mjs (shared checkbox names on the search form).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, inject, test } from 'vitest';
import config from '../../.htmlvalidate.mjs';
import type { SiteBuild } from '../support/build-site.ts';

const { root, sub } = inject('sites');
const validator = new HtmlValidate(config);

/** "path:line:col rule: message" for every problem on every page of a build. */
async function problems(site: SiteBuild): Promise<{ pages: number; found: string[] }> {
  const files = readdirSync(site.dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
  const found: string[] = [];
  for (const file of files) {
    const report = await validator.validateString(readFileSync(join(site.dir, file), 'utf8'), file);
    for (const result of report.results) {
      for (const m of result.messages) found.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
  }
  return { pages: files.length, found };
}

describe('html-validate', () => {
  test('finds no problem on any page of the root build', async () => {
    const { pages, found } = await problems(root);
    expect(pages).toBeGreaterThan(30);
    expect(found).toEqual([]);
  });

  test('finds no problem on any page of the /imr/ build (pagination, 115 letters)', async () => {
    const { pages, found } = await problems(sub);
    expect(pages).toBeGreaterThan(150);
    expect(found).toEqual([]);
  });

  test('still reports what the site once shipped, so a clean run means something', async () => {
    const html =
      '<!DOCTYPE html><html lang="en"><head><title>t</title><meta data-pagefind-filter="outcome[content]" content="upheld"></head><body><main><div class="bar"><span style="width:40%"></span></div></main></body></html>';
    const report = await validator.validateString(html, 'old.html');
    const rules = report.results.flatMap((r) => r.messages.map((m) => m.ruleId));
    expect(rules).toEqual(expect.arrayContaining(['attribute-misuse', 'no-inline-style']));
  });
});
