// axe-core (npm axe-core) on the whole page with every panel opened, light
// and dark, desktop and phone: no violation of any impact.
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openApp, byTestId } from './helpers';
import { LANGS, LOCALE } from './texts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Opens everything a user can open: every card, every explanation, Sources, Compare, the analysis. */
async function openEverything(page: Page) {
  await expect(byTestId(page, 'compare')).toBeVisible();
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
  for (const toggle of await page.locator('.explain-toggle').all()) await toggle.click();
  await expect(page.locator('.explain-row td p').first()).toBeVisible();
  await page.locator('.info-button').first().click();
  // What the price implies: the grid and the charts, drawn once it is open.
  await expect(byTestId(page, 'sensitivity')).toBeVisible();
  await expect(byTestId(page, 'football-chart')).toBeVisible();
}

async function violations(page: Page) {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    // @ts-expect-error axe is the global the source above defines
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n: any) => `${n.target.join(' ')}: ${n.failureSummary}`) }));
  });
}

for (const scheme of ['light', 'dark'] as const) {
  for (const [name, width, height] of [['desktop', 1366, 900], ['phone', 360, 800]] as const) {
    test(`axe: no violations (${name}, ${scheme})`, async ({ page }) => {
      test.setTimeout(60_000);
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height });
      await openApp(page);
      await openEverything(page);
      expect(await violations(page)).toEqual([]);
    });
  }
}

// Every other language: the desktop in light and the phone in dark.
for (const lang of LANGS.filter((l) => l !== 'en')) {
  test.describe(`in ${lang}`, () => {
    test.use({ locale: LOCALE[lang] });
    for (const [name, width, height, scheme] of [['desktop', 1366, 900, 'light'], ['phone', 360, 800, 'dark']] as const) {
      test(`axe: no violations (${name}, ${scheme})`, async ({ page }) => {
        test.setTimeout(60_000);
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize({ width, height });
        await openApp(page);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await openEverything(page);
        expect(await violations(page)).toEqual([]);
      });
    }
  });
}

test('axe: the check finds what it should (a low-contrast, unnamed button is reported)', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => {
    const b = document.createElement('button');
    b.style.cssText = 'color:#ff6900;background:#ffffff';
    document.querySelector('main')!.append(b);
    const t = document.createElement('span');
    t.textContent = 'Orange on white';
    t.style.cssText = 'color:#ffffff;background:#ff6900';
    document.querySelector('main')!.append(t);
  });
  const ids = (await violations(page)).map((v) => v.id);
  expect(ids).toContain('button-name');
  expect(ids).toContain('color-contrast');
});
