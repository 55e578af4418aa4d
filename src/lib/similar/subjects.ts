// What the ranking and the cohort figures need of each item, with the group keys precomputed.
// Letters repeat themselves (the same request, the same reviewer citation), so the terms of a
// request and the groups of a (type, reviewer citations) pair are worked out once and shared:
// at 100,000 letters that is most of this stage's time and garbage.
import { reviewerBases, targetId, type ReviewerBasis } from '../catalogue/reviewer-basis.ts';
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
  /**
   * The groups its "before this decision" figure may count, narrowest kind first: each reviewer
   * section (or page), else each reviewer guideline, else the type. The figure counts the one
   * with the most earlier items (cohort-counts.ts).
   */
  cohorts: readonly string[];
}

export const typeGroup = (type: string) => `type ${type}`;
export const sectionGroup = (type: string, target: string) => `section ${type} ${target}`;
export const guidelineGroup = (type: string, guideline: string) => `guideline ${type} ${guideline}`;

/**
 * The lists an item's figure may count, in the reviewer's order: its reviewer sections, else its
 * reviewer guidelines, else its type (cohortScope in precedents.ts names the same lists).
 */
export function cohortGroups(type: string, basis: ReviewerBasis): string[] {
  if (basis.targets.length > 0) return basis.targets.map((t) => sectionGroup(type, targetId(t)));
  if (basis.guidelines.length > 0) return basis.guidelines.map((g) => guidelineGroup(type, g));
  return [typeGroup(type)];
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
      groups = { targets, typeGroup: typeGroup(type), sectionGroups, groups: all, cohorts: cohortGroups(type, basis) };
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
