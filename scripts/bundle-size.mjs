#!/usr/bin/env node
// Bundle report: every file in dist/ with its raw and gzip (level 9) size,
// a total, and a budget on the total gzip size. Writes target/bundle-size.json.
//
//   node scripts/bundle-size.mjs [dist-dir] [--budget BYTES] [--out FILE]
//
// Exits 1 when the total gzip size is over the budget (default 600,000
// bytes: every file of the site, each chunk, worker and language file
// included; tests/e2e/bench.mjs enforces the same for all a first visit
// fetches), 2 when dist/ is missing or empty.

import { readdirSync, readFileSync, statSync, mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync, constants } from 'node:zlib';
import { join, relative, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
function opt(name, fallback) {
  const i = args.indexOf(`--${name}`);
  if (i === -1) return fallback;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
}
const budget = Number(opt("budget", process.env.BUNDLE_BUDGET_GZIP || 600000));
const out = resolve(opt('out', join(repo, 'target', 'bundle-size.json')));
const dist = resolve(args[0] || join(repo, 'dist'));

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? walk(p) : e.isFile() ? [p] : [];
  });
}

let paths;
try {
  paths = walk(dist).sort();
} catch (e) {
  console.error(`bundle-size: cannot read ${dist}: ${e.message}`);
  process.exit(2);
}
if (paths.length === 0) {
  console.error(`bundle-size: ${dist} is empty`);
  process.exit(2);
}

const fmt = (n) => n.toLocaleString('en-US');
const files = paths.map((p) => {
  const data = readFileSync(p);
  return {
    file: relative(dist, p).split('\\').join('/'),
    raw_bytes: statSync(p).size,
    gzip_bytes: gzipSync(data, { level: constants.Z_BEST_COMPRESSION }).length,
  };
});
const total = files.reduce((t, f) => ({ raw: t.raw + f.raw_bytes, gzip: t.gzip + f.gzip_bytes }), { raw: 0, gzip: 0 });

const width = Math.max(5, ...files.map((f) => f.file.length));
const line = (name, raw, gz) => `${name.padEnd(width)}  ${raw.padStart(12)}  ${gz.padStart(12)}`;
console.log(line('file', 'raw bytes', 'gzip bytes'));
for (const f of files) console.log(line(f.file, fmt(f.raw_bytes), fmt(f.gzip_bytes)));
console.log(line('total', fmt(total.raw), fmt(total.gzip)));
const over = total.gzip > budget;
console.log(
  `budget: ${fmt(total.gzip)} of ${fmt(budget)} gzip bytes (${((100 * total.gzip) / budget).toFixed(1)}%)` +
    (over ? ` -- OVER BUDGET by ${fmt(total.gzip - budget)} bytes` : ' -- ok'),
);

mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  JSON.stringify(
    { dist: relative(repo, dist) || '.', files, total_raw_bytes: total.raw, total_gzip_bytes: total.gzip, budget_gzip_bytes: budget, over_budget: over },
    null,
    2,
  ) + '\n',
);
process.exit(over ? 1 : 0);
