import type { Determination, Item } from '../schema/index.ts';

/** One disputed item with the facts of its determination that lists and links need. */
export interface ItemRef {
  /** Determination id: the URL key of `/determinations/<id>/`. */
  determinationId: string;
  /** IMR case number, when the letter shows one. */
  caseNumber: string | null;
  /** Decision date (ISO), when known. */
  decided: string | undefined;
  /** 1-based position in the letter; the page anchor is `#item-<number>`. */
  number: number;
  item: Item;
}

/** All disputed items of the corpus, in the order of the determinations given, then letter order. */
export function flattenItems(determinations: readonly Determination[]): ItemRef[] {
  return determinations.flatMap((d) =>
    d.items.map((item, i) => ({
      determinationId: d.id,
      caseNumber: d.caseNumber,
      decided: d.dates.decided,
      number: i + 1,
      item,
    })),
  );
}
