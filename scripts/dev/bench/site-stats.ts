// Counts of a built site for the benchmark: files, bytes, HTML pages, and the search index's share.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { MANIFEST_FILE, type ShardManifest } from '../../../src/lib/search/shard-manifest.ts';

export interface SiteStats {
  files: number;
  bytes: number;
  htmlPages: number;
  determinationPages: number;
  search: { files: number; bytes: number; shards: number; largestShardPages: number; indexedPages: number };
}

export async function siteStats(dir: string): Promise<SiteStats> {
  const stats: SiteStats = {
    files: 0,
    bytes: 0,
    htmlPages: 0,
    determinationPages: 0,
    search: { files: 0, bytes: 0, shards: 0, largestShardPages: 0, indexedPages: 0 },
  };
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const rel = path.slice(dir.length + 1);
    const { size } = await stat(path);
    stats.files += 1;
    stats.bytes += size;
    if (rel.startsWith('pagefind/')) {
      stats.search.files += 1;
      stats.search.bytes += size;
    } else if (entry.name.endsWith('.html')) {
      stats.htmlPages += 1;
      // List pages are determinations/<n>/; letters are determinations/<case number>/.
      if (/^determinations\/(?!\d+\/)[^/]+\/index\.html$/.test(rel)) stats.determinationPages += 1;
    }
  }
  const manifest = JSON.parse(gunzipSync(await readFile(join(dir, 'pagefind', MANIFEST_FILE))).toString('utf8')) as ShardManifest;
  stats.search.shards = manifest.shards.length;
  stats.search.largestShardPages = Math.max(...manifest.shards.map((s) => s.pages));
  stats.search.indexedPages = manifest.shards.reduce((n, s) => n + s.pages, 0);
  return stats;
}
