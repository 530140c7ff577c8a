// The first screen in the HTML (src/bin/prerender.rs, scripts/first-screen-loader.js)
// and the app taking it over (src/ui/first_screen.rs): the value before any
// code, in the reader's language; never Base's value for a reader who opens
// something else; the same text live as in the snapshot; no layout shift;
// nothing typed before the app is live is lost.
import { expect, test, type Page, type Route } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { byTestId, expectPerShare, openApp, valuePerShare, waitForLive } from './helpers';
import { LANGS, LOCALE, t, type Lang } from './texts';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const dist = join(repo, 'dist');

// Service workers answer requests that page.route never sees.
test.use({ serviceWorkers: 'block' });

/** Base's value in each language's format. */
const BASE: Record<Lang, string> = { en: 'HK$55.49', 'zh-Hant': '55.49港元', 'zh-Hans': '55.49港元', de: '55,49 HK$' };

const isWasm = (url: string) => new URL(url).pathname.endsWith('.wasm');

/** Holds every .wasm request until `release` is called. */
async function holdWasm(page: Page) {
  let release = () => {};
  const gate = new Promise<void>((r) => (release = r));
  await page.route((url) => isWasm(url.href), async (route: Route) => {
    await gate;
    await route.continue();
  });
  return release;
}

const blockWasm = (page: Page) => page.route((url) => isWasm(url.href), (route) => route.abort());

/** The page's visible text, whitespace made one space. */
const visibleText = (page: Page) => page.evaluate(() => document.body.innerText.replace(/\s+/g, ' ').trim());

for (const lang of LANGS) {
  test.describe(`a first visit in ${lang}`, () => {
    test.use({ locale: LOCALE[lang] });

    test(`shows Base's value in ${lang} with no wasm at all, and says the calculator could not start`, async ({ page }) => {
      const wasm: string[] = [];
      page.on('request', (r) => isWasm(r.url()) && wasm.push(r.url()));
      await blockWasm(page);
      await page.goto('./');
      await expect(valuePerShare(page)).toHaveText(BASE[lang]);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page).toHaveTitle(t(lang, 'PageTitle'));
      await expect(page.getByText(t(lang, 'RowValuePerShare'), { exact: true }).first()).toBeVisible();
      // Every field of the first screen is there with its value.
      await expect(page.locator('#f-seg3-units')).toHaveValue(lang === 'de' ? '650.000' : '650,000');
      await expect(page.locator('input[name=preset][value=Base]')).toBeChecked();
      // The main module could not load: the page says so, and stays readable.
      await expect(byTestId(page, 'start-failed')).toHaveText(t(lang, 'StartFailed'));
      await expect(byTestId(page, 'start-failed')).toBeVisible();
      expect(wasm.length, 'the main module was asked for').toBeGreaterThan(0);
      // One value on the page.
      await expect(valuePerShare(page)).toHaveCount(1);
    });

    test(`the live page's text right after takeover is the snapshot's (${lang})`, async ({ page }) => {
      // The text at the moment the snapshot leaves, before anything idle runs.
      await page.addInitScript(() => {
        const w = window as unknown as { __liveText?: string };
        new MutationObserver((_, mo) => {
          if (document.readyState !== 'loading' && !document.getElementById('first-screen') && w.__liveText === undefined) {
            w.__liveText = document.body.innerText.replace(/\s+/g, ' ').trim();
            mo.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      const release = await holdWasm(page);
      await page.goto('./');
      await expect(valuePerShare(page)).toHaveText(BASE[lang]);
      const snapshot = await visibleText(page);
      release();
      await waitForLive(page);
      const live = await page.evaluate(() => (window as unknown as { __liveText: string }).__liveText);
      expect(live).toBe(snapshot);
      await expect(valuePerShare(page)).toHaveCount(1);
      await expect(valuePerShare(page)).toHaveText(BASE[lang]);
    });
  });
}

test.describe('a reader who opens something else never sees Base first', () => {
  /** Records, from before any script runs, each visible text with Base's value, until the page shows `expected`. */
  const watchForBase = (expected: string) => {
    const w = window as unknown as { __baseSeen: string[]; __ownValueAt?: number };
    w.__baseSeen = [];
    const check = (node: Node) => {
      if (w.__ownValueAt !== undefined) return;
      const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
      if (el?.closest('noscript, template')) return;
      const text = node.textContent ?? '';
      if (/55[.,]49/.test(text)) w.__baseSeen.push(text.replace(/\s+/g, ' ').slice(0, 200));
    };
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'characterData') check(r.target);
        r.addedNodes.forEach(check);
      }
      const v = document.querySelector('[data-testid="value-per-share"]')?.textContent?.trim();
      if (v === expected && w.__ownValueAt === undefined) w.__ownValueAt = performance.now();
    }).observe(document, { childList: true, subtree: true, characterData: true });
  };
  const seen = (page: Page) => page.evaluate(() => (window as unknown as { __baseSeen: string[] }).__baseSeen);

  const bullLink = readFileSync(join(repo, 'tests', 'links', 'v1.txt'), 'utf8')
    .split('\n')
    .find((l) => l.endsWith('Bull preset'))!
    .split(' ')[0];

  test('a share link: the frame says it is opening, then the link, never 55.49', async ({ page }) => {
    await page.addInitScript(watchForBase, 'HK$82.59');
    await page.goto(`./#${bullLink}`);
    await expect(valuePerShare(page)).toHaveText('HK$82.59', { timeout: 15_000 });
    expect(await seen(page)).toEqual([]);
  });

  test('the frame, with the wasm held: no value, a quiet status in the reader’s language', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await blockWasm(page);
    await page.goto(`./#${bullLink}`);
    await expect(byTestId(page, 'opening')).toHaveText(t('de', 'OpeningScenario'));
    await expect(byTestId(page, 'opening')).toHaveAttribute('role', 'status');
    await expect(valuePerShare(page)).toHaveCount(0);
    await context.close();
  });

  test('the scenario open last: never 55.49 before its own value', async ({ page }) => {
    await openApp(page);
    await page.getByRole('radio', { name: 'Bull' }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(byTestId(page, 'save-status')).toHaveText('Saved');
    await page.addInitScript(watchForBase, 'HK$82.59');
    await page.reload();
    await expect(valuePerShare(page)).toHaveText('HK$82.59', { timeout: 15_000 });
    await waitForLive(page);
    expect(await seen(page)).toEqual([]);
  });

  test('a draft of unsaved edits: never 55.49 before its own value', async ({ page }) => {
    await openApp(page);
    const field = byTestId(page, 'panel-ev').getByLabel('EV deliveries', { exact: true });
    await field.fill('700000');
    await expectPerShare(valuePerShare(page), 57.1);
    // The draft is written once typing pauses.
    await expect.poll(() => page.evaluate(() => localStorage.getItem('sotp.draft'))).not.toBeNull();
    await page.addInitScript(watchForBase, 'HK$57.10');
    await page.reload();
    await expect(valuePerShare(page)).toHaveText('HK$57.10', { timeout: 15_000 });
    expect(await seen(page)).toEqual([]);
  });
});

for (const [width, height] of [
  [1366, 900],
  [390, 844],
]) {
  test(`the takeover moves nothing: layout shift 0 (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.addInitScript(() => {
      const w = window as unknown as { __shift: number; __shiftAtTakeover?: number };
      w.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
          if (!e.hadRecentInput) w.__shift += e.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const release = await holdWasm(page);
    await page.goto('./');
    await expect(valuePerShare(page)).toHaveText('HK$55.49');
    // Painted, then the app arrives.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    release();
    await waitForLive(page);
    // Two frames after the takeover, before the lazy parts (idle) come.
    const shift = await page.evaluate(
      () =>
        new Promise<number>((r) =>
          requestAnimationFrame(() => requestAnimationFrame(() => r((window as unknown as { __shift: number }).__shift))),
        ),
    );
    expect(shift).toBe(0);
  });
}

test('what a reader types and picks before the app is live is carried into it, focus kept', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('./');
  const ev = page.locator('#f-seg3-units');
  await expect(ev).toHaveValue('650,000');
  await ev.fill('');
  await ev.pressSequentially('700000');
  await expect(ev).toBeFocused();
  release();
  await waitForLive(page);
  // The live field has the text and the value follows it.
  await expect(ev).toHaveValue('700000');
  await expect(ev).toBeFocused();
  await expectPerShare(valuePerShare(page), 57.1);
  // And typing goes on in the live page.
  // The caret stayed where the reader left it, at the end.
  await ev.press('Backspace');
  await expect(ev).toHaveValue('70000');
  await ev.press('ControlOrMeta+a');
  await ev.pressSequentially('800000');
  await expect(ev).toHaveValue('800000');
  await expectPerShare(valuePerShare(page), 60.32);
});

test('a preset picked before the app is live is picked in it', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('./');
  await page.getByRole('radio', { name: 'Bull' }).check();
  release();
  await waitForLive(page);
  await expect(valuePerShare(page)).toHaveText('HK$82.59');
  await expect(page.getByRole('radio', { name: 'Bull' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Bull' })).toBeFocused();
});

test('with scripts off: the value and one line saying the calculator needs JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('./');
  await expect(valuePerShare(page)).toHaveText('HK$55.49');
  // (Playwright's text engine does not look into <noscript>: by class.)
  const line = page.locator('.noscript > p.notice');
  await expect(line).toBeVisible();
  expect(await line.evaluate((p) => p.textContent)).toContain('needs JavaScript');
  await context.close();
});

test('the reader’s first texts are asked for before the main module has run (a preload)', async ({ page }) => {
  const asked: string[] = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await blockWasm(page);
  await page.goto('./');
  await expect(byTestId(page, 'start-failed')).toBeVisible();
  // The wasm never arrived, so no code of the app asked for this file.
  expect(asked.some((p) => /\/lang\/en-first-[0-9a-f]+\.txt$/.test(p)), asked.join('\n')).toBe(true);
  expect(asked.some((p) => /\/lang\/(de|zh-Hant|zh-Hans)-/.test(p))).toBe(false);
});

test('axe finds no violation on the first screen', async ({ page }) => {
  await blockWasm(page);
  await page.goto('./');
  await expect(valuePerShare(page)).toHaveText('HK$55.49');
  await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  const found = await page.evaluate(async () => {
    // @ts-expect-error axe is the global the source above defines
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v: { id: string; nodes: unknown[] }) => `${v.id} (${v.nodes.length})`);
  });
  expect(found).toEqual([]);
});

test('a stored choice of language wins over the browser’s, before any wasm', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'de-DE' });
  await context.addInitScript(() => localStorage.setItem('sotp.lang', 'zh-Hant'));
  const page = await context.newPage();
  await blockWasm(page);
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await expect(valuePerShare(page)).toHaveText(BASE['zh-Hant']);
  await context.close();
});

test.describe('the loader decides as the app does', () => {
  // What prerender.rs wrote from the app's own rules (Lang::choose, link::is_link).
  const prerendered = JSON.parse(readFileSync(join(repo, 'target', 'split', 'first-screen.json'), 'utf8')) as {
    choose_cases: { stored: string | null; languages: string[]; lang: string }[];
    link_cases: { hash: string; is_link: boolean }[];
  };
  // The loader as built into dist/index.html: the inline classic script.
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const loader = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]).find((s) => s.includes('first-screen'))!;

  /** Runs the loader against a stand-in page; returns the language and which template it put on screen. */
  function runLoader(stored: string | null, languages: string[], hash = '', keys: string[] = []) {
    const out = { lang: '', template: '' };
    const element = () => ({ dataset: {}, setAttribute() {}, append() {}, prepend() {}, textContent: '', hidden: false });
    const storage: Record<string, string> = Object.fromEntries(keys.map((k) => [k, '{}']));
    if (stored !== null) storage['sotp.lang'] = stored;
    const document = {
      documentElement: {
        set lang(v: string) {
          out.lang = v;
        },
      },
      title: '',
      head: { append() {} },
      createElement: element,
      querySelector: () => null,
      getElementById: (id: string) => {
        if (id === 'first-screen') return element();
        out.template = id;
        return { content: { cloneNode: () => ({}) } };
      },
    };
    runInNewContext(loader, {
      document,
      navigator: { languages, language: languages[0] },
      location: { hash },
      localStorage: { getItem: (k: string) => (k in storage ? storage[k] : null) },
      globalThis: {},
    });
    return out;
  }

  test(`the language of every case Lang::choose answers (${prerendered.choose_cases.length} cases)`, () => {
    for (const c of prerendered.choose_cases) {
      expect(runLoader(c.stored, c.languages).lang, JSON.stringify(c)).toBe(c.lang);
    }
  });

  test('the frame for a share link, a draft or the scenario open last; Base otherwise', () => {
    for (const c of prerendered.link_cases) {
      expect(runLoader(null, ['en-US'], c.hash).template, JSON.stringify(c)).toBe(c.is_link ? 'opening-en' : 'first-en');
    }
    expect(runLoader(null, ['de'], '', ['sotp.draft']).template).toBe('opening-de');
    expect(runLoader(null, ['de'], '', ['sotp.last-open']).template).toBe('opening-de');
    expect(runLoader(null, ['de'], '', ['sotp.scenario.x']).template).toBe('first-de');
  });
});
