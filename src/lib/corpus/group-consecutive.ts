/**
 * Splits an already ordered list into runs sharing one key, keeping order:
 * used to put group headings into one page of a paginated, grouped list.
 *   groupConsecutive([a1, a2, b1], r => r.group) -> [{key: 'a', rows: [a1, a2]}, {key: 'b', rows: [b1]}]
 */
export function groupConsecutive<T>(rows: readonly T[], keyOf: (row: T) => string): { key: string; rows: T[] }[] {
  const runs: { key: string; rows: T[] }[] = [];
  for (const row of rows) {
    const key = keyOf(row);
    const last = runs.at(-1);
    if (last && last.key === key) last.rows.push(row);
    else runs.push({ key, rows: [row] });
  }
  return runs;
}
