#!/usr/bin/env node
// Finishes a built site: first sets index.html's Content-Security-Policy
// (scripts/csp.mjs: the inline loader's hash is computed from the built
// file), then writes sw.js: the precache list is every file of the build,
// and the cache version is a hash of all of them (the final index.html
// included), so any change to any file is a new version. Runs as Trunk's
// post_build hook (on the staging dir) or by hand: node scripts/precache.mjs DIR
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { injectCsp } from "./csp.mjs";

const root = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!root) {
  console.error("usage: node scripts/precache.mjs DIR (or run as a Trunk post_build hook)");
  process.exit(2);
}
// Before anything is hashed: sw.js must cover the final index.html.
if (existsSync(join(root, "index.html"))) injectCsp(root);

const template = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "assets", "sw.js"), "utf8");

const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(relative(root, path).split(sep).join("/"));
  }
};
walk(root);
const listed = files.filter((f) => f !== "sw.js");

const hash = createHash("sha256");
for (const f of listed) {
  hash.update(f);
  hash.update("\0");
  hash.update(readFileSync(join(root, f)));
}
hash.update(template);
const version = hash.digest("hex").slice(0, 16);
// "./" is the page itself; every URL is relative so any sub-path works.
const precache = ["./", ...listed.map((f) => `./${f}`)];
writeFileSync(
  join(root, "sw.js"),
  template.replace("__VERSION__", version).replace("__PRECACHE__", JSON.stringify(precache, null, 2)),
);
console.log(`sw.js: version ${version}, ${precache.length} URLs precached`);
