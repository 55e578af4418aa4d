// The site fixture corpus read without Astro (the frontmatter reader + the zod schemas), for unit tests of
// the helpers that pages feed with collection data.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BodyRegionCatalogueSchema,
  DeterminationSchema,
  GuidelineSchema,
  TreatmentTaxonomySchema,
  type BodyRegion,
  type Determination,
  type Guideline,
  type TreatmentTaxonomy,
} from '../../src/lib/schema/index.ts';
import { parseFrontmatter } from '../../src/lib/body/frontmatter.ts';
import { parseYaml } from '../../src/lib/files/yaml.ts';

export const FIXTURE_CORPUS = join(import.meta.dirname, '../fixtures/site');

export function fixtureDeterminations(): Determination[] {
  return readDeterminations(join(FIXTURE_CORPUS, 'determinations'));
}

/** Every determination of a determinations folder (<year>/<id>.md), in file-name order. */
export function readDeterminations(dir: string): Determination[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => DeterminationSchema.parse(parseFrontmatter(readFileSync(join(dir, f), 'utf8')).data));
}

export function fixtureGuidelines(): Guideline[] {
  const dir = join(FIXTURE_CORPUS, 'guidelines');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yml'))
    .sort()
    .map((f) => GuidelineSchema.parse(parseYaml(readFileSync(join(dir, f), 'utf8'), 'a catalogue file')));
}

export function fixtureTaxonomy(): TreatmentTaxonomy {
  return TreatmentTaxonomySchema.parse(parseYaml(readFileSync(join(FIXTURE_CORPUS, 'treatments.yml'), 'utf8'), 'a catalogue file'));
}

/** The fixture's body regions, in file order. */
export function fixtureRegions(): BodyRegion[] {
  return BodyRegionCatalogueSchema.parse(parseYaml(readFileSync(join(FIXTURE_CORPUS, 'body-regions.yml'), 'utf8'), 'a catalogue file'))
    .regions;
}
