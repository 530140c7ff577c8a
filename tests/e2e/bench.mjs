#!/usr/bin/env node
// The benchmark of the built app against a minimal Leptos page (the
// baseline, bench/hello/), both served from disk and driven in headless
// Chromium. `bash scripts/bench` builds both and runs this; scripts/test runs
// it with --enforce as the "budgets" stage.
//
//   node bench.mjs [--app ../../dist] [--hello ../../target/hello-dist]
//                  [--runs 10] [--edits 200] [--out ../../target/bench.json]
//                  [--twiggy FILE.json] [--criterion DIR] [--enforce]
//
// Measures:
// - first-load bytes: gzip (level 9) of every file the first visit fetches:
//   what the page requests, plus sw.js and everything it precaches; and of
//   the critical path: the files requested before the value was on screen
//   (each file's request time from the page's Resource Timing);
// - cold load: navigation start to [data-testid=value-per-share] having
//   text, `--runs` times each, every load in a new browser context (empty
//   cache, no service worker), app and baseline interleaved;
// - edit latency (app only, once the lazy parts have loaded): `--edits`
//   edits of "EV deliveries" in
//   [data-testid=panel-ev], each timed inside the page with performance.now()
//   from dispatching the `input` event until a MutationObserver has seen both
//   the value per share and the EV line of the bridge
//   ([data-testid=segment-ev-per-share]) change;
// - with --criterion: the native engine's estimates from `cargo bench`;
// - with --twiggy: the largest items of the wasm (twiggy top, JSON).
//
// Budgets (exit 1 with --enforce when one fails): edit latency p95 <= 8 ms;
// critical path <= 150,000 B gzip. Cold-load median <= 1.5 x the
// baseline's median is reported, not enforced (see README).
// scripts/bundle-size.mjs enforces 400,000 B gzip for all of dist/.

import { chromium } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve-dir.mjs';
import { gzipSync, constants } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');

// The languages and a browser locale whose readers get each on a first visit.
const LOCALES = [['en', 'en-US'], ['zh-Hant', 'zh-HK'], ['zh-Hans', 'zh-CN'], ['de', 'de-DE']];

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i !== -1 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
const flag = (name) => process.argv.includes(`--${name}`);

const appDir = resolve(arg('app', join(repo, 'dist')));
const helloDir = resolve(arg('hello', join(repo, 'target', 'hello-dist')));
const runs = Number(arg('runs', 10));
const edits = Number(arg('edits', 200));
const out = resolve(arg('out', join(repo, 'target', 'bench.json')));
const twiggyFile = arg('twiggy', '');
const criterionDir = arg('criterion', '');
const enforce = flag('enforce');

const BUDGET_EDIT_P95_MS = 8;
const BUDGET_LOAD_RATIO = 1.5;
const BUDGET_CRITICAL_GZIP = 150_000;

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const ms = (n) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;

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

const gzipBytes = (path) => gzipSync(readFileSync(path), { level: constants.Z_BEST_COMPRESSION }).length;

/** Records the time the value first has text, from before any page script runs. */
const firstValueProbe = () => {
  const done = () => {
    const el = document.querySelector('[data-testid="value-per-share"]');
    if (el && el.textContent && el.textContent.trim() !== '' && window.__firstValueAt === undefined) {
      window.__firstValueAt = performance.now();
      return true;
    }
    return window.__firstValueAt !== undefined;
  };
  const mo = new MutationObserver(() => done() && mo.disconnect());
  mo.observe(document, { childList: true, subtree: true, characterData: true });
};

async function coldLoad(browser, site, locale = 'en-US') {
  const context = await browser.newContext({ locale });
  await context.addInitScript(firstValueProbe);
  const page = await context.newPage();
  const requested = new Set();
  context.on('request', (r) => requested.add(r.url()));
  await page.goto(site.url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(() => window.__firstValueAt, null, { polling: 50, timeout: 30_000 });
  const at = await handle.jsonValue();
  const text = (await page.locator('[data-testid="value-per-share"]').textContent()).trim();
  return { context, page, at, text, requested };
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
 * Files (relative to the site) that a first visit fetches, incl. the
 * service worker's precache, each marked `critical` when the page requested
 * it before the value per share was on screen (the page itself, and every
 * resource whose fetch started earlier, by the page's Resource Timing), with
 * `requested_at_ms` (from navigation start; null for what only the service
 * worker fetched).
 */
async function firstLoadFiles(browser, site, locale = 'en-US') {
  const { context, page, requested, at } = await coldLoad(browser, site, locale);
  // The app registers its service worker after it has started (its loader adds sw-register.js).
  const hasSw = existsSync(join(site.dir, 'sw-register.js')) && (await page.evaluate(() => 'serviceWorker' in navigator));
  if (hasSw) {
    // Wait until the worker has installed (it has then fetched its precache).
    await page.waitForFunction(async () => !!(await navigator.serviceWorker.getRegistration())?.active, null, { timeout: 15_000 });
  }
  // Let the lazy parts load (they are requested when the page is idle).
  await page.waitForTimeout(1500);
  const timings = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime })));
  await context.close();
  const when = new Map([['index.html', 0]]);
  for (const t of timings) {
    const f = fileOf(site, t.name);
    if (f && !when.has(f)) when.set(f, t.start);
  }
  const files = new Set(['index.html']);
  for (const u of requested) {
    const f = fileOf(site, u);
    if (f) files.add(f);
  }
  for (const f of when.keys()) files.add(f);
  if (hasSw && existsSync(join(site.dir, 'sw.js'))) {
    files.add('sw.js');
    const sw = readFileSync(join(site.dir, 'sw.js'), 'utf8');
    const list = sw.match(/\[\s*"\.\/"[\s\S]*?\]/);
    for (const u of list ? JSON.parse(list[0]) : []) files.add(u === './' ? 'index.html' : u.replace(/^\.\//, ''));
  }
  const rows = [...files]
    .filter((f) => existsSync(join(site.dir, f)) && statSync(join(site.dir, f)).isFile())
    .sort()
    .map((f) => {
      const requested_at_ms = when.has(f) ? Math.round(when.get(f) * 10) / 10 : null;
      return {
        file: f,
        raw_bytes: statSync(join(site.dir, f)).size,
        gzip_bytes: gzipBytes(join(site.dir, f)),
        requested_at_ms,
        critical: requested_at_ms !== null && requested_at_ms <= at,
      };
    });
  const sum = (list, k) => list.reduce((t, r) => t + r[k], 0);
  const critical = rows.filter((r) => r.critical);
  return {
    files: rows,
    value_at_ms: Math.round(at * 10) / 10,
    total_gzip_bytes: sum(rows, 'gzip_bytes'),
    total_raw_bytes: sum(rows, 'raw_bytes'),
    critical_gzip_bytes: sum(critical, 'gzip_bytes'),
    critical_raw_bytes: sum(critical, 'raw_bytes'),
  };
}

async function editLatency(browser, site, n) {
  const { context, page } = await coldLoad(browser, site);
  const input = page.locator('[data-testid="panel-ev"]').getByLabel('EV deliveries', { exact: true });
  await input.waitFor();
  // Edits are timed on the page as a user works with it: after the lazy
  // parts have loaded (the last is Compare), not while their chunks compile.
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
const app = await serve(appDir, 'bash scripts/bench');
const hello = await serve(helloDir, 'bash scripts/bench');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

let report;
try {
  const bytes = { app: await firstLoadFiles(browser, app), hello: await firstLoadFiles(browser, hello) };
  // A first visit from each language's readers (the browser's locale picks
  // the language): only that language's file may be on its critical path.
  const byLanguage = {};
  for (const [lang, locale] of LOCALES) {
    const r = lang === 'en' ? bytes.app : await firstLoadFiles(browser, app, locale);
    const langFiles = r.files.filter((f) => f.file.startsWith('lang/'));
    byLanguage[lang] = {
      locale,
      critical_gzip_bytes: r.critical_gzip_bytes,
      language_file: langFiles.find((f) => f.critical && f.file.startsWith(`lang/${lang}-`)) || null,
      other_languages_on_path: langFiles.filter((f) => f.critical && !f.file.startsWith(`lang/${lang}-`)).map((f) => f.file),
    };
  }

  // One load of each to warm the OS file cache and Chromium's process, not counted.
  for (const site of [app, hello]) await (await coldLoad(browser, site)).context.close();
  const loads = { app: [], hello: [] };
  let shown = '';
  for (let i = 0; i < runs; i++) {
    for (const [name, site] of [['app', app], ['hello', hello]]) {
      const r = await coldLoad(browser, site);
      loads[name].push(r.at);
      if (name === 'app') shown = r.text;
      await r.context.close();
    }
  }
  const load = (t) => ({ runs: t.length, times_ms: t.map((x) => Math.round(x * 10) / 10), median_ms: median(t), max_ms: Math.max(...t) });
  const edit = await editLatency(browser, app, edits);
  const native = criterionDir ? readCriterion(criterionDir) : [];
  const twiggy = twiggyFile && existsSync(twiggyFile) ? wasmBreakdown(JSON.parse(readFileSync(twiggyFile, 'utf8'))) : null;

  report = {
    measured_at: new Date().toISOString(),
    app_dir: appDir,
    baseline_dir: helloDir,
    first_load: { app: bytes.app, baseline: bytes.hello, ratio: bytes.app.total_gzip_bytes / bytes.hello.total_gzip_bytes, critical_budget_gzip_bytes: BUDGET_CRITICAL_GZIP },
    first_load_by_language: byLanguage,
    cold_load: { app: load(loads.app), baseline: load(loads.hello), value_shown: shown },
    edit_latency: edit,
    native,
    wasm_top_items: twiggy,
  };
  report.cold_load.median_ratio = report.cold_load.app.median_ms / report.cold_load.baseline.median_ms;
  report.cold_load.max_ratio = report.cold_load.app.max_ms / report.cold_load.baseline.max_ms;
} finally {
  await browser.close();
  app.stop();
  hello.stop();
}

// ------------------------------------------------------------------ report
const { first_load: fl, cold_load: cl, edit_latency: el } = report;
const rows = [
  ['measure', 'app', 'baseline', 'app/baseline'],
  ['critical path (before the value), gzip bytes', fmt(fl.app.critical_gzip_bytes), fmt(fl.baseline.critical_gzip_bytes), `${(fl.app.critical_gzip_bytes / fl.baseline.critical_gzip_bytes).toFixed(2)}x`],
  ['first load (all a first visit fetches), gzip bytes', fmt(fl.app.total_gzip_bytes), fmt(fl.baseline.total_gzip_bytes), `${fl.ratio.toFixed(2)}x`],
  ['first load, files', String(fl.app.files.length), String(fl.baseline.files.length), ''],
  [`cold load to value, median of ${runs}`, ms(cl.app.median_ms), ms(cl.baseline.median_ms), `${cl.median_ratio.toFixed(2)}x`],
  [`cold load to value, max of ${runs}`, ms(cl.app.max_ms), ms(cl.baseline.max_ms), `${cl.max_ratio.toFixed(2)}x`],
  [`edit latency, median of ${el.edits}`, ms(el.median_ms), '-', ''],
  [`edit latency, p95 of ${el.edits}`, ms(el.p95_ms), '-', ''],
  [`edit latency, max of ${el.edits}`, ms(el.max_ms), '-', ''],
];
for (const n of report.native) rows.push([`native ${n.bench} (median)`, nsText(n.median_ns), '-', '']);
const w = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
const line = (r) => r.map((x, c) => (c === 0 ? x.padEnd(w[c]) : x.padStart(w[c]))).join('  ');
console.log(line(rows[0]));
console.log(w.map((n) => '-'.repeat(n)).join('  '));
for (const r of rows.slice(1)) console.log(line(r));

console.log(`\nfirst-load files (app; value on screen at ${ms(fl.app.value_at_ms)}):`);
for (const f of fl.app.files) {
  const when = f.requested_at_ms === null ? 'service worker only' : `requested at ${ms(f.requested_at_ms)}`;
  console.log(`  ${f.file.padEnd(48)} ${fmt(f.raw_bytes).padStart(10)} raw ${fmt(f.gzip_bytes).padStart(10)} gzip  ${f.critical ? 'CRITICAL' : 'later   '}  ${when}`);
}

console.log('\ncritical path by language (a first visit with the browser in that locale):');
for (const [lang, r] of Object.entries(report.first_load_by_language)) {
  const file = r.language_file ? `${r.language_file.file} ${fmt(r.language_file.gzip_bytes)} B gzip` : 'no language file';
  console.log(`  ${lang.padEnd(8)} ${r.locale.padEnd(6)} ${fmt(r.critical_gzip_bytes).padStart(9)} B gzip  (${file})`);
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
check(
  'edit_latency_p95',
  el.p95_ms <= BUDGET_EDIT_P95_MS,
  `edit latency p95 ${el.p95_ms.toFixed(2)} ms (budget ${BUDGET_EDIT_P95_MS} ms)`,
);
check(
  'critical_path_gzip',
  fl.app.critical_gzip_bytes <= BUDGET_CRITICAL_GZIP,
  `critical path ${fmt(fl.app.critical_gzip_bytes)} B gzip (budget ${fmt(BUDGET_CRITICAL_GZIP)} B): every file requested before the value was on screen`,
);
for (const [lang, r] of Object.entries(report.first_load_by_language)) {
  if (lang === 'en') continue;
  check(
    `critical_path_gzip_${lang}`,
    r.critical_gzip_bytes <= BUDGET_CRITICAL_GZIP && r.language_file !== null && r.other_languages_on_path.length === 0,
    `critical path of a first visit in ${lang} (${r.locale}) ${fmt(r.critical_gzip_bytes)} B gzip (budget ${fmt(BUDGET_CRITICAL_GZIP)} B), with its own language file only${r.other_languages_on_path.length ? `; also: ${r.other_languages_on_path.join(', ')}` : ''}${r.language_file ? '' : '; its language file was not loaded'}`,
  );
}
check(
  'cold_load_median_vs_baseline',
  cl.median_ratio <= BUDGET_LOAD_RATIO,
  `cold load median ${ms(cl.app.median_ms)} = ${cl.median_ratio.toFixed(2)} x the baseline's ${ms(cl.baseline.median_ms)} (target ${BUDGET_LOAD_RATIO} x; reported, not enforced: see README)`,
  false,
);
report.budgets = budgets;

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
console.log(`\nwrote ${out}`);
const failed = budgets.filter((b) => b.enforced && !b.ok);
if (failed.length) {
  console.log(`${failed.length} budget${failed.length > 1 ? 's' : ''} failed${enforce ? '' : ' (not enforced without --enforce)'}`);
  if (enforce) process.exit(1);
}
