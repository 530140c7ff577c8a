#!/usr/bin/env node
// Trunk's post_build hook (Trunk.toml), on the staging dir:
//   1. for the app's page (its rust asset is marked data-trunk-skip), the
//      split wasm build and its loader (scripts/build-app.mjs; Trunk 0.21
//      cannot split wasm itself);
//   2. for every page, the Content-Security-Policy and the service worker's
//      precache list (scripts/precache.mjs), which must see the final files.
// Hooks of one stage run concurrently in Trunk, hence one hook doing both
// in order.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("post-build: run by Trunk (TRUNK_STAGING_DIR is not set)");
  process.exit(2);
}
const node = (script) => execFileSync(process.execPath, [join(here, script), staging], { stdio: "inherit" });
// The app's page marks its rust asset data-trunk-skip (index.html); the
// benchmark's baseline page (bench/hello/) is built by Trunk as usual.
const page = join(staging, "index.html");
if (existsSync(page) && /\bdata-trunk-skip\b/.test(readFileSync(page, "utf8"))) node("build-app.mjs");
node("precache.mjs");
