// Writes a determination as a Markdown file: YAML frontmatter (the schema's fields) and a body
// with the letter's sections as headings and each item's rationale under its own heading:
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
import type { Determination } from '../../src/lib/schema/determination.ts';
import { stringifyYaml } from '../../src/lib/files/yaml.ts';
import {
  CLAIMS_ADMINISTRATOR_LABEL,
  RATIONALE_LABEL,
  labelledLine,
  itemHeadingLine,
  outcomeLine,
  reviewerLabel,
  sectionHeadingLine,
} from '../../src/lib/schema/body-vocab.ts';
import type { ParsedLetter } from './parsed-letter.ts';
import { escapeHeading, escapeMarkdown } from './markdown-text.ts';

/** The file's full text; the same inputs always give the same bytes. */
export function toMarkdown(determination: Determination, letter: ParsedLetter): string {
  // Strings a YAML 1.1 reader would take for a date or a number are quoted, and an item or citation
  // the letter repeats is written out again, never as an alias (src/lib/files/yaml.ts).
  return `---\n${stringifyYaml(determination)}---\n\n${toBody(letter)}`;
}

export function toBody(letter: ParsedLetter): string {
  const out: string[] = [];
  for (const section of letter.sections) {
    out.push(sectionHeadingLine(section.heading), ...section.paragraphs.map(escapeMarkdown));
  }
  letter.items.forEach((item, i) => {
    out.push(itemHeadingLine(i + 1, escapeHeading(item.request)));
    out.push(outcomeLine(item.outcome));
    if (item.claimsAdministrator !== undefined)
      out.push(escapeMarkdown(labelledLine(CLAIMS_ADMINISTRATOR_LABEL, item.claimsAdministrator)));
    if (item.reviewer !== undefined) out.push(escapeMarkdown(labelledLine(reviewerLabel(letter.format), item.reviewer)));
    item.rationale.forEach((p, k) => out.push(escapeMarkdown(k === 0 ? labelledLine(RATIONALE_LABEL, p) : p)));
  });
  return out.join('\n\n') + '\n';
}
