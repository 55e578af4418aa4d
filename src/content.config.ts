// Collections only: the schemas live in src/lib/schema/ so the importer, `check` and the tests
// validate against the same definitions without the astro:content virtual module. The catalogue
// (guidelines, treatment types) is not a collection: every stage reads it with one loader,
// src/data/files/load-catalogue.ts (src/data/corpus.ts for the pages).
import { defineCollection } from 'astro:content';
import { determinationLoader } from './data/determination-loader.ts';
import { contentDir } from './data/files/content-dir.ts';
import { DeterminationSchema } from './lib/schema/index.ts';

// CORPUS_DIR switches the content folder (tests build test/fixtures/site).
const dir = contentDir();

/** content/determinations/<year>/<id>.md, frontmatter only; the entry id is the determination id. */
const determinations = defineCollection({
  loader: determinationLoader(`${dir}/determinations`),
  schema: DeterminationSchema,
});

export const collections = { determinations };
