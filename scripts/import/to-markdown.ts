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
import { stringify } from 'yaml';
import type { Determination } from '../../src/lib/schema/determination.ts';
import { CLAIMS_ADMINISTRATOR_LABEL, REVIEWER_LABEL } from '../../src/lib/body/letter-labels.ts';
import type { ParsedLetter } from './parse-letter.ts';
import { escapeHeading, escapeMarkdown } from './markdown-text.ts';

/** The file's full text; the same inputs always give the same bytes. */
export function toMarkdown(determination: Determination, letter: ParsedLetter): string {
  // YAML 1.1 quoting keeps "2016-11-09" a string for YAML 1.1 readers (src/lib/body/frontmatter.ts).
  const frontmatter = stringify(determination, { version: '1.1', lineWidth: 0 });
  return `---\n${frontmatter}---\n\n${toBody(letter)}`;
}

export function toBody(letter: ParsedLetter): string {
  const out: string[] = [];
  for (const section of letter.sections) {
    out.push(`## ${section.heading}`, ...section.paragraphs.map(escapeMarkdown));
  }
  letter.items.forEach((item, i) => {
    out.push(`### Item ${i + 1}: ${escapeHeading(item.request)}`);
    out.push(item.outcome === 'upheld' ? '**Upheld.**' : '**Overturned.**');
    if (item.claimsAdministrator !== undefined) out.push(escapeMarkdown(`${CLAIMS_ADMINISTRATOR_LABEL}: ${item.claimsAdministrator}`));
    if (item.reviewer !== undefined) out.push(escapeMarkdown(`${REVIEWER_LABEL[letter.format]}: ${item.reviewer}`));
    item.rationale.forEach((p, k) => out.push(escapeMarkdown(k === 0 ? `Decision rationale: ${p}` : p)));
  });
  return out.join('\n\n') + '\n';
}
