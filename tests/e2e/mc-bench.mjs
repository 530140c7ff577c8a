// The Monte Carlo worker, measured in headless Chromium against the same
// draws natively.
//
//   node mc-bench.mjs [--dir target/mc-worker] [--criterion target/criterion] [--runs 7] [--slice 1000]
//
// Serves the worker build (node scripts/build-worker.mjs) with its bench
// page, runs the first link of tests/links/v2.txt (the Base preset with the
// default set-up: 10,000 draws, seed 20251125) in a fresh worker a few
// times after one warm-up run, and prints the median time the worker took
// for the draws (start, every slice of 1,000 with a progress message and a
// yield between slices, and the summary) and the time the page waited
// (worker and wasm start included). With --criterion, the native median of
// `monte_carlo/base_10000` and the ratio (the budget is 1.5 x; it is
// reported, not enforced: a timed gate on a shared machine flakes). The
// summary must match the link's pinned chance in tests/links/v2.txt.
import { chromium } from '@playwright/test';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve-dir.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i !== -1 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
};
const dir = resolve(arg('dir', join(repo, 'target', 'mc-worker')));
const criterion = arg('criterion', '');
const runs = Number(arg('runs', 7));
// Draws per slice: the worker reports progress and yields after each.
const slice = Number(arg('slice', 1000));

const [link, pinned] = readFileSync(join(repo, 'tests', 'links', 'v2.txt'), 'utf8')
  .split('\n').find((l) => l.startsWith('s2.')).split(/\s+/);

const server = await serve(dir, 'node scripts/build-worker.mjs');
const url = server.url;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
});
let failed = false;
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => typeof window.runOnce === 'function');
  const once = () => page.evaluate(([l, n]) => window.runOnce(l, n), [link, slice]);
  await once(); // warm-up: compiles the wasm once, as a second run in a session would find it
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await once());
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
  const workerMs = median(results.map((r) => r.workerMs));
  const pageMs = median(results.map((r) => r.pageMs));
  const lines = Object.fromEntries(results[0].summary.trim().split('\n').filter((l) => !/^(bin|driver) /.test(l)).map((l) => l.split(' ')));
  const pAbove = Number(lines.p_above_pct).toFixed(2);
  console.log(`mc-bench: 10,000 draws of Base in the worker: median ${workerMs.toFixed(1)} ms (page waited ${pageMs.toFixed(1)} ms, ${results[0].progress} progress messages), ${runs} runs`);
  console.log(`mc-bench: P(value > price) ${pAbove}%, p10 ${Number(lines.p10).toFixed(2)}, median ${Number(lines.p50).toFixed(2)}, p90 ${Number(lines.p90).toFixed(2)}, mean ${Number(lines.mean).toFixed(2)}`);
  if (pAbove !== Number(pinned).toFixed(2)) {
    console.error(`mc-bench: the worker's chance ${pAbove} is not the link's pinned ${pinned}`);
    failed = true;
  }
  if (errors.length) { console.error(`mc-bench: page errors: ${errors.join('; ')}`); failed = true; }
  const out = { worker_median_ms: workerMs, page_median_ms: pageMs, p_above_pct: pAbove };
  const est = criterion && join(criterion, 'monte_carlo', 'base_10000', 'new', 'estimates.json');
  if (est && existsSync(est)) {
    const nativeMs = JSON.parse(readFileSync(est, 'utf8')).median.point_estimate / 1e6;
    out.native_median_ms = nativeMs;
    out.ratio = workerMs / nativeMs;
    console.log(`mc-bench: natively (criterion monte_carlo/base_10000) ${nativeMs.toFixed(1)} ms: the worker takes ${out.ratio.toFixed(2)} x (budget 1.5 x, reported)`);
  }
  writeFileSync(join(repo, 'target', 'mc-bench.json'), JSON.stringify(out, null, 2));
} finally {
  await browser.close();
  server.stop();
}
process.exit(failed ? 1 : 0);
