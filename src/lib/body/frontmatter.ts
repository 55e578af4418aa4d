import matter from 'gray-matter';

export interface Frontmatter {
  /** The YAML block as parsed (unquoted dates arrive as Date objects; see undoYamlDates). */
  data: Record<string, unknown>;
  /** Everything after the closing `---`. */
  body: string;
}

/**
 * Splits a Markdown file into its YAML frontmatter and body. Always passes gray-matter an options
 * object: called without one, gray-matter keeps every text it has parsed in a cache, so checking
 * or loading 100,000 letters would hold all of them in memory.
 */
export function parseFrontmatter(text: string): Frontmatter {
  const file = matter(text, {});
  return { data: file.data as Record<string, unknown>, body: file.content };
}

/**
 * The body alone, cut where gray-matter cuts it (after the line that closes the frontmatter),
 * without parsing the YAML: for pages that already hold the validated data.
 */
export function markdownBody(text: string): string {
  if (!text.startsWith('---')) return text;
  const close = text.indexOf('\n---', 3);
  if (close === -1) return '';
  const lineEnd = text.indexOf('\n', close + 4);
  return lineEnd === -1 ? '' : text.slice(lineEnd + 1);
}
