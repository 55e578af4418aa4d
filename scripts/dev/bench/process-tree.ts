// Peak memory of a whole process tree, from /proc (Linux only): every ~150 ms the VmRSS of the
// root and all its descendants is summed, so a build that hands its work to child processes
// (Astro's workers, Pagefind's Rust service) is measured whole, not just its first process.
import { readdirSync, readFileSync } from 'node:fs';

/** Parent pid of every live process, read from /proc/<pid>/stat. */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so cut at the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      map.set(Number(name), ppid);
    } catch {
      // The process ended between readdir and read.
    }
  }
  return map;
}

/** The root pid and every pid below it. */
export function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents()) {
    const list = children.get(ppid) ?? [];
    list.push(pid);
    children.set(ppid, list);
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

/** Resident memory of one process in bytes; 0 once it is gone (or a zombie, which has none). */
function rss(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export function treeRss(root: number): number {
  return descendants(root).reduce((sum, pid) => sum + rss(pid), 0);
}

/** Samples the tree under `root` until stopped; `stop()` returns the peak in bytes. */
export function samplePeak(root: number, everyMs = 150): { stop(): number } {
  let peak = treeRss(root);
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRss(root));
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, treeRss(root));
      return peak;
    },
  };
}
