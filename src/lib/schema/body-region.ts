// A body region of the catalogue in content/body-regions.yml: what part of the body a disputed
// item's request names. Adding a region is adding an entry; match rules live in the data.
import { z } from 'zod';
import { Slug, Text } from './vocab.ts';

export const BodyRegionSchema = z.strictObject({
  /** URL slug ("lumbar-spine"). */
  slug: Slug,
  /** Name a reader would use ("Lumbar spine (low back)"). */
  label: Text,
  /** Words a search query may name the region by ("lumbar", "low back"); matched whole, any case. */
  names: z.array(Text).min(1),
  /** Case-insensitive regular expressions tried against the item's request; any match names the region. */
  match: z.array(z.string().min(1)).min(1),
  /** Regular expressions that veto this region even when `match` hits. */
  exclude: z.array(z.string().min(1)).default([]),
});
export type BodyRegion = z.output<typeof BodyRegionSchema>;

/** The whole file: every region whose rules hit is the item's; pages list them in file order. */
export const BodyRegionCatalogueSchema = z.strictObject({
  regions: z.array(BodyRegionSchema).min(1),
});
