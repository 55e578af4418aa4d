import type { Stats } from 'node:fs';

/**
 * What tells a file unchanged without reading it: size, modification and change time. The change
 * time is set by the system on every write (no tool can set it back), so a rewritten file always
 * gets a new stamp.
 */
export function fileStamp(stats: Pick<Stats, 'size' | 'mtimeMs' | 'ctimeMs'>): string {
  return `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
}
