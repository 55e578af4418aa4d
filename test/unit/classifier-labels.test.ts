// The classifier against the hand-labelled sample: test/fixtures/item-labels.tsv gives, for each
// of the 341 disputed items of content/determinations/, the treatment type and body regions a
// person chose by reading its request (not by running these rules). Every treatment and region
// page counts items by these fields, so their agreement is the figure docs/letters.md states.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCatalogue } from '../../src/data/files/load-catalogue.ts';
import { classifyRegions, classifyTreatment } from '../../scripts/import/classify-treatment.ts';
import { readDeterminations } from '../support/fixture-corpus.ts';

const repo = join(import.meta.dirname, '../..');
const catalogue = loadCatalogue(join(repo, 'content'));
const [header, ...rows] = readFileSync(join(repo, 'test/fixtures/item-labels.tsv'), 'utf8').trimEnd().split('\n');
const labels = rows.map((line) => {
  const [id, item, type, regions, request] = line.split('\t') as [string, string, string, string, string];
  return { id, item: Number(item), type, regions: regions === '-' ? [] : regions.split(','), request };
});

/** Share of labels the classifier agrees with, and the ones it does not. */
function agreement<T>(label: (l: (typeof labels)[number]) => T, classify: (request: string) => T) {
  const wrong = labels.filter((l) => JSON.stringify(classify(l.request)) !== JSON.stringify(label(l)));
  return { share: 1 - wrong.length / labels.length, wrong: wrong.map((l) => `${l.id}#${l.item} ${l.request}`) };
}

describe('the classifier on the hand-labelled sample items', () => {
  test('labels every item of the sample content, request as written', () => {
    expect(header).toBe('id\titem\ttype\tregions\trequest');
    const items = readDeterminations(join(repo, 'content/determinations')).flatMap((d) =>
      d.items.map((it, i) => `${d.id}#${i + 1} ${it.request.replace(/\s+/g, ' ')}`),
    );
    expect(labels.map((l) => `${l.id}#${l.item} ${l.request}`).sort()).toEqual(items.sort());
    const types = new Set(catalogue.taxonomy.types.map((t) => t.slug));
    const regions = new Set(catalogue.regions.map((r) => r.slug));
    expect(labels.filter((l) => !types.has(l.type) || l.regions.some((r) => !regions.has(r)))).toEqual([]);
  });

  test('treatment type agrees on at least 98 % (docs/letters.md: 341 of 341)', () => {
    const { share, wrong } = agreement(
      (l) => l.type,
      (r) => classifyTreatment(r, catalogue.taxonomy),
    );
    expect(wrong).toEqual([]);
    expect(share).toBeGreaterThanOrEqual(0.98);
  });

  test('body regions agree on at least 97 % (docs/letters.md: 339 of 341)', () => {
    const { share, wrong } = agreement(
      (l) => l.regions,
      (r) => classifyRegions(r, catalogue.regions),
    );
    // The two it reads otherwise: a hip pad (the labeller: a device, no region) and the
    // trapezius (the labeller: no region; the catalogue: the shoulder).
    expect(wrong).toEqual(['CM17-0014449#4 Associated surgical service: Hip pad', expect.stringContaining('left trapezius')]);
    expect(share).toBeGreaterThanOrEqual(0.97);
  });
});
