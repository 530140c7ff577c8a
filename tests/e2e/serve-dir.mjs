// Serves a built directory with serve-dist.mjs on a free local port, for the
// benchmarks (bench.mjs, mc-bench.mjs): resolves once it answers.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
