import type { z } from 'zod';

/**
 * zod issues as "field.path: message" lines, the one wording `check`, the importer and the
 * catalogue loader print (modelled on Astro's content errors:
 * `items.0.outcome: expected "upheld" | "overturned", got "Uphold"`).
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)'}: ${describeIssue(issue)}`);
}

/** One issue reworded as "expected X, got Y". Parse with `{ reportInput: true }` to get the "got". */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const got = 'input' in issue && issue.input !== undefined ? show(issue.input) : undefined;
  switch (issue.code) {
    case 'invalid_type':
      return got === undefined ? `missing (expected ${issue.expected})` : `expected ${issue.expected}, got ${got}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' | ')}, got ${got}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'too_small':
      return `expected at least ${issue.minimum} ${issue.origin === 'array' ? 'item(s)' : 'character(s)'}${got ? `, got ${got}` : ''}`;
    default:
      return got === undefined ? issue.message : `${issue.message}, got ${got}`;
  }
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
