/** The error of a page whose search index files come from two builds of the site (the site was updated while it was open). */
export const staleIndex = (shard?: string) =>
  new Error(`the search index changed while the page was open${shard ? ` (shard ${shard})` : ''}; reload the page`);
