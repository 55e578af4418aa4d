// A capture group that the regex always fills when it matches (not optional, not in an
// alternation): read through here, a regex edited so that the group can be missing fails loudly.

/** Group `key` (a number or a name) of a match; throws when the regex did not fill it. */
export function group(m: RegExpMatchArray, key: number | string): string {
  const value = typeof key === 'number' ? m[key] : m.groups?.[key];
  if (value === undefined)
    throw new Error(`a match of ${String(m.input).slice(0, 60)} left group ${key} empty: the regex no longer fills it`);
  return value;
}
