import { GUIDELINE_LABELS } from './letter-labels.ts';

// The paragraphs of an item that the page shows from the frontmatter instead (outcome badge,
// linked citations), as the renderer writes them:
//   <p><strong>Upheld.</strong></p>
//   <p>Claims Administrator guideline: Decision based on …</p>
//   <p>MAXIMUS guideline: Decision based on …</p>
// Paragraphs cannot nest, so the first "</p>" closes each one.
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const FACT_PARAGRAPH = new RegExp(
  String.raw`<p>(?:<strong>(?:Upheld|Overturned)\.?<\/strong>|(?:${GUIDELINE_LABELS.map(escape).join('|')}):[\s\S]*?)<\/p>\s*`,
  'gi',
);

/** An item's rendered HTML without its outcome and guideline lines: the rationale. */
export function stripItemFacts(itemHtml: string): string {
  return itemHtml.replace(FACT_PARAGRAPH, '').trim();
}
