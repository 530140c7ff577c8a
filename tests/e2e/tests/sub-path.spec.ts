import { test, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { PRESETS } from './expected';
import { valuePerShare } from './helpers';

// dist/ must work from any sub-path (relative asset URLs, Trunk's
// public_url = "./"): serve it under /sotp/app/ only, where anything asked
// for outside the prefix is a 404.
const serveDist = join(dirname(fileURLToPath(import.meta.url)), '..', 'serve-dist.mjs');
const PREFIX = '/sotp/app/';
let server: ChildProcess | undefined;
let origin = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

test.beforeAll(async () => {
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [serveDist, '--port', String(port), '--prefix', PREFIX], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(origin + PREFIX)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('sub-path server did not start');
});

test.afterAll(() => {
  server?.kill();
});

test('the build works when served from a sub-path', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => failed.push(`failed ${r.url()}`));
  await page.goto(origin + PREFIX);
  await expect(valuePerShare(page)).toHaveText(PRESETS.Base.text, { timeout: 15_000 });
  expect(failed).toEqual([]);
});
