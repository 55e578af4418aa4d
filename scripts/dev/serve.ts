// A tiny static server for a built site, on 127.0.0.1 only, GET and HEAD:
//   node --import tsx scripts/dev/serve.ts [dir=dist] [port=4321] [base=$BASE_PATH or /]
// Serves <dir> under <base>, index.html for a directory, 404.html (status 404) for anything
// missing. Only regular files whose real path lies inside the served folder are sent: a symbolic
// link out of dist/ is a 404.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  /** Address of the site root, base included ("http://127.0.0.1:4321/imr/"). */
  url: string;
  close(): Promise<void>;
}

/** "/imr" or "imr/" -> "/imr/"; "" -> "/". */
export function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

async function statOrNull(path: string) {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

/** The real path of `path` when it is inside `root` (itself a real path), else null. */
async function realPathInside(root: string, path: string): Promise<string | null> {
  try {
    const real = await realpath(path);
    return real === root || real.startsWith(root + sep) ? real : null;
  } catch {
    return null;
  }
}

export async function startStaticServer(options: { root: string; port?: number; base?: string }): Promise<StaticServer> {
  const root = await realpath(resolve(options.root));
  const base = normalizeBase(options.base ?? '/');
  /** The real path of a regular file inside the root, else null. */
  const servable = async (path: string) => {
    const real = await realPathInside(root, path);
    return real && (await statOrNull(real))?.isFile() ? real : null;
  };

  const send = async (res: import('node:http').ServerResponse, file: string, status: number, head: boolean) => {
    const info = await statOrNull(file);
    res.writeHead(status, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': info?.size ?? 0,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (head) res.end();
    else createReadStream(file).pipe(res);
  };

  const notFound = async (res: import('node:http').ServerResponse, head: boolean) => {
    const page = await servable(join(root, '404.html'));
    if (page) return send(res, page, 404, head);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(head ? undefined : 'Not found\n');
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const head = req.method === 'HEAD';
      if (req.method !== 'GET' && !head) {
        res.writeHead(405, { allow: 'GET, HEAD' });
        return res.end();
      }
      const url = new URL(req.url ?? '/', 'http://localhost');
      let path: string;
      try {
        path = decodeURIComponent(url.pathname);
      } catch {
        return notFound(res, head);
      }
      if (`${path}/` === base) {
        res.writeHead(301, { location: `${base}${url.search}` });
        return res.end();
      }
      if (!path.startsWith(base) || path.includes('\0')) return notFound(res, head);
      const target = resolve(root, `.${sep}${path.slice(base.length)}`);
      // resolve() has folded any "..": what is left must still be inside the root.
      if (target !== root && !target.startsWith(root + sep)) return notFound(res, head);
      const real = await realPathInside(root, target);
      const info = real ? await statOrNull(real) : null;
      if (info?.isDirectory()) {
        if (!path.endsWith('/')) {
          // Collapse "//": a Location starting with "//" would name another host.
          res.writeHead(301, { location: `${url.pathname.replace(/\/{2,}/g, '/')}/${url.search}` });
          return res.end();
        }
        const index = await servable(join(real!, 'index.html'));
        return index ? send(res, index, 200, head) : notFound(res, head);
      }
      if (info?.isFile()) return send(res, real!, 200, head);
      return notFound(res, head);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir = 'dist', portArg = '4321', baseArg = process.env.BASE_PATH ?? '/'] = process.argv.slice(2);
  const port = Number(portArg);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: "${portArg}" is not a port number`);
    process.exit(2);
  }
  if (!(await statOrNull(dir))?.isDirectory()) {
    console.error(`serve: no built site at ${dir} (run npm run build first)`);
    process.exit(1);
  }
  const server = await startStaticServer({ root: dir, port, base: baseArg });
  console.log(`Serving ${dir} at ${server.url} (Ctrl+C to stop)`);
}
