import type { z } from 'zod';

/**
 * zod issues as "field.path: message" lines, the wording `check` and the importer print
 * (modelled on Astro's content errors: `items.0.outcome: expected "upheld" | "overturned", got "Uphold"`).
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
    return `${path}: ${describeIssue(issue)}`;
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' | ')}, got ${JSON.stringify(issue.input)}`;
    case 'invalid_type':
      return issue.input === undefined ? `required ${issue.expected} is missing` : `expected ${issue.expected}, got ${JSON.stringify(issue.input)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    default:
      return issue.input === undefined ? issue.message : `${issue.message}, got ${JSON.stringify(issue.input)}`;
  }
}
