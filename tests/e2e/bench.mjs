#!/usr/bin/env node
// The benchmark of the built app against a minimal Leptos page (the
// baseline, bench/hello/), both served from disk on loopback (gzip, as a
// host would) and driven in headless Chromium. `bash scripts/bench` builds
// both and runs this; scripts/test runs it with --enforce as the "budgets"
// stage.
//
//   node bench.mjs [--app ../../dist] [--hello ../../target/hello-dist]
//                  [--runs 10] [--slow-runs 5] [--edits 200]
//                  [--out ../../target/bench.json]
//                  [--twiggy FILE.json] [--criterion DIR] [--enforce]
//
// Two moments of a cold load, each from navigation start (every load in a
// new browser context: empty cache, no service worker; app and baseline
// interleaved; `--runs` loads of each on loopback and `--slow-runs` under
// slow-4G emulation, 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up):
// - value on screen: the first animation frame after
//   [data-testid=value-per-share] has text (a MutationObserver sees the
//   text; the frame waits for render-blocking CSS). With the prerendered
//   first screen (#first-screen in dist/index.html) that is the first paint;
// - live: the first frame after typing into "EV deliveries"
//   ([data-testid=panel-ev]) changed the value. An init script types
//   "700000" into that input every 20 ms from DOMContentLoaded on (the
//   first screen's inputs take text but do not react; the app carries it
//   over when it takes over). The baseline has no such input: for it, live
//   is the value on screen.
// The files are served gzip-encoded, so slow 4G throttles what a reader
// would download.
// Bytes (gzip level 9 of each file, from one loopback load in each
// language; a file counts when its request started before the moment):
// - what the value waits for: the page and the files the browser marked
//   render-blocking (Resource Timing's renderBlockingStatus) requested
//   before the value was on screen; a preload or a module script does not
//   block rendering, so it does not count;
// - what live waits for: every file requested before the page was live,
//   images (icons) aside;
// - all a first visit fetches: what the page requests, plus sw.js and
//   everything it precaches.
// Edit latency (app only, once live and the lazy parts have loaded):
// `--edits` edits of "EV deliveries", each timed inside the page with
// performance.now() from dispatching the `input` event until a
// MutationObserver has seen both the value per share and the EV line of the
// bridge ([data-testid=segment-ev-per-share]) change.
// With --criterion: the native engine's estimates from `cargo bench`; with
// --twiggy: the largest items of the wasm (twiggy top, JSON).
//
// Budgets, enforced (lines `ok  `/`FAIL`; exit 1 with --enforce when one
// fails): what the value waits for <= 25,000 B gzip for a first visit in
// each language (en-US, zh-HK, zh-CN, de-DE); what live waits for
// <= 192,500 B gzip in each language, with no other language's file among
// it; all a first visit fetches <= 600,000 B gzip; edit latency p95
// <= 8 ms. Reported, not enforced (lines `met `/`over`): under slow 4G,
// value on screen <= 0.6 x the baseline's median and live <= 2.0 x (the
// loopback ratios beside them, for reference). scripts/bundle-size.mjs
// enforces 600,000 B gzip for all of dist/.

import { chromium } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IMAGE } from './mime.mjs';
import { serveGzip } from './serve-dir.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');

// The languages and a browser locale whose readers get each on a first visit.
const LOCALES = [['en', 'en-US'], ['zh-Hant', 'zh-HK'], ['zh-Hans', 'zh-CN'], ['de', 'de-DE']];

// Chrome DevTools' "Slow 4G" preset (CDP Network.emulateNetworkConditions).
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i !== -1 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
const flag = (name) => process.argv.includes(`--${name}`);

const appDir = resolve(arg('app', join(repo, 'dist')));
const helloDir = resolve(arg('hello', join(repo, 'target', 'hello-dist')));
const runs = Number(arg('runs', 10));
const slowRuns = Number(arg('slow-runs', 5));
const edits = Number(arg('edits', 200));
const out = resolve(arg('out', join(repo, 'target', 'bench.json')));
const twiggyFile = arg('twiggy', '');
const criterionDir = arg('criterion', '');
const enforce = flag('enforce');

const BUDGET = {
  value_gzip: 25_000, // per language, enforced
  live_gzip: 192_500, // per language, enforced (175,000 until issue 27, 190,000 until issue 28: see README, Budgets)
  first_visit_gzip: 600_000, // enforced (bundle-size.mjs: the same for all of dist/)
  edit_p95_ms: 8, // enforced
  grid_ms: 16, // a 7 x 7 grid recomputed within 16 ms of an edit: its task's work, p95, enforced (time on screen reported)
  analysis_chunk_gzip: 66_000, // enforced; issue 28 asks 60,000 (see README, Budgets)
  value_ratio: 0.6, // x the baseline under slow 4G, reported
  live_ratio: 2.0, // x the baseline under slow 4G, reported
};

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const ms = (n) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const round1 = (n) => Math.round(n * 10) / 10;

function quantile(sorted, q) {
  // Nearest rank: the smallest value with at least q of the samples at or below it.
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}
function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Init script (runs before any page script). Sets, in performance.now()
 * time from navigation start:
 * - window.__valueAt: the first frame that shows [data-testid=value-per-share]
 *   with text: the first animation frame after the text is in the document
 *   (__valueInDomAt). A frame is not rendered while a render-blocking
 *   stylesheet is loading, so a value the first screen put in the document
 *   early is on screen only once the CSS has arrived;
 * - window.__liveAt: the first frame after that text changed in answer to
 *   typing into "EV deliveries" (__liveInDomAt). From DOMContentLoaded on it
 *   types every 20 ms until live: into the first screen's input (which does
 *   not react, but the app carries its text over when it takes over), then
 *   into the live page's. The value and the input are looked up anew each
 *   time, as the takeover replaces them;
 * - window.__takeoverAt: when #first-screen, once seen, was gone.
 * `type: false` only watches for the value; `liveIsValue` (the baseline,
 * which has no such input) makes live the value on screen when there is no
 * such input.
 */
const probe = ({ type, liveIsValue }) => {
  const valueText = () => (document.querySelector('[data-testid="value-per-share"]')?.textContent || '').trim();
  const evInput = () => {
    const panel = document.querySelector('[data-testid="panel-ev"]');
    const label = panel && [...panel.querySelectorAll('label')].find((l) => l.textContent.trim() === 'EV deliveries');
    const byLabel = label && label.htmlFor && document.getElementById(label.htmlFor);
    // Other languages name it otherwise: its id (src/ui/number_field.rs dom_id).
    return byLabel || document.getElementById('f-seg3-units');
  };
  const onScreen = (name) => requestAnimationFrame(() => (window[name] = performance.now()));
  let firstText = '';
  let typed = false;
  let target = '';
  let timer = 0;
  let firstScreen = false;
  const seen = () => {
    const now = performance.now();
    if (document.getElementById('first-screen')) firstScreen = true;
    else if (firstScreen && window.__takeoverAt === undefined) window.__takeoverAt = now;
    const text = valueText();
    if (!text) return;
    if (window.__valueInDomAt === undefined) {
      window.__valueInDomAt = now;
      firstText = text;
      onScreen('__valueAt');
      if (liveIsValue && !evInput()) {
        window.__liveInDomAt = now;
        onScreen('__liveAt');
      }
    } else if (typed && window.__liveInDomAt === undefined && text !== firstText) {
      window.__liveInDomAt = now;
      onScreen('__liveAt');
    }
    if (window.__liveInDomAt !== undefined || !type) {
      mo.disconnect();
      clearInterval(timer);
    }
  };
  const mo = new MutationObserver(seen);
  mo.observe(document, { childList: true, subtree: true, characterData: true });
  if (!type) return;
  const typeOnce = () => {
    seen();
    const input = window.__liveInDomAt === undefined && evInput();
    if (!input) return;
    // A value other than the one shown (the Base preset has 650,000).
    if (!target) target = input.value.replace(/\D/g, '') === '700000' ? '650000' : '700000';
    input.value = target;
    typed = true;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    seen();
  };
  document.addEventListener('DOMContentLoaded', () => {
    timer = setInterval(typeOnce, 20);
    typeOnce();
  });
};

/**
 * One cold load in a new browser context (empty cache, no service worker
 * yet), under `network` conditions when given (set before navigating, so
 * the page itself is throttled). Waits until live (or, with `type: false`,
 * until the value is on screen).
 */
async function coldLoad(browser, site, { locale = 'en-US', network = null, type = true } = {}) {
  const context = await browser.newContext({ locale });
  await context.addInitScript(probe, { type, liveIsValue: !!site.liveIsValue });
  const page = await context.newPage();
  const requested = new Set();
  context.on('request', (r) => requested.add(r.url()));
  if (network) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
  }
  await page.goto(site.url, { waitUntil: 'commit' });
  const done = type ? () => window.__liveAt !== undefined : () => window.__valueAt !== undefined;
  const timeout = network ? 90_000 : 30_000;
  await page.waitForFunction(done, null, { polling: 50, timeout }).catch(async (e) => {
    const seen = await page.evaluate(() => ({ value: window.__valueInDomAt ?? null, answer: window.__liveInDomAt ?? null })).catch(() => null);
    throw new Error(
      `${site.url} (${locale}${network ? ', slow 4G' : ''}): ${type ? 'not live (typing into EV deliveries did not change the value)' : 'no value on screen'} within ${timeout / 1000} s; seen: ${JSON.stringify(seen)}: ${e.message}`,
    );
  });
  const t = await page.evaluate(() => ({
    valueAt: window.__valueAt,
    liveAt: window.__liveAt ?? null,
    valueInDomAt: window.__valueInDomAt,
    liveInDomAt: window.__liveInDomAt ?? null,
    takeoverAt: window.__takeoverAt ?? null,
  }));
  return { context, page, requested, ...t };
}

/** A site-relative file name for a URL of the site (the page itself is index.html). */
function fileOf(site, u) {
  const url = new URL(u);
  if (url.origin !== new URL(site.url).origin) return null;
  let rel = decodeURIComponent(url.pathname.slice(1));
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  return rel;
}

/**
 * The files (relative to the site) that a first visit from `locale`
 * fetches, incl. the service worker's precache, each with when its request
 * started (`requested_at_ms` from navigation start, by the page's Resource
 * Timing; null for what only the service worker fetched), whether the
 * browser marked it render-blocking, and its class: `value` (what the value
 * waits for: the page, and render-blocking files requested before the value
 * was on screen), `live` (requested before live; images aside), `image`
 * (an image requested before live: not counted), `later`, `sw only`.
 */
async function firstVisit(browser, site, locale = 'en-US') {
  const { context, page, requested, valueAt, liveAt, liveInDomAt, takeoverAt } = await coldLoad(browser, site, { locale });
  // The app registers its service worker after it has started (its loader adds sw-register.js).
  const hasSw = site.files.has('sw-register.js') && (await page.evaluate(() => 'serviceWorker' in navigator));
  if (hasSw) {
    // Wait until the worker has installed (it has then fetched its precache).
    await page.waitForFunction(async () => !!(await navigator.serviceWorker.getRegistration())?.active, null, { timeout: 15_000 });
  }
  // Let the lazy parts load (they are requested when the page is idle), and
  // every request started before live finish (Resource Timing lists a file
  // once it has arrived).
  await page.waitForTimeout(1500);
  const { entries, paint } = await page.evaluate(() => ({
    entries: performance.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime, blocking: e.renderBlockingStatus ?? null })),
    paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
  }));
  await context.close();
  const seen = new Map([['index.html', { start: 0, blocking: 'blocking' }]]);
  for (const e of entries) {
    const f = fileOf(site, e.name);
    if (f && !seen.has(f)) seen.set(f, e);
  }
  const names = new Set(seen.keys());
  for (const u of requested) {
    const f = fileOf(site, u);
    if (f) names.add(f);
  }
  if (hasSw && site.files.has('sw.js')) {
    names.add('sw.js');
    const list = site.files.get('sw.js').raw.toString('utf8').match(/\[\s*"\.\/"[\s\S]*?\]/);
    for (const u of list ? JSON.parse(list[0]) : []) names.add(u === './' ? 'index.html' : u.replace(/^\.\//, ''));
  }
  const files = [...names]
    .filter((f) => site.files.has(f))
    .sort()
    .map((file) => {
      const e = seen.get(file);
      const at = e ? e.start : null;
      const blocking = e ? e.blocking === 'blocking' : null;
      // Before the page answered the typing (the frame showing it comes later).
      const beforeLive = at !== null && at <= liveInDomAt;
      const cls =
        file === 'index.html' || (blocking && at <= valueAt) ? 'value' : beforeLive ? (IMAGE.test(file) ? 'image' : 'live') : at !== null ? 'later' : 'sw only';
      const { raw_bytes, gzip_bytes } = site.files.get(file);
      return { file, raw_bytes, gzip_bytes, requested_at_ms: at === null ? null : round1(at), render_blocking: blocking, class: cls };
    });
  const gzip = (list) => list.reduce((t, r) => t + r.gzip_bytes, 0);
  const waitsLive = files.filter((r) => r.class === 'value' || r.class === 'live');
  return {
    locale,
    value_at_ms: round1(valueAt),
    live_at_ms: round1(liveAt),
    live_in_dom_at_ms: round1(liveInDomAt),
    takeover_at_ms: takeoverAt === null ? null : round1(takeoverAt),
    first_contentful_paint_ms: paint === null ? null : round1(paint),
    files,
    value_gzip_bytes: gzip(files.filter((r) => r.class === 'value')),
    live_gzip_bytes: gzip(waitsLive),
    total_gzip_bytes: gzip(files),
    total_raw_bytes: files.reduce((t, r) => t + r.raw_bytes, 0),
    before_live: waitsLive.map((r) => r.file),
  };
}

/** `n` cold loads of each site, interleaved, under `network` (null: loopback as it is). */
async function timeLoads(browser, sites, n, network) {
  const keys = { value: 'valueAt', live: 'liveAt', value_in_dom: 'valueInDomAt', live_in_dom: 'liveInDomAt', takeover: 'takeoverAt' };
  const times = Object.fromEntries(sites.map(([name]) => [name, Object.fromEntries(Object.keys(keys).map((k) => [k, []]))]));
  for (let i = 0; i < n; i++) {
    for (const [name, site] of sites) {
      const r = await coldLoad(browser, site, { network });
      for (const [k, from] of Object.entries(keys)) times[name][k].push(r[from]);
      await r.context.close();
    }
  }
  // value and live are the measures; the moments their text was in the
  // document, and the takeover, are kept to read them by.
  const stats = (t) =>
    t.includes(null) ? { times_ms: t.map((v) => (v === null ? null : round1(v))) } : { times_ms: t.map(round1), median_ms: round1(median(t)), max_ms: round1(Math.max(...t)) };
  const res = { runs: n };
  for (const [name, t] of Object.entries(times)) res[name] = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, stats(v)]));
  res.value_ratio = res.app.value.median_ms / res.baseline.value.median_ms;
  res.live_ratio = res.app.live.median_ms / res.baseline.live.median_ms;
  return res;
}

async function editLatency(browser, site, n) {
  const { context, page } = await coldLoad(browser, site, { type: false });
  // Live once the first screen is gone (a build without one never has it),
  // then timed as a user works with the page: after the lazy parts have
  // loaded (the last is Compare), not while their chunks compile.
  await page.locator('[data-testid="first-screen"]').waitFor({ state: 'detached', timeout: 30_000 });
  const input = page.locator('[data-testid="panel-ev"]').getByLabel('EV deliveries', { exact: true });
  await input.waitFor();
  await page.locator('[data-testid="compare"]').waitFor();
  await page.waitForTimeout(300);
  const handle = await input.elementHandle();
  const result = await page.evaluate(
    async ({ input, n }) => {
      const vps = document.querySelector('[data-testid="value-per-share"]');
      const bridge = document.querySelector('[data-testid="segment-ev-per-share"]');
      if (!vps || !bridge) throw new Error('value-per-share or segment-ev-per-share not found');
      const values = ['700000', '650000'];
      const times = [];
      const texts = new Set();
      for (let i = 0; i < n; i++) {
        const before = [vps.textContent, bridge.textContent];
        const t = await new Promise((resolve, reject) => {
          let start = 0;
          const changed = () => vps.textContent !== before[0] && bridge.textContent !== before[1];
          const mo = new MutationObserver(() => {
            if (changed()) {
              const end = performance.now();
              mo.disconnect();
              clearTimeout(timer);
              resolve(end - start);
            }
          });
          const timer = setTimeout(() => {
            mo.disconnect();
            reject(new Error(`edit ${i}: no update within 2 s (value ${vps.textContent}, bridge ${bridge.textContent})`));
          }, 2000);
          mo.observe(vps, { childList: true, subtree: true, characterData: true });
          mo.observe(bridge, { childList: true, subtree: true, characterData: true });
          input.value = values[i % 2];
          start = performance.now();
          input.dispatchEvent(new Event('input', { bubbles: true }));
          if (changed()) {
            const end = performance.now();
            mo.disconnect();
            clearTimeout(timer);
            resolve(end - start);
          }
        });
        times.push(t);
        texts.add(vps.textContent);
        // Let anything the edit scheduled finish before the next one.
        await new Promise((r) => setTimeout(r, 0));
      }
      return { times, distinct_values: [...texts] };
    },
    { input: handle, n },
  );
  await context.close();
  const sorted = [...result.times].sort((a, b) => a - b);
  return {
    edits: n,
    median_ms: median(sorted),
    p95_ms: quantile(sorted, 0.95),
    max_ms: sorted[sorted.length - 1],
    values_shown: result.distinct_values,
  };
}

// The sensitivity grid, open, over `n` edits of "EV deliveries": from the
// input event to the headline's new value, and to the grid's centre cell
// holding the new scenario's value. The grid is made a task after the
// edit: the headline must come first every time.
async function gridLatency(browser, site, n) {
  const { context, page } = await coldLoad(browser, site, { type: false });
  await page.locator('[data-testid="first-screen"]').waitFor({ state: 'detached', timeout: 30_000 });
  await page.locator('[data-testid="analysis"] > summary').click();
  await page.locator('[data-testid="sensitivity"] td.yours').waitFor();
  await page.waitForTimeout(300);
  const input = await page.locator('[data-testid="panel-ev"]').getByLabel('EV deliveries', { exact: true }).elementHandle();
  const result = await page.evaluate(
    async ({ input, n }) => {
      const vps = document.querySelector('[data-testid="value-per-share"]');
      const centre = () => document.querySelector('[data-testid="sensitivity"] td.yours')?.getAttribute('data-value');
      const section = document.querySelector('[data-testid="sensitivity"]').closest('section');
      const values = ['700000', '650000'];
      const grid = [];
      const headline = [];
      const compute = [];
      let headlineFirst = 0;
      // The grid's own work: the timer task during which the centre cell
      // changes (the page makes the grid in a task of its own).
      const setTimeoutBefore = window.setTimeout;
      window.setTimeout = function (cb, ms, ...rest) {
        return setTimeoutBefore.call(window, function () {
          const before = centre();
          const t0 = performance.now();
          cb();
          if (centre() !== before) compute.push(performance.now() - t0);
        }, ms, ...rest);
      };
      for (let i = 0; i < n; i++) {
        const before = [vps.textContent, centre()];
        const t = await new Promise((resolve, reject) => {
          let start = 0;
          let head = null;
          const check = () => {
            const now = performance.now();
            if (head === null && vps.textContent !== before[0]) head = now - start;
            if (centre() !== before[1]) {
              mo.disconnect();
              clearTimeout(timer);
              resolve({ grid: now - start, head: head ?? now - start });
            }
          };
          const mo = new MutationObserver(check);
          const timer = setTimeout(() => {
            mo.disconnect();
            reject(new Error(`grid edit ${i}: no new grid within 2 s`));
          }, 2000);
          mo.observe(vps, { childList: true, subtree: true, characterData: true });
          mo.observe(section, { childList: true, subtree: true, attributes: true });
          input.value = values[i % 2];
          start = performance.now();
          input.dispatchEvent(new Event('input', { bubbles: true }));
          check();
        });
        grid.push(t.grid);
        headline.push(t.head);
        if (t.head < t.grid) headlineFirst++;
        await new Promise((r) => setTimeout(r, 0));
      }
      window.setTimeout = setTimeoutBefore;
      return { grid, headline, headlineFirst, compute };
    },
    { input, n },
  );
  await context.close();
  const g = [...result.grid].sort((a, b) => a - b);
  const h = [...result.headline].sort((a, b) => a - b);
  const c = [...result.compute].sort((a, b) => a - b);
  return {
    edits: n,
    grid_median_ms: median(g),
    grid_p95_ms: quantile(g, 0.95),
    headline_p95_ms: quantile(h, 0.95),
    compute_median_ms: median(c),
    compute_p95_ms: quantile(c, 0.95),
    computed: c.length,
    headline_first: result.headlineFirst,
  };
}

function readCriterion(dir) {
  const rows = [];
  for (const name of ['base', '10k_varied']) {
    const f = join(dir, 'evaluate', name, 'new', 'estimates.json');
    if (!existsSync(f)) continue;
    const e = JSON.parse(readFileSync(f, 'utf8'));
    rows.push({ bench: `evaluate/${name}`, median_ns: e.median.point_estimate, mean_ns: e.mean.point_estimate });
  }
  return rows;
}

/**
 * From `twiggy top -f json` of the wasm before wasm-bindgen/wasm-opt: the
 * largest code and data items and the bytes per crate (names demangled by
 * twiggy; custom sections such as the name section are left out, they are
 * not shipped).
 */
function wasmBreakdown(json) {
  const items = (json.items || json).filter((it) => !/subsection|custom section|^\.\.\. and|^Σ/.test(it.name));
  const total = items.reduce((t, it) => t + it.shallow_size, 0);
  const crateOf = (name) => {
    const n = name.replace(/^<+/, '');
    if (/^(data segment|elem|table|memory|global|type\[|import|export|code section|wasm magic|header)/.test(n)) return '(data, tables, types)';
    const m = n.match(/^([A-Za-z_][A-Za-z0-9_]*)(\[[0-9a-f]+\])?::/);
    return m ? m[1] : '(other)';
  };
  const crates = new Map();
  for (const it of items) crates.set(crateOf(it.name), (crates.get(crateOf(it.name)) || 0) + it.shallow_size);
  return {
    code_and_data_bytes: total,
    top_items: items.slice(0, 12).map((it) => ({ name: it.name, bytes: it.shallow_size, percent: (100 * it.shallow_size) / total })),
    by_crate: [...crates.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([crate, bytes]) => ({ crate, bytes, percent: (100 * bytes) / total })),
  };
}

const nsText = (ns) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} us` : `${ns.toFixed(0)} ns`);

// ------------------------------------------------------------------ run
const app = await serveGzip(appDir);
// The baseline has no input to type into: its live is its value on screen.
const hello = { ...(await serveGzip(helloDir)), liveIsValue: true };
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

let report;
try {
  const bytes = { app: await firstVisit(browser, app), baseline: await firstVisit(browser, hello) };
  // A first visit from each language's readers (the browser's locale picks
  // the language): only that language's files may come before live.
  const byLanguage = {};
  for (const [lang, locale] of LOCALES) {
    const r = lang === 'en' ? bytes.app : await firstVisit(browser, app, locale);
    const own = (f) => f.startsWith(`lang/${lang}-`);
    const langBeforeLive = r.before_live.filter((f) => f.startsWith('lang/'));
    byLanguage[lang] = {
      locale,
      value_gzip_bytes: r.value_gzip_bytes,
      live_gzip_bytes: r.live_gzip_bytes,
      value_at_ms: r.value_at_ms,
      live_at_ms: r.live_at_ms,
      language_files: langBeforeLive.filter(own),
      // Its own texts must be there when the build has them.
      language_file_missing: langBeforeLive.filter(own).length === 0 && [...app.files.keys()].some(own),
      other_languages_before_live: langBeforeLive.filter((f) => !own(f)),
    };
  }

  const sites = [['app', app], ['baseline', hello]];
  // One load of each to warm the OS file cache and Chromium's process, not counted.
  for (const [, site] of sites) await (await coldLoad(browser, site)).context.close();
  const loopback = await timeLoads(browser, sites, runs, null);
  const slow4g = await timeLoads(browser, sites, slowRuns, SLOW_4G);
  const edit = await editLatency(browser, app, edits);
  const gridEdit = await gridLatency(browser, app, Math.min(edits, 100));
  const native = criterionDir ? readCriterion(criterionDir) : [];
  const twiggy = twiggyFile && existsSync(twiggyFile) ? wasmBreakdown(JSON.parse(readFileSync(twiggyFile, 'utf8'))) : null;

  report = {
    measured_at: new Date().toISOString(),
    app_dir: appDir,
    baseline_dir: helloDir,
    slow_4g_conditions: SLOW_4G,
    budgets_set: BUDGET,
    timing: { loopback, slow_4g: slow4g },
    first_visit: bytes,
    first_visit_by_language: byLanguage,
    edit_latency: edit,
    grid_latency: gridEdit,
    native,
    wasm_top_items: twiggy,
  };
} finally {
  await browser.close();
  app.stop();
  hello.stop();
}

// ------------------------------------------------------------------ report
const { timing: tm, first_visit: fv, edit_latency: el } = report;
const x = (a, b) => `${(a / b).toFixed(2)}x`;
const rows = [['measure', 'app', 'baseline', 'app/baseline']];
for (const [name, t] of [['loopback', tm.loopback], ['slow 4G', tm.slow_4g]]) {
  for (const [what, k] of [['value on screen', 'value'], ['live', 'live']]) {
    rows.push([`${what}, ${name}, median of ${t.runs}`, ms(t.app[k].median_ms), ms(t.baseline[k].median_ms), x(t.app[k].median_ms, t.baseline[k].median_ms)]);
  }
}
for (const [what, k] of [['what the value waits for', 'value_gzip_bytes'], ['what live waits for', 'live_gzip_bytes'], ['all a first visit fetches', 'total_gzip_bytes']]) {
  rows.push([`${what} (en-US), gzip B`, fmt(fv.app[k]), fmt(fv.baseline[k]), x(fv.app[k], fv.baseline[k])]);
}
rows.push(['first visit, files', String(fv.app.files.length), String(fv.baseline.files.length), '']);
for (const q of ['median', 'p95', 'max']) rows.push([`edit latency, ${q} of ${el.edits}`, ms(el[`${q}_ms`]), '-', '']);
for (const q of ['median', 'p95']) rows.push([`7 x 7 grid recomputed, ${q} of ${report.grid_latency.edits}`, ms(report.grid_latency[`compute_${q}_ms`]), '-', '']);
for (const q of ['median', 'p95']) rows.push([`7 x 7 grid on screen after an edit, ${q}`, ms(report.grid_latency[`grid_${q}_ms`]), '-', '']);
for (const n of report.native) rows.push([`native ${n.bench} (median)`, nsText(n.median_ns), '-', '']);
const w = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
const line = (r) => r.map((s, c) => (c === 0 ? s.padEnd(w[c]) : s.padStart(w[c]))).join('  ');
console.log(line(rows[0]));
console.log(w.map((n) => '-'.repeat(n)).join('  '));
for (const r of rows.slice(1)) console.log(line(r));
for (const [name, t] of [['loopback', tm.loopback], ['slow 4G', tm.slow_4g]]) {
  const m = (k) => (t.app[k].median_ms === undefined ? '-' : ms(t.app[k].median_ms));
  console.log(`app medians, ${name}: value in the document ${m('value_in_dom')}, on screen ${m('value')}; takeover ${m('takeover')}; answer to typing in the document ${m('live_in_dom')}, on screen ${m('live')}`);
}

const a = fv.app;
console.log(
  `\nfirst-visit files (app, en-US, loopback; value on screen at ${ms(a.value_at_ms)}` +
    `${a.first_contentful_paint_ms === null ? '' : ` (first contentful paint ${ms(a.first_contentful_paint_ms)})`}` +
    `${a.takeover_at_ms === null ? '' : `, takeover at ${ms(a.takeover_at_ms)}`}, live at ${ms(a.live_at_ms)}):`,
);
console.log(`  ${'file'.padEnd(48)} ${'raw'.padStart(10)} ${'gzip'.padStart(9)}  ${'requested'.padStart(10)}  blocking  class`);
for (const f of a.files) {
  const when = f.requested_at_ms === null ? '-' : ms(f.requested_at_ms);
  const blocking = f.render_blocking === null ? '-' : f.render_blocking ? 'yes' : 'no';
  console.log(`  ${f.file.padEnd(48)} ${fmt(f.raw_bytes).padStart(10)} ${fmt(f.gzip_bytes).padStart(9)}  ${when.padStart(10)}  ${blocking.padEnd(8)}  ${f.class}`);
}
console.log('  (class: value = what the value waits for; live = also what live waits for; image = before live, not counted)');

console.log('\nby language (a first visit with the browser in that locale, loopback), gzip B:');
console.log(`  ${'lang'.padEnd(8)} ${'locale'.padEnd(6)} ${'value'.padStart(7)} ${'live'.padStart(9)}  language files before live`);
for (const [lang, r] of Object.entries(report.first_visit_by_language)) {
  const files = [...r.language_files, ...r.other_languages_before_live].join(', ') || 'none';
  console.log(`  ${lang.padEnd(8)} ${r.locale.padEnd(6)} ${fmt(r.value_gzip_bytes).padStart(7)} ${fmt(r.live_gzip_bytes).padStart(9)}  ${files}`);
}

if (report.wasm_top_items) {
  const w = report.wasm_top_items;
  console.log(`\nwhat is big in the wasm (twiggy, before wasm-opt; ${fmt(w.code_and_data_bytes)} B of code and data):`);
  console.log('  by crate:');
  for (const c of w.by_crate) console.log(`  ${fmt(c.bytes).padStart(9)} B ${c.percent.toFixed(1).padStart(5)}%  ${c.crate}`);
  console.log('  largest items:');
  for (const it of w.top_items) console.log(`  ${fmt(it.bytes).padStart(9)} B ${it.percent.toFixed(1).padStart(5)}%  ${String(it.name).slice(0, 100)}`);
}

// ------------------------------------------------------------------ budgets
const budgets = [];
const check = (name, ok, text, enforced = true) => {
  budgets.push({ name, ok, enforced, text });
  // Only enforced budgets print ok/FAIL (scripts/test counts those as tests);
  // a reported one prints met/over.
  console.log(`${enforced ? (ok ? 'ok  ' : 'FAIL') : ok ? 'met ' : 'over'}  ${text}`);
};
console.log('\nbudgets:');
for (const [lang, r] of Object.entries(report.first_visit_by_language)) {
  check(
    `value_gzip_${lang}`,
    r.value_gzip_bytes <= BUDGET.value_gzip,
    `what the value waits for, ${lang} (${r.locale}): ${fmt(r.value_gzip_bytes)} B gzip (budget ${fmt(BUDGET.value_gzip)} B): the page and its render-blocking files`,
  );
}
for (const [lang, r] of Object.entries(report.first_visit_by_language)) {
  const others = r.other_languages_before_live;
  check(
    `live_gzip_${lang}`,
    r.live_gzip_bytes <= BUDGET.live_gzip && others.length === 0 && !r.language_file_missing,
    `what live waits for, ${lang} (${r.locale}): ${fmt(r.live_gzip_bytes)} B gzip (budget ${fmt(BUDGET.live_gzip)} B), with its own language's files only` +
      `${others.length ? `; also: ${others.join(', ')}` : ''}${r.language_file_missing ? '; its language file was not loaded' : ''}`,
  );
}
check(
  'first_visit_gzip',
  fv.app.total_gzip_bytes <= BUDGET.first_visit_gzip,
  `all a first visit fetches: ${fmt(fv.app.total_gzip_bytes)} B gzip (budget ${fmt(BUDGET.first_visit_gzip)} B), with sw.js and its precache`,
);
check('edit_latency_p95', el.p95_ms <= BUDGET.edit_p95_ms, `edit latency p95 ${el.p95_ms.toFixed(2)} ms (budget ${BUDGET.edit_p95_ms} ms)`);
const analysisChunk = fv.app.files.find((r) => /^split_analysis-[^/]*\.wasm$/.test(r.file));
check(
  'analysis_chunk_gzip',
  analysisChunk !== undefined && analysisChunk.gzip_bytes <= BUDGET.analysis_chunk_gzip,
  `the analysis chunk: ${analysisChunk ? fmt(analysisChunk.gzip_bytes) : 'not found'} B gzip (budget ${fmt(BUDGET.analysis_chunk_gzip)} B)`,
);
const gl = report.grid_latency;
check(
  'grid_latency',
  gl.computed === gl.edits && gl.compute_p95_ms <= BUDGET.grid_ms && gl.headline_first === gl.edits,
  `7 x 7 grid recomputed after an edit: p95 ${gl.compute_p95_ms.toFixed(2)} ms of work (budget ${BUDGET.grid_ms} ms), in a task after the headline's ` +
    `in ${gl.headline_first} of ${gl.edits} edits; on screen ${gl.grid_median_ms.toFixed(1)} ms (median) and ${gl.grid_p95_ms.toFixed(1)} ms (p95) after the input, ` +
    `the frame that paints the headline first among it (headline p95 ${gl.headline_p95_ms.toFixed(2)} ms)`,
);
for (const [name, t, note] of [['slow_4g', tm.slow_4g, 'under slow 4G'], ['loopback', tm.loopback, 'on loopback, for reference']]) {
  for (const [what, k, goal] of [['value on screen', 'value', BUDGET.value_ratio], ['live', 'live', BUDGET.live_ratio]]) {
    const ratio = t.app[k].median_ms / t.baseline[k].median_ms;
    check(
      `${k}_ratio_${name}`,
      ratio <= goal,
      `${what} ${note}: median ${ms(t.app[k].median_ms)} = ${ratio.toFixed(2)} x the baseline's ${ms(t.baseline[k].median_ms)} (goal ${goal} x; reported, not enforced)`,
      false,
    );
  }
}
report.budgets = budgets;

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
console.log(`\nwrote ${out}`);
const failed = budgets.filter((b) => b.enforced && !b.ok);
if (failed.length) {
  console.log(`${failed.length} budget${failed.length > 1 ? 's' : ''} failed${enforce ? '' : ' (not enforced without --enforce)'}`);
  if (enforce) process.exit(1);
}
