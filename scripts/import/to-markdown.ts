// Writes a determination as a Markdown file: YAML frontmatter (the schema's fields) and a body
// with the letter's sections as headings and each item's rationale under its own heading, built as
// a Markdown tree and written by remark (write-markdown.ts).
import type { RootContent } from 'mdast';
import type { Determination } from '../../src/lib/schema/determination.ts';
import { stringifyYaml } from '../../src/lib/files/yaml.ts';
import {
  CLAIMS_ADMINISTRATOR_LABEL,
  ITEM_DEPTH,
  RATIONALE_LABEL,
  SECTION_DEPTH,
  itemHeadingText,
  labelledLine,
  outcomeText,
  reviewerLabel,
} from '../../src/lib/schema/body-vocab.ts';
import type { ParsedLetter } from './letter-shape.ts';
import { boldParagraph, heading, paragraph, root, writeMarkdown } from './write-markdown.ts';

// The file it writes:
//
//   ---
//   id: CM16-0213037
//   ...
//   ---
//   ## Clinical case summary
//   ...
//   ## Decisions and rationales
//   ### Item 1: MRI of the right shoulder without contrast
//   **Upheld.**
//   Claims Administrator guideline: ...
/** The file's full text; the same inputs always give the same bytes. */
export function toMarkdown(determination: Determination, letter: ParsedLetter): string {
  // Strings a YAML 1.1 reader would take for a date or a number are quoted, and an item or citation
  // the letter repeats is written out again, never as an alias (src/lib/files/yaml.ts).
  return `---\n${stringifyYaml(determination)}---\n\n${toBody(letter)}`;
}

export function toBody(letter: ParsedLetter): string {
  const blocks: RootContent[] = [];
  for (const section of letter.sections) {
    blocks.push(heading(SECTION_DEPTH, section.heading), ...section.paragraphs.map(paragraph));
  }
  letter.items.forEach((item, i) => {
    blocks.push(heading(ITEM_DEPTH, itemHeadingText(i + 1, item.request)), boldParagraph(outcomeText(item.outcome)));
    if (item.claimsAdministrator !== undefined) blocks.push(paragraph(labelledLine(CLAIMS_ADMINISTRATOR_LABEL, item.claimsAdministrator)));
    if (item.reviewer !== undefined) blocks.push(paragraph(labelledLine(reviewerLabel(letter.format), item.reviewer)));
    item.rationale.forEach((p, k) => blocks.push(paragraph(k === 0 ? labelledLine(RATIONALE_LABEL, p) : p)));
  });
  return writeMarkdown(root(blocks));
}
