/**
 * Printed pages as a citation names them, runs folded: [121] -> "p. 121",
 * [114, 115, 116] -> "pp. 114–116", [78, 79, 80, 96] -> "pp. 78–80, 96"; [] -> "".
 */
export function formatPages(pages: readonly number[]): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  if (sorted.length === 0) return '';
  const runs: string[] = [];
  let start = sorted[0] as number;
  let prev = start;
  for (const n of [...sorted.slice(1), Number.NaN]) {
    if (n === prev + 1) {
      prev = n;
      continue;
    }
    runs.push(start === prev ? String(start) : `${start}–${prev}`);
    start = n;
    prev = n;
  }
  return `${sorted.length === 1 ? 'p.' : 'pp.'} ${runs.join(', ')}`;
}
