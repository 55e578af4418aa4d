import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { normalizeBase, startStaticServer, type StaticServer } from '../../scripts/dev/serve.ts';

let root: string;
let server: StaticServer;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'imr-serve-'));
  mkdirSync(join(root, 'guidelines'));
  writeFileSync(join(root, 'index.html'), '<h1>home</h1>');
  writeFileSync(join(root, 'guidelines/index.html'), '<h1>guidelines</h1>');
  writeFileSync(join(root, '404.html'), '<h1>not found</h1>');
  writeFileSync(join(root, 'app.js'), 'export {}');
  writeFileSync(join(tmpdir(), 'imr-serve-secret.txt'), 'secret');
  // Links out of the served folder, to a file and to a folder, and one that stays inside it.
  const outside = mkdtempSync(join(tmpdir(), 'imr-serve-outside-'));
  writeFileSync(join(outside, 'index.html'), 'outside index');
  writeFileSync(join(outside, 'secret.txt'), 'outside secret');
  symlinkSync(join(tmpdir(), 'imr-serve-secret.txt'), join(root, 'leak.txt'));
  symlinkSync('../imr-serve-secret.txt', join(root, 'relative-leak.txt'));
  symlinkSync(outside, join(root, 'elsewhere'));
  symlinkSync(join(root, 'app.js'), join(root, 'alias.js'));
  server = await startStaticServer({ root, base: '/imr/' });
});
afterAll(() => server.close());

const get = (path: string) => fetch(new URL(path, server.url), { redirect: 'manual' });

/** A GET with the path sent exactly as written (fetch would fold "..", as browsers do). */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(server.url);
    request({ hostname, port, path }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('static server', () => {
  test('listens on 127.0.0.1 only, under the base', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/imr\/$/);
  });

  test('serves index.html for a directory and files with their type', async () => {
    const home = await get('/imr/');
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await home.text()).toBe('<h1>home</h1>');
    expect(await (await get('/imr/guidelines/')).text()).toBe('<h1>guidelines</h1>');
    expect((await get('/imr/app.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  test('redirects a directory without its trailing slash, keeping the query', async () => {
    const res = await get('/imr/guidelines?x=1');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/imr/guidelines/?x=1');
    expect((await get('/imr')).headers.get('location')).toBe('/imr/');
  });

  test('never redirects to a "//" location, which a browser reads as another host', async () => {
    const res = await new Promise<string | undefined>((resolve, reject) => {
      const { hostname, port } = new URL(server.url);
      request({ hostname, port, path: '/imr//guidelines' }, (r) => resolve(r.headers.location))
        .on('error', reject)
        .end();
    });
    expect(res).toBe('/imr/guidelines/');
  });

  test('answers 404 with 404.html for misses, paths outside the base and escapes from the root', async () => {
    for (const path of [
      '/imr/nope/',
      '/index.html',
      '/imr/../imr-serve-secret.txt',
      '/imr/..%2fimr-serve-secret.txt',
      `/imr/${'../'.repeat(8)}etc/passwd`,
    ]) {
      const res = await rawGet(path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).toBe('<h1>not found</h1>');
    }
  });

  test('answers 404 for a symbolic link out of the served folder, to a file or to a folder', async () => {
    for (const path of ['/imr/leak.txt', '/imr/relative-leak.txt', '/imr/elsewhere/', '/imr/elsewhere/secret.txt', '/imr/elsewhere']) {
      const res = await rawGet(path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).toBe('<h1>not found</h1>');
    }
    expect((await rawGet('/imr/alias.js')).body).toBe('export {}');
  });

  test('never sends a 404 page that is a link out of the served folder', async () => {
    const other = mkdtempSync(join(tmpdir(), 'imr-serve-'));
    symlinkSync(join(tmpdir(), 'imr-serve-secret.txt'), join(other, '404.html'));
    const bare = await startStaticServer({ root: other });
    try {
      const res = await fetch(new URL('nope', bare.url));
      expect(res.status).toBe(404);
      expect(await res.text()).toBe('Not found\n');
    } finally {
      await bare.close();
    }
  });

  test('refuses methods other than GET and HEAD', async () => {
    expect((await fetch(server.url, { method: 'POST' })).status).toBe(405);
    expect((await fetch(server.url, { method: 'HEAD' })).status).toBe(200);
  });
});

describe('normalizeBase', () => {
  test('gives a base one leading and one trailing slash', () => {
    expect(normalizeBase('imr')).toBe('/imr/');
    expect(normalizeBase('/imr')).toBe('/imr/');
    expect(normalizeBase('//imr//')).toBe('/imr/');
    expect(normalizeBase('')).toBe('/');
    expect(normalizeBase('/')).toBe('/');
  });
});
