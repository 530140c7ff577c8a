// The benchmarks' local servers (bench.mjs, mc-bench.mjs), each on a free
// loopback port: `serve` runs serve-dist.mjs (raw files, as the e2e tests
// get them), `serveGzip` serves every file gzip-encoded as a host would.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { dirname, extname, join, relative } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { IMAGE, MIME } from './mime.mjs';

const here = dirname(fileURLToPath(import.meta.url));

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.unref();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

/** `dir` served at `url` until `stop()`; `build` says how to build it when its index.html is missing. */
export async function serve(dir, build) {
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir}/index.html is missing: build first (${build})`);
  const port = await freePort();
  const child = spawn(process.execPath, [join(here, 'serve-dist.mjs'), '--dir', dir, '--port', String(port)], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  const end = Date.now() + 10_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {}
    if (Date.now() > end) throw new Error(`server for ${dir} did not start`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url, dir, stop: () => child.kill() };
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : [],
  );
}

/**
 * Serves `dir` on loopback as a static host would: every file gzip-encoded
 * (level 9, compressed once here), images as they are. The slow-4G
 * emulation throttles the bytes on the wire, so serving raw files would
 * charge the app for bytes no reader downloads. `files` holds each file's
 * raw and gzip size, which the byte classes add up.
 */
export async function serveGzip(dir) {
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir}/index.html is missing: build first (bash scripts/bench)`);
  const files = new Map();
  for (const p of walk(dir)) {
    const raw = readFileSync(p);
    const gz = gzipSync(raw, { level: constants.Z_BEST_COMPRESSION });
    files.set(relative(dir, p).split('\\').join('/'), { raw, gz, raw_bytes: raw.length, gzip_bytes: gz.length });
  }
  const server = createHttpServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).slice(1);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    // Paths without an extension get the page (as the app's own server does).
    const f = files.get(rel) || (extname(rel) === '' ? files.get('index.html') : null);
    if (!f) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      return res.end('not found\n');
    }
    const zip = !IMAGE.test(rel);
    const body = zip ? f.gz : f.raw;
    res.writeHead(200, {
      'Content-Type': MIME[extname(rel).toLowerCase()] || 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
      ...(zip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    dir,
    files,
    stop: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}
