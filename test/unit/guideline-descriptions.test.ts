// The guideline catalogue as readers see it: descriptions say what each guideline is, not how the
// catalogue was made; how sure a page range is lives in the data, and a "cited" range names
// letters of the corpus that really cite one of its pages.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadCatalogue } from '../../src/data/files/load-catalogue.ts';

const content = fileURLToPath(new URL('../../content', import.meta.url));
const { guidelines } = loadCatalogue(content);

/** A letter's text by id, spaces collapsed (lines wrap anywhere). */
function letterText(id: string): string | undefined {
  const root = join(content, 'determinations');
  for (const year of readdirSync(root)) {
    const file = join(root, year, `${id}.md`);
    try {
      return readFileSync(file, 'utf8').replace(/\s+/g, ' ');
    } catch {
      continue;
    }
  }
  return undefined;
}

describe('guideline descriptions', () => {
  test('every guideline has one', () => {
    for (const g of guidelines) expect(g.description.length, g.slug).toBeGreaterThan(40);
  });

  test('speak to readers, not of the brief, of memory, of the sample set or of how sure the catalogue is', () => {
    const notes = /\bbrief\b|from memory|sample set|less certain|reliable|approximate|catalogue|page ranges? (?:below|are)|in the sample/i;
    for (const g of guidelines) expect(g.description, g.slug).not.toMatch(notes);
  });

  test('give the regulation and effective date of the MTUS guidelines adopted by section', () => {
    const text = (slug: string) => guidelines.find((g) => g.slug === slug)?.description ?? '';
    expect(text('mtus-chronic-pain-2009')).toMatch(/§ ?9792\.24\.2.*July 18, 2009/);
    expect(text('mtus-acupuncture-2007')).toMatch(/§ ?9792\.24\.1/);
    expect(text('mtus-postsurgical-2009')).toMatch(/§ ?9792\.24\.3/);
    expect(text('mtus-opioid-2016')).toMatch(/§ ?9792\.24\.4.*July 28, 2016/);
  });
});

describe('page ranges', () => {
  const ranges = guidelines.flatMap((g) => g.sections.filter((s) => s.pages.length > 0).map((s) => ({ slug: g.slug, ...s })));

  test('each says how sure it is; most are still unverified', () => {
    expect(ranges.length).toBeGreaterThan(50);
    for (const r of ranges) expect(['cited', 'unverified'], `${r.slug} ${r.name}`).toContain(r.certainty);
    expect(ranges.filter((r) => r.certainty === 'cited').map((r) => `${r.slug} ${r.name}`)).toEqual([
      'mtus-chronic-pain-2009 Neuromuscular electrical stimulation (NMES devices)',
      'mtus-forearm-wrist-hand-2004 Special Studies',
      'mtus-low-back-2004 Summary',
      'mtus-shoulder-2004 Summary',
    ]);
  });

  test('a cited one names letters of the corpus that cite one of its pages', () => {
    for (const r of ranges.filter((x) => x.certainty === 'cited')) {
      for (const id of r.citedIn) {
        const text = letterText(id);
        expect(text, `${r.slug} ${r.name}: no letter ${id}`).toBeDefined();
        const cites = r.pages.some((p) => new RegExp(`\\bpages?(?:\\(s\\))?:? (?:\\d+[-/–])?${p}\\b`, 'i').test(text ?? ''));
        expect(cites, `${id} cites none of pages ${r.pages.join(', ')} (${r.slug} ${r.name})`).toBe(true);
      }
    }
  });
});
