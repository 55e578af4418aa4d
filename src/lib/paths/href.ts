import { joinBase } from './join-base.ts';

/** A site path under the configured `base` (import.meta.env.BASE_URL), for links in pages. */
export function href(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}
