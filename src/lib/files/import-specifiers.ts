// The modules a TypeScript or JavaScript source names in its static imports and re-exports
// (`import … from './x.ts'`, `export … from`, `import './x.ts'`), for the digest of the code a
// stage runs (src/data/files/code-digest.ts). A match inside a comment only adds a module.
const SPECIFIER = /\bfrom\s*['"]([^'"\n]+)['"]|\bimport\s*['"]([^'"\n]+)['"]/g;

/** Every module specifier, in source order, without repeats. */
export function importSpecifiers(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(SPECIFIER)) found.add((m[1] ?? m[2])!);
  return [...found];
}
