// Synonyms of content/synonyms.yml: names that mean the same treatment, for the search.
// Adding one is adding a name to a group, or a group; nothing in code lists them.
import { z } from 'zod';
import { Text } from './vocab.ts';

export const SynonymGroupSchema = z.strictObject({
  /** Names that mean the same ("Flexeril", "cyclobenzaprine"); one of several words counts where all its words are held. */
  names: z.array(Text).min(2),
  /** Per name, longer words it is part of that do not count as it (PT: [PTT]). */
  except: z.record(z.string(), z.array(Text).min(1)).default({}),
});
export type SynonymGroup = z.output<typeof SynonymGroupSchema>;

export const SynonymsSchema = z.strictObject({
  groups: z.array(SynonymGroupSchema),
});
