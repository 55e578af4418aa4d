// The README stays a short way in (what the site is, quick start, import, update, deploy,
// commands, layout, tests), and every relative link of it and of docs/*.md leads somewhere: a file
// of the repository and, with a #fragment, a heading of that Markdown file.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { headingAnchors, linkTargets, readDoc, repoRoot } from '../support/markdown-doc.ts';

const README_MAX_LINES = 250;
const DOC_PAGES = readdirSync(join(repoRoot, 'docs'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => `docs/${f}`);

/** What is wrong with one link target of `doc`, or undefined when it resolves. */
function linkProblem(doc: string, target: string): string | undefined {
  if (/^[a-z][a-z+.-]*:/i.test(target)) return undefined; // https:, mailto: ...: not checked here
  const [path, fragment] = target.split('#') as [string, string | undefined];
  const file = path ? resolve(dirname(join(repoRoot, doc)), decodeURIComponent(path)) : join(repoRoot, doc);
  if (relative(repoRoot, file).startsWith('..')) return `${target}: outside the repository`;
  if (!existsSync(file)) return `${target}: no such file`;
  if (fragment === undefined) return undefined;
  if (!file.endsWith('.md') || !statSync(file).isFile()) return `${target}: a #fragment of something that is not a Markdown file`;
  if (!headingAnchors(readFileSync(file, 'utf8')).has(fragment))
    return `${target}: no heading of ${relative(repoRoot, file)} makes #${fragment}`;
  return undefined;
}

describe('the README and docs/', () => {
  test(`keeps the README at most ${README_MAX_LINES} lines`, () => {
    expect(readDoc('README.md').trimEnd().split('\n').length).toBeLessThanOrEqual(README_MAX_LINES);
  });

  test('links every page of docs/ from the README', () => {
    const targets = new Set(linkTargets(readDoc('README.md')).map((t) => t.split('#')[0]));
    expect(DOC_PAGES.filter((page) => !targets.has(page))).toEqual([]);
  });

  test.each(['README.md', ...DOC_PAGES])('resolves every relative link of %s to a file and a heading', (doc) => {
    const targets = linkTargets(readDoc(doc));
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.map((t) => linkProblem(doc, t)).filter(Boolean)).toEqual([]);
  });

  test('makes the anchors GitHub makes for headings with punctuation, code and repeats', () => {
    const anchors = headingAnchors(
      [
        "## The site's address: SITE_URL and BASE_PATH",
        '### Netlify and Cloudflare Pages: `_headers`',
        '## Notes',
        '## Notes',
        '```sh',
        '# not a heading',
        '```',
      ].join('\n'),
    );
    expect([...anchors]).toEqual(['the-sites-address-site_url-and-base_path', 'netlify-and-cloudflare-pages-_headers', 'notes', 'notes-1']);
  });
});
