// data/index.json: the open data's files for a program to fetch, period by period, each with its
// rows, size and sha256 (so a mirror fetches again only the files whose digest changed). Paths are
// relative to index.json, so the file reads the same under any host or base path.
import { DATA } from '../paths/routes.ts';

export interface DataFile {
  /** Site path ("/data/2016/items.csv.gz"). */
  path: string;
  /** Determinations (JSONL) or items (CSV, header not counted). */
  rows: number;
  bytes: number;
  /** Of the file's bytes (the gzip file), hex. */
  sha256: string;
}

export interface DataPeriod {
  /** A decision year, or "undated". */
  period: string;
  determinations: DataFile;
  items: DataFile;
}

export interface DataIndex {
  /** JSON Schema of a line of every determinations.jsonl.gz. */
  schema: string;
  /** Newest first, "undated" last. */
  periods: {
    period: string;
    files: { kind: 'determinations' | 'items'; path: string; rows: number; bytes: number; sha256: string }[];
  }[];
}

const relative = (path: string) => (path.startsWith(DATA) ? path.slice(DATA.length) : path);

export function dataIndex(schemaPath: string, periods: readonly DataPeriod[]): DataIndex {
  return {
    schema: relative(schemaPath),
    periods: periods.map((p) => ({
      period: p.period,
      files: (['determinations', 'items'] as const).map((kind) => ({ kind, ...p[kind], path: relative(p[kind].path) })),
    })),
  };
}
