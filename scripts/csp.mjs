// Content-Security-Policy for a built site: injects
//   <meta http-equiv="Content-Security-Policy" content="...">
// into DIR/index.html, allowing only the page's own origin. The one inline
// script Trunk emits (the module that loads the wasm) is allowed by its
// sha256 hash, computed here from the built file, so the policy needs no
// 'unsafe-inline' and no 'unsafe-eval' ('wasm-unsafe-eval' only lets the
// page compile WebAssembly). Idempotent: an existing CSP meta is replaced.
//
// scripts/precache.mjs calls it before writing sw.js, so the service
// worker's version covers the final index.html. By hand:
//   node scripts/csp.mjs DIR
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const META_RE = /<meta\s+http-equiv=["']?Content-Security-Policy["']?[^>]*>/gi;

/** The policy for a page whose inline scripts have these contents. */
export function policy(inlineScripts) {
  const hashes = inlineScripts.map((s) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`);
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`.trim(),
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** Inline <script> elements' text (those without a src attribute). */
export function inlineScripts(html) {
  const out = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (!/\bsrc\s*=/i.test(m[1])) out.push(m[2]);
  }
  return out;
}

/**
 * Trunk puts an `integrity` attribute on the wasm's <link rel=preload
 * as=fetch>; Chromium ignores it there and warns on every load
 * (crbug.com/981419), so it is dropped (the JS module keeps its own).
 */
export function withoutIgnoredIntegrity(html) {
  return html.replace(/<link\b[^>]*>/gi, (tag) =>
    /\brel=["']?preload\b/i.test(tag) && /\bas=["']?fetch\b/i.test(tag)
      ? tag.replace(/\s+integrity=("[^"]*"|'[^']*'|[^\s>]+)/i, "")
      : tag,
  );
}

/** Returns the HTML with the CSP meta first in <head> (before any script). */
export function withCsp(html) {
  const clean = withoutIgnoredIntegrity(html.replace(META_RE, ""));
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(inlineScripts(clean))}">`;
  const charset = clean.match(/<meta\s+charset=["']?[\w-]+["']?\s*\/?>/i);
  if (charset) {
    const at = charset.index + charset[0].length;
    return clean.slice(0, at) + meta + clean.slice(at);
  }
  const head = clean.match(/<head\b[^>]*>/i);
  if (head) {
    const at = head.index + head[0].length;
    return clean.slice(0, at) + meta + clean.slice(at);
  }
  throw new Error("csp: index.html has neither <meta charset> nor <head>");
}

export function injectCsp(root) {
  const file = join(root, "index.html");
  const html = withCsp(readFileSync(file, "utf8"));
  writeFileSync(file, html);
  const n = inlineScripts(html).length;
  console.log(`index.html: Content-Security-Policy set (${n} inline script${n === 1 ? "" : "s"} allowed by hash)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = process.argv[2] || process.env.TRUNK_STAGING_DIR;
  if (!root) {
    console.error("usage: node scripts/csp.mjs DIR");
    process.exit(2);
  }
  injectCsp(root);
}
