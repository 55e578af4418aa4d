// docs/deploy.md's nginx.conf, whole, serving the /imr/ fixture build: the file a reader copies, with
// only its port, document root and system paths (pid, logs, temp folders) moved into the test's
// temporary folder, and nginx run in the foreground as one process. Pages get the page policy,
// Pagefind's files the search policy and a type its script reads, a missing page the 404 page.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { PAGE_POLICY, SEARCH_POLICY } from '../../scripts/lib/security-headers.ts';
import { FACET_FILE } from '../../src/lib/search/facet-table.ts';
import { fencedBlocks, readDoc } from '../support/markdown-doc.ts';
import {
  HAVE_NGINX,
  requireNginx,
  RUN_NGINX_TESTS,
  startNginxWithConfig,
  warnWithoutNginx,
  type Nginx,
  type NginxPlace,
} from '../support/nginx.ts';

warnWithoutNginx("docs/deploy.md's nginx.conf test");
const { sub } = inject('sites');
const MIME_TYPES = process.env.NGINX_MIME_TYPES ?? '/etc/nginx/mime.types';

/** Replaces `from`, which must be in `text` (a changed doc fails here, not silently). */
function replaceIn(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`docs/deploy.md's nginx.conf no longer has ${JSON.stringify(from)}`);
  return text.split(from).join(to);
}

/** The documented nginx.conf, moved into the test's place. */
function testedConfig(documented: string, { dir, root, port }: NginxPlace): string {
  let text = documented;
  text = replaceIn(text, 'listen 80;', `listen 127.0.0.1:${port};`);
  text = replaceIn(text, 'root /srv;', `root ${root};`);
  text = replaceIn(text, 'pid /run/nginx.pid;', `pid ${dir}/nginx.pid;`);
  text = replaceIn(text, '/var/log/nginx/', `${dir}/`);
  text = replaceIn(text, '/var/lib/nginx/', `${dir}/`);
  // In the foreground, one process as the test's user (see test/support/nginx.ts).
  return `daemon off;\nmaster_process off;\n${text}`;
}

describe.skipIf(!RUN_NGINX_TESTS)("docs/deploy.md's nginx.conf serving the /imr/ build", () => {
  let nginx: Nginx;
  let served: string;

  beforeAll(async () => {
    if (!HAVE_NGINX) return; // each test fails on its own under CI=true (requireNginx)
    const [documented] = fencedBlocks(readDoc('docs/deploy.md'), 'nginx');
    nginx = await startNginxWithConfig({
      siteDir: sub.dir,
      base: '/imr/',
      config: (place) => {
        // `include mime.types;` is relative to the configuration's folder, as in /etc/nginx/.
        copyFileSync(MIME_TYPES, join(place.dir, 'mime.types'));
        served = testedConfig(documented!, place);
        return served;
      },
    });
  });

  afterAll(async () => {
    await nginx?.stop();
  });

  const get = async (path: string) => {
    requireNginx();
    const response = await fetch(new URL(path, nginx.url));
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      policy: response.headers.get('content-security-policy'),
      body: Buffer.from(await response.arrayBuffer()),
    };
  };

  test('keeps no system path once moved into the temporary folder', () => {
    requireNginx();
    const lines = served.split('\n').filter((l) => !l.trim().startsWith('#'));
    expect(lines.filter((l) => /\/(etc|run|var|srv)\//.test(l) || /\broot \/srv\b/.test(l))).toEqual([]);
  });

  test('starts with no warning or error in its log', () => {
    requireNginx();
    expect(nginx.errorLog()).not.toMatch(/\[(warn|error|crit|alert|emerg)\]/);
  });

  test('serves pages as HTML with the page policy, and the stylesheet as CSS', async () => {
    for (const path of ['', 'determinations/', 'guidelines/mtus-chronic-pain-2009/']) {
      const page = await get(path);
      expect({ path, status: page.status, type: page.type, policy: page.policy }).toEqual({
        path,
        status: 200,
        type: 'text/html',
        policy: PAGE_POLICY,
      });
    }
    const css = /href="(\/imr\/_astro\/[^"]+\.css)"/.exec((await get('')).body.toString())?.[1];
    expect(css).toBeDefined();
    expect((await get(css!.slice('/imr/'.length))).type).toBe('text/css');
  });

  test('serves the search page and Pagefind with the search policy, its WebAssembly as bytes', async () => {
    const search = await get('search/');
    expect({ status: search.status, policy: search.policy }).toEqual({ status: 200, policy: SEARCH_POLICY });
    const script = await get('pagefind/pagefind.js');
    expect({ status: script.status, type: script.type, policy: script.policy }).toEqual({
      status: 200,
      type: 'application/javascript',
      policy: SEARCH_POLICY,
    });
    const wasm = await get('pagefind/wasm.en.pagefind');
    expect({ status: wasm.status, policy: wasm.policy }).toEqual({ status: 200, policy: SEARCH_POLICY });
    // Pagefind fetches the file, unpacks it and compiles the bytes: any binary type will do.
    expect(['application/wasm', 'application/octet-stream']).toContain(wasm.type);
    expect(wasm.body.equals(readFileSync(join(sub.dir, 'pagefind/wasm.en.pagefind')))).toBe(true);
  });

  test('sends pages, scripts, styles and JSON gzipped to a browser that takes it, and Pagefind’s files as they are', async () => {
    requireNginx();
    const encoding = async (path: string) => {
      const response = await fetch(new URL(path, nginx.url), { headers: { 'accept-encoding': 'gzip' } });
      await response.arrayBuffer();
      return [path, response.headers.get('content-encoding'), response.headers.get('vary')];
    };
    const page = (await get('')).body.toString();
    const css = /href="\/imr\/(_astro\/[^"]+\.css)"/.exec(page)![1]!;
    const text = ['', 'search/', css, 'pagefind/pagefind.js', 'data/schema.json', 'favicon.svg', 'feed.xml'];
    expect(await Promise.all(text.map(encoding))).toEqual(text.map((path) => [path, 'gzip', 'Accept-Encoding']));
    const packed = ['pagefind/wasm.en.pagefind', 'pagefind/shards.json.gz', `pagefind/${FACET_FILE}`, 'search/catalogue.json.gz'];
    expect(await Promise.all(packed.map(encoding))).toEqual(packed.map((path) => [path, null, null]));
  });

  test('answers a missing page with 404, the 404 page and the page policy', async () => {
    const missing = await get('no-such-page/');
    expect({ status: missing.status, type: missing.type, policy: missing.policy }).toEqual({
      status: 404,
      type: 'text/html',
      policy: PAGE_POLICY,
    });
    expect(missing.body.toString()).toBe(readFileSync(join(sub.dir, '404.html'), 'utf8'));
  });
});
