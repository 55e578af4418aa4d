// Classify stage: a parsed letter plus its source becomes a Determination (treatment types and
// guideline citations resolved against the catalogue), validated by the schema.
import { DeterminationSchema, type Determination } from '../../src/lib/schema/determination.ts';
import type { ParsedLetter } from './letter-shape.ts';
import type { Catalogue } from '../../src/data/files/load-catalogue.ts';
import { classifyRegions, classifyTreatment } from './classify-treatment.ts';
import { parseCitations } from './parse-citations.ts';
import { describeIssues } from '../../src/lib/schema/describe-issues.ts';
import { ParseError } from './parse-letter.ts';

export interface SourceInfo {
  file: string;
  sha256: string;
  synthetic?: boolean;
}

// The longest guideline field in the real letters is about 1,700 characters; a far longer one is
// not a citation, and bounding it keeps the citation parser's work small.
const MAX_GUIDELINE_FIELD = 6000;

export function toDetermination(letter: ParsedLetter, source: SourceInfo, catalogue: Catalogue): Determination {
  const { header } = letter;
  letter.items.forEach((item, i) => {
    for (const field of [item.claimsAdministrator, item.reviewer]) {
      if ((field?.length ?? 0) > MAX_GUIDELINE_FIELD)
        throw new ParseError(
          `malformed letter: a guideline field of item ${i + 1} is ${field!.length} characters long (a citation is under ${MAX_GUIDELINE_FIELD})`,
        );
    }
  });
  const caseNumber = header.caseNumber ?? null;
  const draft = {
    id: caseNumber ?? `imr-${letter.textHash.slice(0, 16)}`,
    caseNumber,
    dates: pickDefined({
      assigned: header.assigned,
      decided: header.decided,
      injury: header.injury,
      urDenial: header.urDenial,
      applicationReceived: header.applicationReceived,
    }),
    ...(header.priority ? { priority: header.priority } : {}),
    patient: pickDefined(letter.patient),
    reviewer: letter.reviewer,
    diagnoses: letter.diagnoses,
    items: letter.items.map((item) => ({
      request: item.request,
      outcome: item.outcome,
      treatmentType: classifyTreatment(item.request, catalogue.taxonomy),
      bodyRegions: classifyRegions(item.request, catalogue.regions),
      ...(item.modified ? { modified: item.modified } : {}),
      citations: {
        claimsAdministrator: parseCitations(item.claimsAdministrator ?? '', catalogue.guidelines),
        reviewer: parseCitations(item.reviewer ?? '', catalogue.guidelines),
      },
    })),
    source: { file: source.file, sha256: source.sha256, format: letter.format, ...(source.synthetic ? { synthetic: true } : {}) },
  };
  const parsed = DeterminationSchema.safeParse(draft, { reportInput: true });
  if (!parsed.success) throw new ParseError(`parsed letter does not fit the schema: ${describeIssues(parsed.error.issues).join('; ')}`);
  return parsed.data;
}

function pickDefined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}
