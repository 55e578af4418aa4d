// The paragraphs of an item that the page shows from the frontmatter instead (outcome badge,
// linked citations), as the renderer writes them:
//   <p><strong>Upheld.</strong></p>
//   <p>Claims Administrator guideline: Decision based on …</p>
//   <p>MAXIMUS guideline: Decision based on …</p>
// The reviewer's line has other words in older layouts (see scripts/import/to-markdown.ts):
//   "Medical Treatment Guideline(s) used by the Expert Reviewer:" (notice-2013),
//   "Medical treatment guideline(s) relied upon by the professional reviewer:".
// Paragraphs cannot nest, so the first "</p>" closes each one.
const FACT_PARAGRAPH =
  /<p>(?:<strong>(?:Upheld|Overturned)\.?<\/strong>|(?:Claims Administrator guideline|MAXIMUS guideline|Medical treatment guideline\(s\) (?:used by the Expert Reviewer|relied upon by the professional reviewer)):[\s\S]*?)<\/p>\s*/gi;

/** An item's rendered HTML without its outcome and guideline lines: the rationale. */
export function stripItemFacts(itemHtml: string): string {
  return itemHtml.replace(FACT_PARAGRAPH, '').trim();
}
