// Validates one determination file's text: frontmatter against the schema, references against
// the catalogue, its place in the tree, and a body with no raw HTML, cut by the page's own cutter
// (src/lib/body/cut-body.ts) into the required sections and one "### Item N:" part per item.
// Returns every problem as "field: message"; the caller prefixes the path.
import { remark } from 'remark';
import { visit } from 'unist-util-visit';
import { DeterminationSchema, type Determination } from '../../src/lib/schema/determination.ts';
import { REQUIRED_BODY_HEADINGS, sectionHeadingLine } from '../../src/lib/schema/body-vocab.ts';
import { cutBody } from '../../src/lib/body/cut-body.ts';
import { describeIssues } from '../../src/lib/schema/describe-issues.ts';
import { determinationYear } from '../../src/lib/corpus/determination-year.ts';
import { parseFrontmatter } from '../../src/lib/body/frontmatter.ts';
import { undoYamlDates } from '../../src/lib/body/undo-yaml-dates.ts';

/** Slugs of the catalogue; undefined when the catalogue itself failed to load (reported apart). */
export interface KnownSlugs {
  guidelines?: ReadonlySet<string>;
  treatments?: ReadonlySet<string>;
}

export interface FileCheck {
  problems: string[];
  determination?: Determination;
}

const parser = remark();

// A letter's body is headings, paragraphs and emphasis. Anything else did not come from a letter
// and could reach the page as markup or a request: raw HTML, links, images, code.
const REFUSED: Record<string, string> = {
  html: 'raw HTML is',
  link: 'a link is',
  linkReference: 'a link is',
  definition: 'a link definition is',
  image: 'an image is',
  imageReference: 'an image is',
  code: 'a code block is',
};

/** `relativePath` is the path below the determinations folder, e.g. "2016/CM16-0213037.md". */
export function checkDetermination(relativePath: string, text: string, known: KnownSlugs): FileCheck {
  let file;
  try {
    file = parseFrontmatter(text);
  } catch (error) {
    return { problems: [`(frontmatter): not valid YAML: ${firstLine((error as Error).message).replace(/:$/, '')}`] };
  }
  // Validate what the site will see: Astro's YAML reader turns an unquoted 2016-12-09 into a Date.
  const parsed = DeterminationSchema.safeParse(undoYamlDates(file.data), { reportInput: true });
  const problems = parsed.success ? [] : describeIssues(parsed.error.issues);
  // Report body problems by line of the whole file, as an editor shows it.
  const bodyStart = text.split('\n').length - file.body.split('\n').length;
  problems.push(...checkBody(file.body, bodyStart, parsed.success ? parsed.data.items.length : undefined));
  if (!parsed.success) return { problems };

  const d = parsed.data;
  d.items.forEach((item, i) => {
    if (known.treatments && !known.treatments.has(item.treatmentType)) problems.push(`items.${i}.treatmentType: unknown treatment type "${item.treatmentType}" (not in treatments.yml)`);
    for (const side of ['claimsAdministrator', 'reviewer'] as const) {
      item.citations[side].forEach((c, k) => {
        if (known.guidelines && !known.guidelines.has(c.guideline)) problems.push(`items.${i}.citations.${side}.${k}.guideline: unknown guideline "${c.guideline}" (no guidelines/${c.guideline}.yml)`);
      });
    }
  });
  const expected = `${determinationYear(d)}/${d.id}.md`;
  if (relativePath !== expected) problems.push(`id: file is at "${relativePath}" but id ${d.id} and its dates put it at "${expected}"`);
  return { problems, determination: d };
}

function checkBody(body: string, lineOffset: number, itemCount: number | undefined): string[] {
  const problems: string[] = [];
  visit(parser.parse(body), (node) => {
    const refused = REFUSED[node.type];
    if (refused) {
      const line = node.position ? node.position.start.line + lineOffset : undefined;
      const source = node.position ? body.slice(node.position.start.offset, node.position.end.offset) : node.type;
      problems.push(`body${line ? ` line ${line}` : ''}: ${refused} not allowed, got ${JSON.stringify(firstLine(source).slice(0, 60))}`);
    }
  });
  // The page trims the body before it cuts it; so does the check.
  const cut = cutBody(body.trim());
  const titles = new Set(cut.sections.map((s) => s.title));
  for (const heading of REQUIRED_BODY_HEADINGS) {
    if (!titles.has(heading)) problems.push(`body: missing heading "${sectionHeadingLine(heading)}"`);
  }
  if (itemCount === undefined) return problems;
  const numbers = cut.items.map((item) => item.n);
  if (numbers.length !== itemCount) problems.push(`body: ${numbers.length} "### Item N:" headings for ${itemCount} item${itemCount === 1 ? '' : 's'} in the frontmatter`);
  else if (numbers.some((n, i) => n !== i + 1)) problems.push(`body: "### Item N:" headings numbered ${numbers.join(', ')}; expected ${numbers.map((_, i) => i + 1).join(', ')}`);
  return problems;
}

function firstLine(s: string): string {
  return s.split('\n')[0];
}
