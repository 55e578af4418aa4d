// The README and docs/*.md as the tests read them: their fenced code blocks (the configurations a
// test serves or compares), their relative links and the anchors their headings make on GitHub.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '../..');

/** The text of a Markdown file of the repository, by its path from the root ("docs/deploy.md"). */
export function readDoc(path: string): string {
  return readFileSync(join(repoRoot, path), 'utf8');
}

const FENCE = /^```([\w-]*)\n([\s\S]*?)\n```$/gm;

/** The bodies of the ```lang fenced blocks of `markdown`, in order. */
export function fencedBlocks(markdown: string, lang: string): string[] {
  return [...markdown.matchAll(FENCE)].filter((m) => m[1] === lang).map((m) => m[2]!);
}

/** The text without its fenced blocks and inline code, where a link is text, not a link. */
function proseOnly(markdown: string): string {
  return markdown.replace(FENCE, '').replace(/`[^`\n]*`/g, '');
}

/** Link and image targets of the prose: `[text](target)` and `![alt](target)`, title dropped. */
export function linkTargets(markdown: string): string[] {
  return [...proseOnly(markdown).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!);
}

/**
 * The anchors GitHub gives the headings of `markdown`: the heading's text lower-cased, without
 * inline code marks and punctuation but `-` and `_`, spaces as hyphens; a repeat gets `-1`, `-2`.
 */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const prose = markdown.replace(FENCE, '').replace(/`([^`\n]*)`/g, '$1');
  for (const m of prose.matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = m[1]!
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return anchors;
}
