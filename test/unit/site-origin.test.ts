import { describe, expect, test } from 'vitest';
import { absoluteUrl } from '../../src/lib/paths/absolute-url.ts';
import { PLACEHOLDER_ORIGIN, placeholderNotice, siteOrigin } from '../../src/lib/paths/site-origin.ts';

describe('siteOrigin', () => {
  test('takes the origin of SITE_URL, a trailing slash or not', () => {
    expect(siteOrigin('https://imr.example.org')).toEqual({ origin: 'https://imr.example.org', placeholder: false });
    expect(siteOrigin(' https://IMR.example.org:8443/ ')).toEqual({ origin: 'https://imr.example.org:8443', placeholder: false });
  });

  test('uses the address of npm run serve when SITE_URL is not set, and says so in one line', () => {
    expect(siteOrigin(undefined)).toEqual({ origin: PLACEHOLDER_ORIGIN, placeholder: true });
    expect(siteOrigin('')).toEqual({ origin: 'http://localhost:4321', placeholder: true });
    expect(placeholderNotice()).not.toContain('\n');
    expect(placeholderNotice()).toContain('SITE_URL is not set');
  });

  test('refuses a URL with a path, naming BASE_PATH, and anything that is not an http(s) URL', () => {
    expect(() => siteOrigin('https://imr.example.org/imr/')).toThrow(
      'SITE_URL: give the origin only (https://imr.example.org) and the sub-path as BASE_PATH (BASE_PATH=/imr/), got "https://imr.example.org/imr/"',
    );
    expect(() => siteOrigin('imr.example.org')).toThrow(
      'SITE_URL: expected an absolute URL like https://imr.example.org, got "imr.example.org"',
    );
    expect(() => siteOrigin('ftp://imr.example.org')).toThrow('SITE_URL: expected an http or https URL');
  });
});

describe('absoluteUrl', () => {
  test('joins origin, base and path', () => {
    expect(absoluteUrl('https://imr.example.org', '/imr/', '/feed.xml')).toBe('https://imr.example.org/imr/feed.xml');
    expect(absoluteUrl('http://localhost:4321', '/', '/determinations/CM16-0213037/#item-2')).toBe(
      'http://localhost:4321/determinations/CM16-0213037/#item-2',
    );
  });
});
