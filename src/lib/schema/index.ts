export * from './vocab.ts';
export * from './determination.ts';
export * from './body-vocab.ts';
export * from './guideline.ts';
export * from './treatment.ts';
export * from './body-region.ts';
export * from './synonyms.ts';
