// The offline demo build (TARO_APP_API_MODE=offline) in dist/h5-offline, beside the HTTP build in
// dist/h5, served as plain files: a trainer's phone has the app and nothing else.
import { spawnSync } from 'child_process';
import fs from 'fs';
import http from 'http';
import path from 'path';
import type { AddressInfo } from 'net';

const root = path.resolve(__dirname, '../..');
export const OFFLINE_DIR = path.join(root, 'dist/h5-offline');
const MARKER = path.join(OFFLINE_DIR, '.e2e-build');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the offline H5 app when it is missing or older than its sources. */
export function ensureOfflineBuild() {
  const stale =
    process.env.E2E_BUILD === '1' ||
    !fs.existsSync(MARKER) ||
    ['src', 'mock/platform', 'config'].some((d) => newestMtime(path.join(root, d)) > fs.statSync(MARKER).mtimeMs);
  if (!stale) return;
  console.log('\n[e2e] building the offline H5 demo …');
  const r = spawnSync(path.join(root, 'node_modules/.bin/taro'), ['build', '--type', 'h5'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      TARO_APP_API_MODE: 'offline',
      TARO_APP_PROFILE: '',
      OUTPUT_ROOT: 'dist/h5-offline',
    },
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('offline H5 build failed');
  fs.writeFileSync(MARKER, 'TARO_APP_API_MODE=offline\n');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

export interface StaticServer {
  base: string;
  /** Every path asked for, and those that were not a file of the build. */
  served: string[];
  missing: string[];
  close: () => Promise<void>;
}

/** Serves the build's files on loopback and nothing else: no /api, no fallback. */
export async function serveOffline(): Promise<StaticServer> {
  const served: string[] = [];
  const missing: string[] = [];
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    served.push(url);
    const file = path.join(OFFLINE_DIR, url === '/' ? 'index.html' : url);
    if (!file.startsWith(OFFLINE_DIR) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      missing.push(url);
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    served,
    missing,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** Every file of the build, to search for what must not be in it. */
export function buildFiles(dir = OFFLINE_DIR): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? buildFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
