// Validates one determination file's text: frontmatter against the schema, references against
// the catalogue, its place in the tree, and its body (check-body.ts).
// Returns every problem as "field: message"; the caller prefixes the path.
import { DeterminationSchema, type Determination } from '../../src/lib/schema/determination.ts';
import { describeIssues } from '../../src/lib/schema/describe-issues.ts';
import { determinationYear } from '../../src/lib/corpus/determination-year.ts';
import { FrontmatterError, parseFrontmatter } from '../../src/lib/body/frontmatter.ts';
import { checkBody } from './check-body.ts';

/** Slugs of the catalogue; undefined when the catalogue itself failed to load (reported apart). */
export interface KnownSlugs {
  guidelines?: ReadonlySet<string>;
  treatments?: ReadonlySet<string>;
  regions?: ReadonlySet<string>;
}

export interface FileCheck {
  problems: string[];
  determination?: Determination;
}

/** `relativePath` is the path below the determinations folder, e.g. "2016/CM16-0213037.md". */
export function checkDetermination(relativePath: string, text: string, known: KnownSlugs): FileCheck {
  let file;
  try {
    file = parseFrontmatter(text);
  } catch (error) {
    if (!(error instanceof FrontmatterError)) throw error;
    return { problems: [`(frontmatter): ${error.message}`] };
  }
  const parsed = DeterminationSchema.safeParse(file.data, { reportInput: true });
  const problems = parsed.success ? [] : describeIssues(parsed.error.issues);
  // Report body problems by line of the whole file, as an editor shows it.
  const bodyStart = text.split('\n').length - file.body.split('\n').length;
  problems.push(...checkBody(file.body, bodyStart, parsed.success ? parsed.data : undefined));
  if (!parsed.success) return { problems };

  const d = parsed.data;
  d.items.forEach((item, i) => {
    if (known.treatments && !known.treatments.has(item.treatmentType))
      problems.push(`items.${i}.treatmentType: unknown treatment type "${item.treatmentType}" (not in treatments.yml)`);
    item.bodyRegions.forEach((region, k) => {
      if (known.regions && !known.regions.has(region))
        problems.push(`items.${i}.bodyRegions.${k}: unknown body region "${region}" (not in body-regions.yml)`);
    });
    for (const side of ['claimsAdministrator', 'reviewer'] as const) {
      item.citations[side].forEach((c, k) => {
        if (known.guidelines && !known.guidelines.has(c.guideline))
          problems.push(
            `items.${i}.citations.${side}.${k}.guideline: unknown guideline "${c.guideline}" (no guidelines/${c.guideline}.yml)`,
          );
      });
    }
  });
  const expected = `${determinationYear(d)}/${d.id}.md`;
  if (relativePath !== expected) problems.push(`id: file is at "${relativePath}" but id ${d.id} and its dates put it at "${expected}"`);
  return { problems, determination: d };
}
