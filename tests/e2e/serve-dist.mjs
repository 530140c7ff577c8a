#!/usr/bin/env node
// A tiny static server for the built app (dist/), with no dependencies.
//
//   node serve-dist.mjs [--dir ../../dist] [--port 8765] [--host 127.0.0.1] [--prefix /sub/path/]
//
// Env: DIST_DIR, PORT, HOST, BASE_PATH give the same settings.
// With a prefix, the app is served under it (e.g. http://127.0.0.1:8765/sotp/),
// "/" redirects there and anything outside it is 404: this checks that the
// build only uses relative URLs. Unknown paths under the prefix that have no
// extension get index.html (SPA fallback); missing files get 404.

import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { resolve, join, extname, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIME } from './mime.mjs';

const here = dirname(fileURLToPath(import.meta.url));

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i !== -1 && i + 1 < process.argv.length) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (eq) return eq.slice(name.length + 3);
  return fallback;
}

const root = resolve(arg('dir', process.env.DIST_DIR || join(here, '..', '..', 'dist')));
const port = Number(arg('port', process.env.PORT || 8765));
const host = arg('host', process.env.HOST || '127.0.0.1');
let prefix = arg('prefix', process.env.BASE_PATH || '/');
if (!prefix.startsWith('/')) prefix = '/' + prefix;
if (!prefix.endsWith('/')) prefix += '/';

function fileAt(path) {
  try {
    const st = statSync(path);
    if (st.isDirectory()) return fileAt(join(path, 'index.html'));
    return st.isFile() ? { path, size: st.size } : null;
  } catch {
    return null;
  }
}

function send(res, status, body, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
  res.end(body);
}

const server = createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed\n');
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  } catch {
    return send(res, 400, 'bad request\n');
  }
  if (prefix !== '/' && (pathname === '/' || pathname === prefix.slice(0, -1))) {
    res.writeHead(302, { Location: prefix });
    return res.end();
  }
  if (!pathname.startsWith(prefix)) return send(res, 404, `not found (the app is under ${prefix})\n`);
  const rel = pathname.slice(prefix.length);
  const full = resolve(root, '.' + sep + rel);
  if (full !== root && !full.startsWith(root + sep)) return send(res, 403, 'forbidden\n');
  let file = fileAt(full);
  if (!file && extname(rel) === '') file = fileAt(join(root, 'index.html'));
  if (!file) return send(res, 404, 'not found\n');
  const type = MIME[extname(file.path).toLowerCase()] || 'application/octet-stream';
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': file.size, 'Cache-Control': 'no-store' });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file.path).pipe(res);
});

server.listen(port, host, () => {
  console.log(`serving ${root} at http://${host}:${port}${prefix}`);
});

for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
