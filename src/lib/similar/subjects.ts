// What the ranking and the cohort figures need of each item, with the group keys precomputed.
// Letters repeat themselves (the same request, the same reviewer citation), so the terms of a
// request and the groups of a (type, reviewer citations) pair are worked out once and shared: on a
// large corpus that work is most of this stage's time and garbage.
import { reviewerBases, targetId, type ReviewerBasis } from '../catalogue/reviewer-basis.ts';
import type { SectionTarget } from '../catalogue/citation-targets.ts';
import type { ItemRef } from '../corpus/flatten-items.ts';
import type { Determination, Guideline, Outcome } from '../schema/index.ts';
import { requestTerms } from './request-terms.ts';

export interface Subject {
  determinationId: string;
  number: number;
  decided: string | undefined;
  outcome: Outcome;
  /** Ids of the reviewer's cited sections (targetId). */
  targets: readonly string[];
  /** The request's terms. */
  terms: readonly string[];
  /** Terms of the letter's diagnoses. */
  context: readonly string[];
  /** Candidate group of the treatment type. */
  typeGroup: string;
  /** Candidate groups of the type × each reviewer section. */
  sectionGroups: readonly string[];
  /** Every group the item is in (type, type × section, type × guideline). */
  groups: readonly string[];
  /** The groups of its cohortScopes, in order: its figure counts the one with the most earlier items (cohort-counts.ts). */
  cohorts: readonly string[];
}

export const typeGroup = (type: string) => `type ${type}`;
export const sectionGroup = (type: string, target: string) => `section ${type} ${target}`;
export const guidelineGroup = (type: string, guideline: string) => `guideline ${type} ${guideline}`;

/** A list an item's "before this decision" figure may count. */
export type CohortScope =
  | { kind: 'section'; treatmentType: string; section: SectionTarget }
  | { kind: 'guideline'; treatmentType: string; guideline: string }
  | { kind: 'type'; treatmentType: string };

/**
 * The lists an item's figure may count, the narrowest its reviewer allows, in the reviewer's
 * order: each cited section (or page), else each cited guideline, else the type.
 */
export function cohortScopes(treatmentType: string, basis: ReviewerBasis): CohortScope[] {
  if (basis.targets.length > 0) return basis.targets.map((section) => ({ kind: 'section', treatmentType, section }));
  if (basis.guidelines.length > 0) return basis.guidelines.map((guideline) => ({ kind: 'guideline', treatmentType, guideline }));
  return [{ kind: 'type', treatmentType }];
}

/** The candidate group whose items a scope counts. */
function scopeGroup(scope: CohortScope): string {
  if (scope.kind === 'section') return sectionGroup(scope.treatmentType, targetId(scope.section));
  if (scope.kind === 'guideline') return guidelineGroup(scope.treatmentType, scope.guideline);
  return typeGroup(scope.treatmentType);
}

type Groups = Pick<Subject, 'targets' | 'typeGroup' | 'sectionGroups' | 'groups' | 'cohorts'>;

function memo<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = compute(key)));
    return value;
  };
}

export function similarSubjects(
  items: readonly ItemRef[],
  determinations: readonly Determination[],
  guidelines: readonly Guideline[],
): Subject[] {
  const basisOf = reviewerBases(guidelines);
  const terms = memo(requestTerms);
  const diagnoses = new Map(determinations.map((d) => [d.id, terms(d.diagnoses.join(' '))]));
  // Keyed by type and the (shared) basis object: items alike in both share their groups.
  const groupsOf = new Map<string, Map<ReviewerBasis, Groups>>();
  return items.map((ref) => {
    const type = ref.item.treatmentType;
    const basis = basisOf(ref.item);
    let ofType = groupsOf.get(type);
    if (!ofType) groupsOf.set(type, (ofType = new Map()));
    let groups = ofType.get(basis);
    if (!groups) {
      const targets = basis.targets.map(targetId);
      const sectionGroups = targets.map((t) => sectionGroup(type, t));
      const all = [typeGroup(type), ...sectionGroups, ...basis.guidelines.map((g) => guidelineGroup(type, g))];
      groups = { targets, typeGroup: typeGroup(type), sectionGroups, groups: all, cohorts: cohortScopes(type, basis).map(scopeGroup) };
      ofType.set(basis, groups);
    }
    return {
      determinationId: ref.determinationId,
      number: ref.number,
      decided: ref.decided,
      outcome: ref.item.outcome,
      terms: terms(ref.item.request),
      context: diagnoses.get(ref.determinationId) ?? [],
      ...groups,
    };
  });
}
