// Collections only: the schemas live in src/lib/schema/ so the importer, `check` and the tests
// validate against the same definitions without the astro:content virtual module.
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { parse } from 'yaml';
import { z } from 'zod';
import { determinationLoader } from './data/determination-loader.ts';
import { contentDir } from './lib/files/content-dir.ts';
import { undoYamlDates } from './lib/body/undo-yaml-dates.ts';
import { DeterminationSchema, GuidelineSchema, TreatmentTypeSchema } from './lib/schema/index.ts';

// CORPUS_DIR switches the content folder (tests build test/fixtures/site).
const dir = contentDir();

/** content/determinations/<year>/<id>.md, frontmatter only; the entry id is the determination id. */
const determinations = defineCollection({
  loader: determinationLoader(`${dir}/determinations`),
  // Unquoted dates in frontmatter arrive as Date objects (see undoYamlDates).
  schema: z.preprocess(undoYamlDates, DeterminationSchema),
});

/** content/guidelines/<slug>.yml, one guideline per file. */
const guidelines = defineCollection({
  loader: glob({ pattern: '*.yml', base: `${dir}/guidelines`, generateId: ({ entry, data }) => (typeof data.slug === 'string' ? data.slug : entry) }),
  schema: GuidelineSchema,
});

/**
 * content/treatments.yml is one document `{fallback, types: [...]}`; each type becomes an entry
 * keyed by slug, carrying its position in the file (types are tried in file order) and whether it
 * is the fallback. The whole file is validated by `npm run check` (TreatmentTaxonomySchema).
 */
function taxonomyEntries(text: string): Record<string, Record<string, unknown>> {
  const doc: unknown = parse(text);
  const { fallback, types } = (doc ?? {}) as { fallback?: unknown; types?: unknown };
  if (!Array.isArray(types)) throw new Error('treatments.yml: expected a "types" list');
  return Object.fromEntries(
    types.map((t: Record<string, unknown>, order) => [String(t?.slug), { ...t, order, isFallback: t?.slug === fallback }]),
  );
}

const treatments = defineCollection({
  loader: file(`${dir}/treatments.yml`, { parser: taxonomyEntries }),
  schema: TreatmentTypeSchema.extend({
    /** Position in treatments.yml. */
    order: z.number().int().nonnegative(),
    /** True for the taxonomy's fallback ("other") type. */
    isFallback: z.boolean(),
  }),
});

export const collections = { determinations, guidelines, treatments };
