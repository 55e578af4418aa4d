// A treatment type of the taxonomy in content/treatments.yml.
// Adding a type is adding an entry; match rules live in the data, not in code.
import { z } from 'zod';
import { Slug, Text } from './vocab.ts';

export const TreatmentTypeSchema = z.strictObject({
  /** URL slug ("tens-ems-unit"). */
  slug: Slug,
  /** Name a practitioner would use ("TENS / EMS units"). */
  label: Text,
  /** Grouping on the treatments page ("Medications", "Imaging", ...). */
  group: Text,
  /** Case-insensitive regular expressions tried against the item's request; any match classifies. */
  match: z.array(z.string().min(1)).default([]),
  /** Regular expressions that veto this type even when `match` hits. */
  exclude: z.array(z.string().min(1)).default([]),
});
export type TreatmentType = z.output<typeof TreatmentTypeSchema>;

/** The whole taxonomy file: types are tried in file order, first match wins; `fallback` names the "other" type. */
export const TreatmentTaxonomySchema = z.strictObject({
  fallback: Slug,
  types: z.array(TreatmentTypeSchema).min(1),
});
export type TreatmentTaxonomy = z.output<typeof TreatmentTaxonomySchema>;
