// "Earlier determinations like this one": the ranking and the "before this decision" figures,
// on hand-made letters (each ranking rule alone) and on the 148 sample letters in content/
// (the rules hold for every item of a real corpus).
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCatalogue } from '../../src/data/files/load-catalogue.ts';
import { reviewerBasis, targetId } from '../../src/lib/catalogue/reviewer-basis.ts';
import { flattenItems, type ItemRef } from '../../src/lib/corpus/flatten-items.ts';
import { sortByDecided } from '../../src/lib/corpus/sort-by-decided.ts';
import { findPrecedents, type ItemPrecedents } from '../../src/lib/similar/precedents.ts';
import { requestTerms } from '../../src/lib/similar/request-terms.ts';
import type { Determination, Outcome } from '../../src/lib/schema/index.ts';
import { fixtureDeterminations, fixtureGuidelines, readDeterminations } from '../support/fixture-corpus.ts';

const guidelines = fixtureGuidelines();
const template = fixtureDeterminations().find((d) => d.id === 'CM16-0213037')!;

/** A letter like the MRI sample, with its own id, date, diagnoses and items. */
function letter(
  id: string,
  decided: string | undefined,
  items: { request: string; type?: string; section?: string; guideline?: string; outcome?: Outcome }[],
  diagnoses = ['lumbar radiculopathy'],
): Determination {
  return {
    ...structuredClone(template),
    id,
    caseNumber: id,
    dates: decided ? { decided } : {},
    diagnoses,
    items: items.map((i) => ({
      request: i.request,
      outcome: i.outcome ?? 'upheld',
      treatmentType: i.type ?? 'mri',
      bodyRegions: [],
      citations: {
        claimsAdministrator: [],
        reviewer: [
          {
            guideline: i.guideline ?? 'mtus-neck-upper-back-2004',
            ...(i.section ? { section: i.section } : {}),
            text: 'Decision based on the guideline.',
          },
        ],
      },
    })),
  };
}

/** The precedents of every letter, from letters given in any order. */
function precedentsOf(letters: Determination[]) {
  const determinations = sortByDecided(letters);
  const items = flattenItems(determinations);
  const found = findPrecedents(items, determinations, guidelines);
  return { items, of: (id: string) => found.of(id), shownBy: (id: string) => found.shownBy(id) };
}
const matchIds = (p: ItemPrecedents) => p.matches.map((m) => `${m.ref.determinationId}#${m.ref.number}`);

describe('requestTerms', () => {
  test('keeps the words that say what was asked, in one spelling', () => {
    expect(requestTerms('MRI of the lumbosacral spine without contrast')).toEqual(['contrast', 'lumbar', 'mri', 'spine', 'without']);
    expect(requestTerms('Physical therapy 2 times a week for 6 weeks (12 sessions)')).toEqual(['physical', 'session', 'therapy']);
    expect(requestTerms('Norco 10/325mg #60')).toEqual(['325mg', 'norco']);
  });
});

describe('earlier determinations like this one', () => {
  const SS = 'Special Studies';
  const subject = letter('CM17-0000100', '2017-03-01', [
    { request: 'MRI of the lumbar spine', section: SS },
    { request: 'MRI of the lumbar spine without contrast', section: SS },
  ]);
  const letters = [
    subject,
    letter('CM17-0000001', '2017-02-01', [{ request: 'MRI lumbar spine', section: SS }]),
    letter('CM17-0000002', '2017-02-15', [{ request: 'MRI of the cervical spine', section: SS }]),
    // Same request word for word, but the reviewer cited another section.
    letter('CM17-0000003', '2017-02-20', [{ request: 'MRI of the lumbar spine', guideline: 'odg-pain' }]),
    letter('CM17-0000004', '2017-04-01', [{ request: 'MRI of the lumbar spine', section: SS }]),
    letter('CM17-0000005', '2017-02-10', [{ request: 'X-ray of the lumbar spine', type: 'x-ray', section: SS }]),
    letter('CM17-0000006', '2017-03-01', [{ request: 'MRI of the lumbar spine', section: SS }]),
    letter('CM17-0000007', undefined, [{ request: 'MRI of the lumbar spine', section: SS }]),
  ];
  const first = precedentsOf(letters).of('CM17-0000100')[0]!;

  test('lists only items decided on or before the letter, never a later or undated one', () => {
    expect(matchIds(first)).not.toContain('CM17-0000004#1');
    expect(matchIds(first)).not.toContain('CM17-0000007#1');
    // The same day counts as "on or before".
    expect(matchIds(first)).toContain('CM17-0000006#1');
  });

  test('never lists an item of the letter itself, nor one of another treatment type', () => {
    expect(matchIds(first).filter((id) => id.startsWith('CM17-0000100'))).toEqual([]);
    expect(matchIds(first)).not.toContain('CM17-0000005#1');
  });

  test('ranks the same reviewer section first, then the closer request, then the newer', () => {
    // 6: same section, same request; 1: same section, request 3 of 3 words; 2: same section,
    // "cervical"; 3: the same request under another section comes after every shared section.
    expect(matchIds(first)).toEqual(['CM17-0000006#1', 'CM17-0000001#1', 'CM17-0000002#1', 'CM17-0000003#1']);
    expect(first.matches[0]!.shared.map((t) => t.title)).toEqual([SS]);
    expect(first.matches[3]!.shared).toEqual([]);
  });

  test('gives the same lists whatever order the letters come in, and breaks full ties by the newer letter', () => {
    const twins = [
      letter('CM17-0000011', '2017-02-01', [{ request: 'MRI of the lumbar spine', section: SS }]),
      letter('CM17-0000012', '2017-02-01', [{ request: 'MRI of the lumbar spine', section: SS }]),
      letter('CM17-0000013', '2017-01-05', [{ request: 'MRI of the lumbar spine', section: SS }]),
    ];
    const forward = precedentsOf([subject, ...twins])
      .of('CM17-0000100')
      .map(matchIds);
    const backward = precedentsOf([...twins].reverse().concat(subject))
      .of('CM17-0000100')
      .map(matchIds);
    expect(forward).toEqual(backward);
    expect(forward[0]).toEqual(['CM17-0000012#1', 'CM17-0000011#1', 'CM17-0000013#1']);
  });

  test('counts the cohort as of the decision: earlier items of the type under the same section, other letters only', () => {
    // 1, 2 and 6 (same type and section, on or before, other letters); not 3 (other section),
    // 4 (later), 5 (other type), 7 (undated), nor the letter's own second item.
    expect(first.cohort).toMatchObject({
      kind: 'section',
      treatmentType: 'mri',
      section: { guideline: 'mtus-neck-upper-back-2004', key: 'special-studies' },
    });
    expect(first.counts).toEqual({ total: 3, upheld: 3, overturned: 0 });
  });

  test('counts, of the sections the reviewer cites, the one with the most earlier items', () => {
    // The reviewer cites "Diagnostic Criteria, Special Studies": one earlier item shares the first,
    // three the second, so the figure is of Special Studies whatever order the letter cites them in.
    const twoSections = (id: string, sections: string[]) => {
      const d = letter(id, '2017-03-01', [{ request: 'MRI of the lumbar spine' }]);
      d.items[0]!.citations.reviewer = sections.map((section) => ({ guideline: 'mtus-neck-upper-back-2004', section, text: '…' }));
      return d;
    };
    const earlier = [
      letter('CM17-0000021', '2017-01-02', [{ request: 'MRI of the lumbar spine', section: 'Diagnostic Criteria' }]),
      letter('CM17-0000022', '2017-01-03', [{ request: 'MRI', section: SS }]),
      letter('CM17-0000023', '2017-01-04', [{ request: 'MRI', section: SS, outcome: 'overturned' }]),
      letter('CM17-0000024', '2017-01-05', [{ request: 'MRI', section: SS }]),
    ];
    for (const order of [
      ['Diagnostic Criteria', SS],
      [SS, 'Diagnostic Criteria'],
    ]) {
      const [p] = precedentsOf([...earlier, twoSections('CM17-0000120', order)]).of('CM17-0000120');
      expect(p!.cohort).toMatchObject({ kind: 'section', section: { key: 'special-studies' } });
      expect(p!.counts).toEqual({ total: 3, upheld: 2, overturned: 1 });
    }
    // Equal lists: the first the reviewer cites, in either order.
    for (const order of [
      ['Diagnostic Criteria', SS],
      [SS, 'Diagnostic Criteria'],
    ]) {
      const [tie] = precedentsOf([...earlier.slice(0, 2), twoSections('CM17-0000121', order)]).of('CM17-0000121');
      expect(tie!.cohort).toMatchObject({ kind: 'section', section: { title: order[0] } });
    }
  });

  test('without a cited section, counts the reviewer guideline with the most earlier items', () => {
    const twoGuidelines = letter('CM17-0000130', '2017-03-01', [{ request: 'MRI of the lumbar spine' }]);
    twoGuidelines.items[0]!.citations.reviewer = ['mtus-neck-upper-back-2004', 'mtus-low-back-2004'].map((guideline) => ({
      guideline,
      text: '…',
    }));
    const earlier = [
      letter('CM17-0000031', '2017-01-02', [{ request: 'MRI', guideline: 'mtus-neck-upper-back-2004' }]),
      letter('CM17-0000032', '2017-01-03', [{ request: 'MRI', guideline: 'mtus-low-back-2004' }]),
      letter('CM17-0000033', '2017-01-04', [{ request: 'MRI', guideline: 'mtus-low-back-2004' }]),
    ];
    const [p] = precedentsOf([...earlier, twoGuidelines]).of('CM17-0000130');
    expect(p!.cohort).toEqual({ kind: 'guideline', treatmentType: 'mri', guideline: 'mtus-low-back-2004' });
    expect(p!.counts.total).toBe(2);
  });

  test('the page’s key changes when the figure’s list does, even at the same count', () => {
    // The same earlier letters, ids and dates; only the section one of them cites differs, so the
    // subject's figure is 2 items either way, of Special Studies in one corpus and Diagnostic
    // Criteria in the other.
    const corpus = (secondSection: string) => [
      letter('CM17-0000041', '2017-01-02', [{ request: 'MRI', section: 'Diagnostic Criteria' }]),
      letter('CM17-0000042', '2017-01-03', [{ request: 'MRI', section: secondSection }]),
      letter('CM17-0000043', '2017-01-04', [{ request: 'MRI', section: SS }]),
      (() => {
        const d = letter('CM17-0000140', '2017-03-01', [{ request: 'MRI of the lumbar spine' }]);
        d.items[0]!.citations.reviewer = ['Diagnostic Criteria', SS].map((section) => ({
          guideline: 'mtus-neck-upper-back-2004',
          section,
          text: '…',
        }));
        return d;
      })(),
    ];
    const bySS = precedentsOf(corpus(SS));
    const byDC = precedentsOf(corpus('Diagnostic Criteria'));
    expect(bySS.of('CM17-0000140')[0]!.counts).toEqual(byDC.of('CM17-0000140')[0]!.counts);
    expect(bySS.shownBy('CM17-0000140').ids).toEqual(byDC.shownBy('CM17-0000140').ids);
    expect(bySS.shownBy('CM17-0000140').figures).not.toBe(byDC.shownBy('CM17-0000140').figures);
  });

  test('says nothing is earlier than a letter without a decision date', () => {
    const undated = precedentsOf(letters).of('CM17-0000007')[0]!;
    expect(undated.dated).toBe(false);
    expect(undated.matches).toEqual([]);
  });
});

describe('earlier determinations over the 148 sample letters', () => {
  const content = join(import.meta.dirname, '../../content');
  const catalogue = loadCatalogue(content);
  const all = sortByDecided(readDeterminations(join(content, 'determinations')));
  const items = flattenItems(all);
  const found = findPrecedents(items, all, catalogue.guidelines);
  const bySlug = new Map(catalogue.guidelines.map((g) => [g.slug, g]));
  const sections = (ref: ItemRef) => reviewerBasis(ref.item, bySlug).targets.map(targetId);

  test('every match is an earlier (or same-day) item of another letter and the same type, sharing sections first', () => {
    let shown = 0;
    for (const ref of items) {
      const p = found.of(ref.determinationId)[ref.number - 1]!;
      const shares = p.matches.map((m) => sections(m.ref).some((s) => sections(ref).includes(s)));
      expect(shares).toEqual([...shares].sort((a, b) => Number(b) - Number(a)));
      for (const m of p.matches) {
        expect(m.ref.decided! <= ref.decided!, `${ref.determinationId} shows later ${m.ref.determinationId}`).toBe(true);
        expect(m.ref.determinationId).not.toBe(ref.determinationId);
        expect(m.ref.item.treatmentType).toBe(ref.item.treatmentType);
      }
      shown += p.matches.length;
    }
    expect(shown).toBeGreaterThan(items.length * 2);
  });

  test('adding newer letters changes no earlier letter’s list or figures', () => {
    const lastDay = all[0]!.dates.decided!;
    const before = all.filter((d) => d.dates.decided && d.dates.decided < lastDay);
    const older = findPrecedents(flattenItems(before), before, catalogue.guidelines);
    expect(before.length).toBeLessThan(all.length);
    for (const d of before) expect(found.shownBy(d.id), d.id).toEqual(older.shownBy(d.id));
  });

  test('counts each figure as a full scan of the earlier items of its list would', () => {
    for (const ref of items.filter((r) => r.decided)) {
      const p = found.of(ref.determinationId)[ref.number - 1]!;
      const inList = (other: ItemRef) => {
        if (other.item.treatmentType !== ref.item.treatmentType) return false;
        const basis = reviewerBasis(other.item, bySlug);
        if (p.cohort.kind === 'section')
          return basis.targets.some((t) => targetId(t) === targetId((p.cohort as { section: { guideline: string; key: string } }).section));
        if (p.cohort.kind === 'guideline') return basis.guidelines.includes(p.cohort.guideline);
        return true;
      };
      const before = (o: ItemRef) => o.decided && o.decided <= ref.decided! && o.determinationId !== ref.determinationId;
      const earlier = items.filter((o) => before(o) && inList(o));
      expect(p.counts, `${ref.determinationId} item ${ref.number}`).toEqual({
        total: earlier.length,
        upheld: earlier.filter((o) => o.item.outcome === 'upheld').length,
        overturned: earlier.filter((o) => o.item.outcome === 'overturned').length,
      });
      // No other section the reviewer cites has more earlier items of the type.
      for (const section of sections(ref)) {
        const there = items.filter(
          (o) => before(o) && o.item.treatmentType === ref.item.treatmentType && sections(o).includes(section),
        ).length;
        expect(there, `${ref.determinationId} item ${ref.number}: ${section}`).toBeLessThanOrEqual(p.counts.total);
      }
    }
  });
});
