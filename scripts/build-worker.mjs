// Builds the Monte Carlo worker: its own small wasm (src/bin/mc_worker.rs,
// built without the page's feature `app`: the model, the link reader and
// the sampler, no view code), its wasm-bindgen glue, worker/worker.js and
// a bench page (worker/bench.html as index.html).
//
//   node scripts/build-worker.mjs [OUT_DIR]      (default target/mc-worker)
//
// Prints each file's raw and gzip bytes. The worker is not part of dist/
// yet: the Monte Carlo view that would load it does not fit the site's
// budget (README, Budgets), so scripts/bench builds and measures it here.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync, constants } from "node:zlib";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const out = resolve(process.argv[2] || join(repo, "target", "mc-worker"));
const target = resolve(repo, process.env.CARGO_TARGET_DIR || "target");
const run = (cmd, argv) => execFileSync(cmd, argv, { stdio: "inherit", cwd: repo });

run("cargo", ["build", "--release", "--locked", "--target", "wasm32-unknown-unknown", "--no-default-features", "--bin", "mc_worker"]);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const raw = join(target, "wasm32-unknown-unknown", "release", "mc_worker.wasm");
run("wasm-bindgen", [raw, "--out-dir", out, "--out-name", "mc_worker", "--target", "web", "--no-typescript"]);
const wasm = join(out, "mc_worker_bg.wasm");
// -Oz as the page's wasm: -O3 with opt-level 3 was measured as fast (the
// time goes to rust_decimal's 128-bit arithmetic, software on wasm32) and
// 15 KB larger.
run("wasm-opt", ["-Oz", "--strip-debug", "--strip-producers", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals", wasm, "-o", wasm]);
copyFileSync(join(repo, "worker", "worker.js"), join(out, "worker.js"));
copyFileSync(join(repo, "worker", "bench.html"), join(out, "index.html"));

const gz = (f) => gzipSync(readFileSync(f), { level: constants.Z_BEST_COMPRESSION }).length;
let totalGz = 0;
for (const f of readdirSync(out).sort()) {
  const p = join(out, f);
  const g = gz(p);
  if (f !== "index.html") totalGz += g;
  console.log(`build-worker: ${f.padEnd(22)} ${String(statSync(p).size).padStart(8)} B raw ${String(g).padStart(7)} B gzip`);
}
console.log(`build-worker: the worker's files (wasm, glue, worker.js): ${totalGz} B gzip`);
