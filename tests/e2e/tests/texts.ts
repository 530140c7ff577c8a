// The page's texts in each language, read from the tables themselves
// (crates/core/src/text/en.rs and crates/core/src/text/lang/<code>.txt), so that a test in German
// expects what a German reader sees without copying a single text here.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export const LANGS = ['en', 'zh-Hant', 'zh-Hans', 'de'] as const;
export type Lang = (typeof LANGS)[number];

/** A browser locale whose readers get each language on a first visit. */
export const LOCALE: Record<Lang, string> = { en: 'en-US', 'zh-Hant': 'zh-HK', 'zh-Hans': 'zh-CN', de: 'de-DE' };

function english(): Map<string, string> {
  const src = readFileSync(join(repo, 'crates', 'core', 'src', 'text', 'en.rs'), 'utf8');
  const out = new Map<string, string>();
  for (const block of src.matchAll(/table! \{([\s\S]*?)\n\}/g)) {
    const group = block[1].match(/^\s*([A-Z][A-Za-z]*) in group \d+ \{/m)![1];
    for (const m of block[1].matchAll(/^\s*([A-Z][A-Za-z0-9]*) = "((?:[^"\\]|\\.)*)",$/gm)) {
      const text = m[2].replace(/\\u\{([0-9A-Fa-f]+)\}/g, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/\\(["\\])/g, '$1');
      out.set(`${group}.${m[1]}`, text);
    }
  }
  return out;
}

function file(lang: Lang): Map<string, string> {
  const out = new Map<string, string>();
  let group = '';
  for (const line of readFileSync(join(repo, 'crates', 'core', 'src', 'text', 'lang', `${lang}.txt`), 'utf8').split('\n')) {
    if (line.startsWith('[') && line.endsWith(']')) group = line.slice(1, -1);
    else if (!line.startsWith('#') && line.includes(' = ')) out.set(`${group}.${line.slice(0, line.indexOf(' = '))}`, line.slice(line.indexOf(' = ') + 3));
  }
  return out;
}

const tables = new Map<Lang, Map<string, string>>();

/** The text of `key` ("Key.LabelPrice", "NoticeKey.Save") in `lang`, its {name}s filled from `args`. */
export function t(lang: Lang, key: string, args: Record<string, string> = {}): string {
  if (!tables.has(lang)) tables.set(lang, lang === 'en' ? english() : file(lang));
  const text = tables.get(lang)!.get(key.includes('.') ? key : `Key.${key}`);
  if (text === undefined) throw new Error(`no text ${key} in ${lang}`);
  return text.replace(/\{([a-z_]+)\}/g, (whole, name) => (name in args ? args[name] : whole));
}

/** `t` as a regular expression that matches the text anywhere (names filled or any text). */
export function tPattern(lang: Lang, key: string, args: Record<string, string> = {}): RegExp {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const text = t(lang, key, args);
  return new RegExp(text.split(/\{[a-z_]+\}/).map(esc).join('.*'));
}
