import { joinBase } from './join-base.ts';

/**
 * A site path as an absolute URL: origin, base and path.
 *   absoluteUrl('https://imr.example.org', '/imr/', '/feed.xml') -> 'https://imr.example.org/imr/feed.xml'
 */
export function absoluteUrl(origin: string, base: string, path: string): string {
  return new URL(joinBase(base, path), origin).href;
}
