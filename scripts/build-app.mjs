#!/usr/bin/env node
// The split build of the app's wasm, run by Trunk as a post_build hook
// (scripts/post-build.mjs) or by hand:
//
//   node scripts/build-app.mjs OUT_DIR [--profile release|debug]
//
// Trunk 0.21 cannot split wasm, so index.html has no Trunk rust asset; this
// script builds it instead and writes into OUT_DIR (Trunk's staging dir):
//
//   1. cargo build --bin sotp for wasm32 with `--cfg sotp_split` (lazy parts
//      become wasm_split points, src/ui/lazy.rs) and `--emit-relocs` (the
//      splitter needs the relocations), into target/split/;
//   2. wasm-split-cli: main.wasm, one wasm per chunk, __wasm_split.js (the
//      chunk loader);
//   3. wasm-bindgen --target web --keep-lld-exports on main.wasm;
//   4. wasm-opt -Oz on every wasm, terser on the JS (release);
//   5. content hashes in every file name (main-<h>.js, main_bg-<h>.wasm,
//      split_<part>-<h>.wasm, ...), with the references between them
//      rewritten, so a static host can cache them for ever;
//   6. the language files, two per language (the first value's texts, the rest);
//   7. the first screen (src/bin/prerender.rs) as <template>s in index.html
//      with the inline loader that shows the reader's one before the first
//      paint (scripts/first-screen-loader.js);
//   8. an inline module that starts main.js, with preloads of main.js, the
//      loader module and the main wasm, and adds sw-register.js once the
//      app has started. Chunks are fetched when a part needs them.
//
// Writes target/split/manifest.json: which file of the site is which.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, cpSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const profileAt = args.indexOf("--profile");
const profile = profileAt >= 0 ? args.splice(profileAt, 2)[1] : process.env.TRUNK_PROFILE || "release";
const outDir = resolve(args[0] || process.env.TRUNK_STAGING_DIR || join(repo, "dist"));
const release = profile === "release";

const targetDir = join(resolve(repo, process.env.CARGO_TARGET_DIR || "target"), "split");
const work = join(targetDir, "out");
const run = (cmd, argv, env = {}) => {
  console.log(`build-app: ${cmd} ${argv.join(" ")}`);
  execFileSync(cmd, argv, { stdio: "inherit", cwd: repo, env: { ...process.env, ...env } });
};

// 1. the wasm, with relocations and the split points
// Panic locations name source files, and those names ship in the wasm's
// data (all of it in the main module, on the first load): the registry's
// and this repository's absolute paths are cut to crate-relative ones. It
// also makes the build the same on every machine, wherever HOME is.
const cargoHome = process.env.CARGO_HOME || join(process.env.HOME || "/root", ".cargo");
const registry = join(cargoHome, "registry", "src");
const remaps = [
  ...(existsSync(registry) ? readdirSync(registry).map((d) => `--remap-path-prefix=${join(registry, d)}/=`) : []),
  `--remap-path-prefix=${repo}/=`,
];
const rustflags = [process.env.SOTP_RUSTFLAGS || "", "--cfg sotp_split", "-Clink-args=--emit-relocs", ...remaps].join(" ").trim();
run(
  "cargo",
  ["build", "--bin", "sotp", "--target", "wasm32-unknown-unknown", "--locked", "--target-dir", targetDir, ...(release ? ["--release"] : [])],
  { RUSTFLAGS: rustflags, CARGO_TERM_COLOR: "never" },
);
const raw = join(targetDir, "wasm32-unknown-unknown", release ? "release" : "debug", "sotp.wasm");

// 2. split
rmSync(work, { recursive: true, force: true });
const splitDir = join(work, "split");
const pkg = join(work, "pkg");
mkdirSync(splitDir, { recursive: true });
run("wasm-split-cli", [raw, splitDir]);

// 3. bindings for the main module
run("wasm-bindgen", [join(splitDir, "main.wasm"), "--out-dir", pkg, "--out-name", "main", "--target", "web", "--no-typescript", "--keep-lld-exports"]);
for (const f of readdirSync(splitDir)) {
  if ((f.endsWith(".wasm") && f !== "main.wasm") || f === "__wasm_split.js") copyFileSync(join(splitDir, f), join(pkg, f));
}

// 4. optimise
const wasms = readdirSync(pkg).filter((f) => f.endsWith(".wasm"));
if (release) {
  for (const f of wasms) {
    run("wasm-opt", ["-Oz", "--strip-debug", "--strip-producers", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue", join(pkg, f), "-o", join(pkg, f)]);
  }
}

// The JS glue, minified (Trunk's minifier never sees it: it runs before
// this hook). Exported names stay, so the two modules still link.
if (release) {
  for (const f of ["main.js", "__wasm_split.js"]) {
    run("terser", [join(pkg, f), "--module", "--compress", "--mangle", "--output", join(pkg, f)]);
  }
}

// 5. content hashes in the names
const hashOf = (...buffers) => {
  const h = createHash("sha256");
  for (const b of buffers) h.update(b);
  return h.digest("hex").slice(0, 16);
};
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
let mainJs = readFileSync(join(pkg, "main.js"), "utf8");
let splitJs = readFileSync(join(pkg, "__wasm_split.js"), "utf8");
const renamed = {};
for (const f of wasms) {
  const stem = f.replace(/\.wasm$/, "");
  const name = `${stem}-${hashOf(readFileSync(join(pkg, f)))}.wasm`;
  renameSync(join(pkg, f), join(pkg, name));
  renamed[f] = name;
  // Referenced as "./stem.wasm" (the chunk loader) or 'stem.wasm' (main.js's default path).
  const ref = new RegExp(`(["'\`])(\\./)?${escape(f)}\\1`, "g");
  splitJs = splitJs.replace(ref, (_m, q, dot) => `${q}${dot || ""}${name}${q}`);
  mainJs = mainJs.replace(ref, (_m, q, dot) => `${q}${dot || ""}${name}${q}`);
}
// main.js and __wasm_split.js import each other: one hash over both and every wasm.
const pair = hashOf(mainJs, splitJs, ...Object.values(renamed).map((n) => readFileSync(join(pkg, n))));
const mainName = `main-${pair}.js`;
const splitName = `__wasm_split-${pair}.js`;
// Only the `from "..."` of the import statements: the wasm's own import
// module names (keys of main.js's import object) stay as they are.
const importOf = (file) => new RegExp(`(\\bfrom\\s*)(["'])\\./${escape(file)}\\2`, "g");
if (!importOf("main.js").test(splitJs)) throw new Error("build-app: __wasm_split.js does not import ./main.js");
if (!importOf("__wasm_split.js").test(mainJs)) throw new Error("build-app: main.js does not import ./__wasm_split.js");
splitJs = splitJs.replace(importOf("main.js"), (_m, from, q) => `${from}${q}./${mainName}${q}`);
mainJs = mainJs.replace(importOf("__wasm_split.js"), (_m, from, q) => `${from}${q}./${splitName}${q}`);
writeFileSync(join(pkg, mainName), mainJs);
writeFileSync(join(pkg, splitName), splitJs);
rmSync(join(pkg, "main.js"));
rmSync(join(pkg, "__wasm_split.js"));

// Copy into the site.
mkdirSync(outDir, { recursive: true });
for (const f of readdirSync(pkg)) cpSync(join(pkg, f), join(outDir, f), { recursive: true });

// 6. the language files (crates/core/src/text/lang/<code>.txt), each served as two:
// the group the first value needs (Key: crates/core/src/text/translation.rs FIRST),
// fetched before the page mounts, and the rest, fetched when the lazy
// parts load. Compact (no names, no comments: the app checks counts,
// tests/texts.rs the names) and content-hashed like the rest:
// lang/<code>-<first|rest>-<hash>.txt. The loader tells the app their names.
const langSrc = join(repo, "crates", "core", "src", "text", "lang");
const FIRST_GROUPS = new Set(["[Key]"]);
const languages = {};
mkdirSync(join(outDir, "lang"), { recursive: true });
// English, the master tables of crates/core/src/text/en.rs, as a language file: the
// split build has no English compiled in (its data would sit in the main
// module for every reader).
const englishFile = () => {
  const src = readFileSync(join(repo, "crates", "core", "src", "text", "en.rs"), "utf8");
  const out = [];
  for (const block of src.matchAll(/table! \{([\s\S]*?)\n\}/g)) {
    const group = block[1].match(/^\s*([A-Z][A-Za-z]*) in group \d+ \{/m);
    if (!group) throw new Error("build-app: en.rs: a table without its group");
    out.push(`[${group[1]}]`);
    for (const m of block[1].matchAll(/^\s*([A-Z][A-Za-z0-9]*) = "((?:[^"\\]|\\.)*)",$/gm)) {
      const text = m[2]
        .replace(/\\u\{([0-9A-Fa-f]+)\}/g, (_, h) => String.fromCodePoint(parseInt(h, 16)))
        .replace(/\\(["\\])/g, "$1");
      if (/\\/.test(text)) throw new Error(`build-app: en.rs: ${m[1]} has an escape this script does not read`);
      out.push(`${m[1]} = ${text}`);
    }
  }
  return out.join("\n");
};
const langFiles = readdirSync(langSrc)
  .filter((f) => /^[a-zA-Z-]+\.txt$/.test(f))
  .map((f) => [f.replace(/\.txt$/, ""), readFileSync(join(langSrc, f), "utf8")]);
for (const [code, source] of [["en", englishFile()], ...langFiles]) {
  const f = `${code}.txt`;
  const parts = { first: [], rest: [] };
  let into = null;
  for (const line of source.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    if (line.startsWith("[")) into = FIRST_GROUPS.has(line) ? parts.first : parts.rest;
    if (!into) throw new Error(`build-app: ${f}: an entry before any [Group]`);
    into.push(line.startsWith("[") ? line : line.slice(line.indexOf(" = ")));
  }
  languages[code] = {};
  for (const [part, lines] of Object.entries(parts)) {
    const text = lines.join("\n") + "\n";
    const hash = createHash("sha256").update(text).digest("hex").slice(0, 16);
    const name = `lang/${code}-${part}-${hash}.txt`;
    writeFileSync(join(outDir, name), text);
    languages[code][part] = name;
  }
}

// 7. the first screen: the page's own components rendered natively for a
// first visit in each language, and the frame of a page opening a link or
// a saved scenario (src/bin/prerender.rs, leptos' ssr), as <template>s in
// index.html with the inline loader that puts the reader's one on screen
// before the first paint (scripts/first-screen-loader.js).
const prerendered = join(targetDir, "first-screen.json");
run("cargo", ["run", "--locked", "--features", "prerender", "--bin", "prerender", "--", prerendered], { CARGO_TERM_COLOR: "never" });
const first = JSON.parse(readFileSync(prerendered, "utf8"));
const words = {};
const templates = [];
for (const [code, l] of Object.entries(first.languages)) {
  if (!languages[code]) throw new Error(`build-app: prerender has ${code}, the language files do not`);
  words[code] = { title: l.title, description: l.description, skip: l.skip, start_failed: l.start_failed };
  templates.push(`<template id="first-${code}">${l.first}</template>`, `<template id="opening-${code}">${l.opening}</template>`);
}
const loaderSource = readFileSync(join(repo, "scripts", "first-screen-loader.js"), "utf8");
const placeholder = "const config = SOTP_FIRST;";
if (!loaderSource.includes(placeholder)) throw new Error(`build-app: first-screen-loader.js has no "${placeholder}"`);
const loaderScript = loaderSource.replace(placeholder, `const config = ${JSON.stringify({ files: languages, words })};`);
writeFileSync(join(work, "first-screen-loader.js"), loaderScript);
if (release) run("terser", [join(work, "first-screen-loader.js"), "--compress", "--mangle", "--output", join(work, "first-screen-loader.js")]);
const firstLoader = readFileSync(join(work, "first-screen-loader.js"), "utf8").trim();

// 8. the loaders in index.html
const mainWasm = renamed["main_bg.wasm"];
if (!mainWasm) throw new Error("build-app: wasm-bindgen wrote no main_bg.wasm");
const indexPath = join(outDir, "index.html");
if (existsSync(indexPath)) {
  // Trunk's skipped rust asset (index.html) leaves its <link> behind.
  let html = readFileSync(indexPath, "utf8").replace(/<link\b[^>]*\bdata-trunk-skip\b[^>]*>/g, "");
  const loader =
    `<link rel="modulepreload" href="./${mainName}">` +
    `<link rel="modulepreload" href="./${splitName}">` +
    `<link rel="preload" href="./${mainWasm}" as="fetch" type="application/wasm" crossorigin>` +
    // The app; when it cannot start (its code did not load), the notice
    // the first-screen loader left hidden. Then the service worker's script
    // (also when the app failed: an update can still replace a broken build).
    `<script type="module">import("./${mainName}").then((m)=>m.default({module_or_path:"./${mainWasm}"}))` +
    `.catch(()=>{document.querySelector("[data-testid=start-failed]")?.removeAttribute("hidden")})` +
    `.finally(()=>{const s=document.createElement("script");s.src="./sw-register.js";document.head.append(s)});</script>`;
  // Trunk's minifier may have dropped the quotes and reordered the attributes.
  const root = html.match(/<div\b[^>]*\bid="?first-screen"?[^>]*><\/div>/);
  if (!root) throw new Error("build-app: index.html has no empty <div id=first-screen>");
  // The app's preloads stay in <head>, so its wasm starts at once. Tried
  // after the first screen instead (measured by scripts/bench under slow
  // 4G): the value came 40 to 75 ms sooner, as the wasm no longer shared
  // the bandwidth with the HTML and the stylesheet, but live 170 ms
  // later.
  if (!html.includes("</head>")) throw new Error("build-app: index.html has no </head>");
  html = html.replace("</head>", `${loader}</head>`);
  html = html.replace(root[0], `${templates.join("")}${root[0]}<script>${firstLoader}</script>`);
  const noscript = html.match(/<noscript>([\s\S]*?)<\/noscript>/);
  if (!noscript) throw new Error("build-app: index.html has no <noscript>");
  html = html.replace(noscript[0], `<noscript><div class="noscript">${first.noscript}<p class="notice">${noscript[1].trim()}</p></div></noscript>`);
  writeFileSync(indexPath, html);
}

const chunks = Object.entries(renamed)
  .filter(([from]) => from !== "main_bg.wasm")
  .map(([from, file]) => ({ chunk: from.replace(/\.wasm$/, ""), file }));
const manifest = { main_js: mainName, loader_js: splitName, main_wasm: mainWasm, chunks, languages };
writeFileSync(join(targetDir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
console.log(`build-app: ${mainWasm}, ${mainName}, ${splitName} and ${chunks.length} chunks in ${outDir}`);
