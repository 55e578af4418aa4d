// nginx (Debian's package) serving a built site as a real host would, for the tests: a child
// process with a config written to a temporary folder that also holds its pid file, logs and
// temp paths; it listens on 127.0.0.1 on a free port, in the foreground, and touches no system
// path. The config is either this file's own around given `server` lines (startNginx) or a whole
// one the test writes for the folder and port (startNginxWithConfig: docs/deploy.md's nginx.conf).
// Without nginx a test file skips with a message, except under CI=true, where it fails.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
export const HAVE_NGINX = existsSync(NGINX);
export const RUN_NGINX_TESTS = HAVE_NGINX || process.env.CI === 'true';

export function requireNginx(): void {
  if (!HAVE_NGINX) throw new Error(`CI=true but no nginx at ${NGINX}: .ci/run installs it with apt-get install -y nginx`);
}

export function warnWithoutNginx(what: string): void {
  if (!RUN_NGINX_TESTS) console.warn(`Skipping ${what}: no nginx at ${NGINX} (apt-get install -y nginx, or set NGINX_PATH).`);
}

export interface Nginx {
  /** The site's address, ending in its base ("http://127.0.0.1:40123/imr/"). */
  url: string;
  /** What nginx wrote to its error log so far. */
  errorLog(): string;
  stop(): Promise<void>;
}

/** A port free on 127.0.0.1 at the time of asking. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function config(dir: string, port: number, serverLines: string): string {
  return `# Written by test/support/nginx.ts for one test run.
daemon off;
# One process, as the user running the test: workers switching to "nobody" could not read the
# build, which sits in a folder only its owner may read.
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 64; }
http {
  types {
    text/html html;
    text/css css;
    text/javascript js mjs;
    application/json json;
    image/svg+xml svg;
    application/wasm wasm;
  }
  default_type application/octet-stream;
  access_log ${dir}/access.log;
  # A 404 is an answer, not an error of the server: the error log then holds only real errors.
  log_not_found off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
${serverLines.replace(/^/gm, '    ')}
  }
}
`;
}

/** Waits until nginx answers on `url`, or fails with its error log. */
async function waitForAnswer(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${log()}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`nginx did not answer on ${url} within 10 s:\n${log()}`);
}

/** Where a test's nginx runs: its temporary folder (logs, pid, temp paths), document root and port. */
export interface NginxPlace {
  /** The temporary folder; nginx's prefix and the folder of its nginx.conf, error.log and access.log. */
  dir: string;
  /** The document root: it holds the build at `<root><base>`. */
  root: string;
  /** A free port on 127.0.0.1. */
  port: number;
}

/**
 * Serves `siteDir` (a build made for `base`) with the server lines that `serverLines(root)` gives
 * for a document root holding the build at `<root><base>`.
 */
export async function startNginx(options: { siteDir: string; base: string; serverLines: (root: string) => string }): Promise<Nginx> {
  return startNginxWithConfig({
    siteDir: options.siteDir,
    base: options.base,
    config: ({ dir, port, root }) => config(dir, port, options.serverLines(root)),
  });
}

/**
 * Serves `siteDir` (a build made for `base`) with the whole nginx.conf that `config` writes for
 * its place; the config must log errors to `<dir>/error.log` and listen on 127.0.0.1:`port`.
 */
export async function startNginxWithConfig(options: {
  siteDir: string;
  base: string;
  config: (place: NginxPlace) => string;
}): Promise<Nginx> {
  requireNginx();
  const dir = mkdtempSync(join(tmpdir(), 'imr-nginx-'));
  const root = join(dir, 'www');
  const mount = join(root, options.base);
  mkdirSync(dirname(mount.replace(/\/$/, '')), { recursive: true });
  symlinkSync(options.siteDir, mount.replace(/\/$/, ''));
  const port = await freePort();
  writeFileSync(join(dir, 'nginx.conf'), options.config({ dir, root, port }));
  const errorLog = () => (existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '');
  // -p: relative paths under the temp folder; -e: the log nginx opens before it reads the config.
  const child = spawn(NGINX, ['-p', `${dir}/`, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = `http://127.0.0.1:${port}${options.base}`;
  try {
    await waitForAnswer(url, child, () => `${stderr}${errorLog()}`);
  } catch (error) {
    // An nginx that never answered is stopped, and its folder goes with it.
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    errorLog,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
