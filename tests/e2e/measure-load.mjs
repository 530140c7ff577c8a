#!/usr/bin/env node
// Cold-load time of the built app: 10 loads, each in a new browser context
// (empty cache and storage), timed from navigation start to the moment
// [data-testid="value-per-share"] has text. Prints each, the median and the
// max, and writes target/load-times.json.
//
//   node measure-load.mjs [--runs 10] [--url http://127.0.0.1:8765/]
//
// Without --url it serves ../../dist itself with serve-dist.mjs on a free port.

import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i !== -1 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const runs = Number(arg('runs', 10));
const out = arg('out', join(repo, 'target', 'load-times.json'));

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

async function waitFor(url, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not answer in ${ms} ms`);
}

let server;
let url = arg('url', '');
if (!url) {
  const port = await freePort();
  server = spawn(process.execPath, [join(here, 'serve-dist.mjs'), '--port', String(port)], { stdio: 'ignore' });
  url = `http://127.0.0.1:${port}/`;
  await waitFor(url, 10_000);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});

const times = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      () => {
        const el = document.querySelector('[data-testid="value-per-share"]');
        return el && el.textContent && el.textContent.trim() !== '' ? performance.now() : null;
      },
      null,
      { polling: 'raf', timeout: 30_000 },
    );
    // performance.now() counts from the navigation's start (timeOrigin).
    const ms = Math.round(await handle.jsonValue());
    const text = await page.locator('[data-testid="value-per-share"]').textContent();
    times.push(ms);
    console.log(`load ${String(i + 1).padStart(2)}: ${String(ms).padStart(5)} ms  (value-per-share ${text.trim()})`);
    await context.close();
  }
} finally {
  await browser.close();
  if (server) server.kill();
}

const sorted = [...times].sort((a, b) => a - b);
const mid = sorted.length >> 1;
const median = sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
const max = sorted[sorted.length - 1];
console.log(`median ${median} ms, max ${max} ms over ${times.length} cold loads`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ url, runs: times.length, times_ms: times, median_ms: median, max_ms: max, measured_at: new Date().toISOString() }, null, 2) + '\n');
console.log(`wrote ${out}`);
