// The first screen's loader: a classic inline script that
// scripts/build-app.mjs minifies into dist/index.html, right after the
// `<template>`s that src/bin/prerender.rs rendered and the empty
// #first-screen. It runs while the page is parsed, before the first paint:
//
// - picks the reader's language by the app's own rule (`Lang::choose` in
//   crates/core/src/text/mod.rs: a stored choice in `sotp.lang`, then the first of the
//   browser's languages the page has; first-screen.spec.ts holds the two
//   together for every tag prerender.rs lists);
// - puts that language's first screen in #first-screen: the Base value on a
//   first visit, or, when the page will open something else (a share link
//   in the address, a draft or the scenario open last in storage: the
//   rule of `ui::first_screen::Start::in_browser`), the frame that says it
//   is opening it, so Base's value never shows for that reader;
// - sets the document's language, title, description and skip link;
// - starts fetching the reader's first texts at once (a preload), beside
//   the main module instead of after it has run;
// - leaves a hidden notice that the module script shows when the app cannot
//   start (its code did not load).
//
// `SOTP_FIRST` is replaced by the build: { files: { <code>: { first, rest } },
// words: { <code>: { title, description, skip, start_failed } } }.
(() => {
  const config = SOTP_FIRST;
  // The app asks for its language files by these names (src/ui/language.rs).
  globalThis.sotpLanguages = config.files;
  const read = (key) => {
    try {
      return localStorage.getItem(key);
    } catch {
      return null; // storage blocked: as if empty
    }
  };
  // `Lang::from_tag`: zh-HK, zh-TW, zh-MO and any zh-Hant tag read
  // Traditional, every other zh tag Simplified, de-* German, en-* English.
  const fromTag = (tag) => {
    const [first, ...rest] = String(tag).trim().toLowerCase().replace(/_/g, "-").split("-");
    if (first === "en" || first === "de") return first;
    if (first !== "zh") return null;
    const hant = rest.some((p) => p === "hant" || p === "hk" || p === "tw" || p === "mo") && !rest.includes("hans");
    return hant ? "zh-Hant" : "zh-Hans";
  };
  const stored = read("sotp.lang");
  const browser = navigator.languages || [navigator.language];
  const lang =
    (stored !== null && Object.hasOwn(config.words, stored) ? stored : null) ||
    browser.map(fromTag).find((l) => l !== null) ||
    "en";
  const opening =
    /^#s[0-9]+\./.test(location.hash) || read("sotp.last-open") !== null || read("sotp.draft") !== null;

  const root = document.getElementById("first-screen");
  const template = document.getElementById(`${opening ? "opening" : "first"}-${lang}`);
  const words = config.words[lang];
  const failed = document.createElement("p");
  failed.className = "notice error start-failed";
  failed.setAttribute("role", "alert");
  failed.dataset.testid = "start-failed";
  failed.hidden = true;
  failed.textContent = words.start_failed;
  root.append(failed, template.content.cloneNode(true));

  document.documentElement.lang = lang;
  document.title = words.title;
  document.querySelector("meta[name=description]")?.setAttribute("content", words.description);
  const skip = document.querySelector(".skip-link");
  if (skip) skip.textContent = words.skip;

  const preload = document.createElement("link");
  preload.rel = "preload";
  preload.as = "fetch";
  preload.crossOrigin = "anonymous";
  preload.href = `./${config.files[lang].first}`;
  document.head.append(preload);
})();
