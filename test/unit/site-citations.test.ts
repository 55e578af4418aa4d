import { describe, expect, test } from 'vitest';
import { citationDate } from '../../src/lib/format/citation-line.ts';
import { citationLine } from '../../src/lib/format/citation-line.ts';
import { citationTargets } from '../../src/lib/catalogue/citation-targets.ts';
import { formatDate } from '../../src/lib/format/format-date.ts';
import { formatPages } from '../../src/lib/format/format-pages.ts';
import { reviewerLabel } from '../../src/lib/schema/body-vocab.ts';
import type { Determination, Guideline } from '../../src/lib/schema/index.ts';
import { fixtureDeterminations, fixtureGuidelines } from '../support/fixture-corpus.ts';

const determinations = fixtureDeterminations();
const byId = (id: string) => determinations.find((d) => d.id === id) as Determination;
const chronicPain = fixtureGuidelines().find((g) => g.slug === 'mtus-chronic-pain-2009') as Guideline;

describe('citationLine', () => {
  test('names the case, the decision date, the item and its outcome', () => {
    expect(citationLine(byId('CM16-0213037'), 1)).toBe(
      'IMR Final Determination CM16-0213037 (Dec. 9, 2016), item 1: MRI of the right shoulder without contrast — Upheld',
    );
    expect(citationLine(byId('CM17-0012345'), 1)).toBe(
      'IMR Final Determination CM17-0012345 (Feb. 3, 2017), item 1: TENS unit rental for 30 days — Overturned',
    );
    expect(citationLine(byId('CM17-0012345'), 2)).toBe(
      'IMR Final Determination CM17-0012345 (Feb. 3, 2017), item 2: Lumbar support brace — Upheld',
    );
  });

  test('falls back to the id without a case number and says "undated" without a decision date', () => {
    const d = { ...byId('CM16-0213037'), id: 'imr-0123456789abcdef', caseNumber: null, dates: {} };
    expect(citationLine(d, 2)).toBe(
      'IMR Final Determination imr-0123456789abcdef (undated), item 2: MRI of the cervical spine without contrast — Upheld',
    );
  });

  test('refuses an item number the letter does not have', () => {
    expect(() => citationLine(byId('CM14-0123456'), 2)).toThrow('CM14-0123456 has no item 2');
  });
});

describe('dates', () => {
  test('a citation abbreviates months the way legal citations do', () => {
    expect(citationDate('2016-12-09')).toBe('Dec. 9, 2016');
    expect(citationDate('2015-09-30')).toBe('Sept. 30, 2015');
    expect(citationDate('2014-06-01')).toBe('June 1, 2014');
    expect(citationDate('2014-05-01')).toBe('May 1, 2014');
  });

  test('pages spell the month out, on the calendar day written whatever the time zone', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(formatDate('2016-12-09')).toBe('December 9, 2016');
      expect(formatDate('2017-01-01')).toBe('January 1, 2017');
    } finally {
      process.env.TZ = zone;
    }
  });
});

describe('citationTargets', () => {
  test('a citation by page belongs to one section page per page, named with the catalogue topic', () => {
    const citation = { guideline: 'mtus-chronic-pain-2009', pages: [121], text: 'Page(s): 121.' };
    expect(citationTargets(citation, chronicPain)).toEqual([
      {
        guideline: 'mtus-chronic-pain-2009',
        key: 'page-121',
        title: 'Page 121',
        topic: 'NMES (neuromuscular electrical stimulation devices)',
        page: 121,
        pages: [121],
        certainty: 'cited',
      },
    ]);
    const range = citationTargets({ guideline: 'mtus-chronic-pain-2009', pages: [78, 79, 80, 79], text: 'Page(s): 78-80.' }, chronicPain);
    expect(range.map((t) => t.key)).toEqual(['page-78', 'page-79', 'page-80']);
  });

  test('a citation naming a section and its pages belongs to the section and to each page', () => {
    // The 2014 letter's "Neuromuscular electrical stimulation (NMES devices) Page(s): 121": a user
    // asking how IMR ruled under page 121 finds it on the page-121 page too.
    const citation = {
      guideline: 'mtus-chronic-pain-2009',
      section: 'Neuromuscular electrical stimulation (NMES devices)',
      pages: [121],
      text: 'MTUS Neuromuscular electrical stimulation (NMES devices) Page(s): 121.',
    };
    expect(citationTargets(citation, chronicPain).map((t) => [t.key, t.title])).toEqual([
      ['nmes-neuromuscular-electrical-stimulation-devices', 'NMES (neuromuscular electrical stimulation devices)'],
      ['page-121', 'Page 121'],
    ]);
  });

  test('a page no catalogue topic covers still has its page, without a topic', () => {
    expect(citationTargets({ guideline: 'mtus-chronic-pain-2009', pages: [3], text: 'p. 3' }, chronicPain)[0]?.topic).toBeUndefined();
    expect(citationTargets({ guideline: 'unknown', pages: [3], text: 'p. 3' }, undefined)[0]?.key).toBe('page-3');
  });

  test('a cited section resolves to the catalogue name through its aliases, ignoring case and spacing', () => {
    const [target] = citationTargets({ guideline: 'mtus-chronic-pain-2009', section: '  tens,   CHRONIC pain ', text: '…' }, chronicPain);
    expect(target).toMatchObject({
      key: 'tens-chronic-pain-transcutaneous-electrical-nerve-stimulation',
      title: 'TENS, chronic pain (transcutaneous electrical nerve stimulation)',
      pages: [114, 115, 116],
    });
  });

  test('carry how sure the catalogue is of the pages: a letter cites them, or they are unverified', () => {
    const page = (n: number) =>
      citationTargets({ guideline: 'mtus-chronic-pain-2009', pages: [n], text: `p. ${n}` }, chronicPain)[0]?.certainty;
    expect(page(121)).toBe('cited');
    expect(page(115)).toBe('unverified');
    expect(page(3)).toBeUndefined();
    const [tens] = citationTargets({ guideline: 'mtus-chronic-pain-2009', section: 'TENS, chronic pain', text: '…' }, chronicPain);
    expect(tens?.certainty).toBe('unverified');
  });

  test('a section the catalogue lacks keeps its cited name', () => {
    expect(citationTargets({ guideline: 'mtus-chronic-pain-2009', section: 'Aquatic  therapy', text: '…' }, chronicPain)).toEqual([
      {
        guideline: 'mtus-chronic-pain-2009',
        key: 'aquatic-therapy',
        title: 'Aquatic therapy',
        topic: undefined,
        page: undefined,
        pages: [],
        certainty: undefined,
      },
    ]);
  });

  test('a citation with a section and pages has the section first, and one with neither has no section page', () => {
    const both = citationTargets(
      { guideline: 'mtus-chronic-pain-2009', section: 'Physical Medicine', pages: [98, 99], text: '…' },
      chronicPain,
    );
    expect(both.map((t) => t.key)).toEqual(['physical-medicine', 'page-98', 'page-99']);
    expect(citationTargets({ guideline: 'mtus-chronic-pain-2009', text: 'Decision based on MTUS.' }, chronicPain)).toEqual([]);
  });
});

describe('reviewerLabel', () => {
  test('uses the letter layout’s own words for the reviewer’s guideline line', () => {
    expect(reviewerLabel('imr-2016')).toBe('MAXIMUS guideline');
    expect(reviewerLabel('imr-2014')).toBe('MAXIMUS guideline');
    expect(reviewerLabel('notice-2013')).toBe('Medical Treatment Guideline(s) used by the Expert Reviewer');
    expect(reviewerLabel('medical-professional-review')).toBe('Medical treatment guideline(s) relied upon by the professional reviewer');
  });
});

describe('formatPages', () => {
  test('names one page "p." and several "pp.", folding runs', () => {
    expect(formatPages([121])).toBe('p. 121');
    expect(formatPages([116, 114, 115])).toBe('pp. 114–116');
    expect(formatPages([78, 79, 80, 96, 98, 99])).toBe('pp. 78–80, 96, 98–99');
    expect(formatPages([116, 127])).toBe('pp. 116, 127');
    expect(formatPages([])).toBe('');
  });
});
