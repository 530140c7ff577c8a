// Issue 10: the summary stays readable, nothing clips, the keyboard and
// assistive tech find their way.
import { test, expect, type Page } from '@playwright/test';
import { openApp, byTestId, valuePerShare, field, panel } from './helpers';
import { LANGS, LOCALE, t } from './texts';

async function openExplanations(page: Page) {
  // The bridge is a lazy part: there once the page is idle.
  await expect(page.locator('.explain-toggle').first()).toBeVisible();
  for (const toggle of await page.locator('.explain-toggle').all()) await toggle.click();
  await expect(page.locator('.explain-row td p').first()).toBeVisible();
}

// Every language at the narrowest phone and the desktop (German words are
// long, Chinese ones wide); English at every width.
const sizes = (lang: string) => (lang === 'en' ? [[320, 640], [360, 800], [768, 900], [1366, 900]] : [[320, 640], [1366, 900]]);
for (const lang of LANGS) test.describe(`in ${lang}`, () => {
test.use({ locale: LOCALE[lang] });
for (const [width, height] of sizes(lang)) {
  test(`no horizontal scroll and no clipped column at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await openApp(page);
    await expect(byTestId(page, 'compare')).toBeVisible();
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
    await openExplanations(page);
    const overflow = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth - window.innerWidth,
      scrollers: [...document.querySelectorAll('.table-scroll')].map((s) => s.scrollWidth - s.clientWidth),
    }));
    expect(overflow.page, 'the page scrolls sideways').toBeLessThanOrEqual(0);
    for (const o of overflow.scrollers) expect(o, 'a table is wider than its box').toBeLessThanOrEqual(1);
    // The total row always shows the value per share and its share.
    const total = byTestId(page, 'bridge-total');
    await expect(byTestId(page, 'bridge-total-per-share')).toBeVisible();
    await expect(total.locator('td').last()).toBeVisible();
    const csv = page.getByRole('button', { name: t(lang, 'NoticeKey.BridgeCsv') });
    await expect(csv).toBeInViewport({ ratio: 1 }).catch(async () => {
      // Below the fold is fine; cut off at the side is not.
      const box = (await csv.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(width);
    });
  });
}
});

test('with every explanation open the value per share stays in view (desktop)', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await openApp(page);
  await openExplanations(page);
  await byTestId(page, 'bridge-total').scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 3000);
  await expect(valuePerShare(page)).toBeInViewport();
  // The summary is no scroll box of its own.
  const summaryScrolls = await page.evaluate(() => {
    const s = document.querySelector('.summary')!;
    return s.scrollHeight > s.clientHeight + 1 && getComputedStyle(s).overflowY !== 'visible';
  });
  expect(summaryScrolls).toBe(false);
});

test('on a phone the bridge text is at least 14 px and touch targets at least 44 px', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await openApp(page);
  await expect(byTestId(page, 'compare')).toBeVisible();
  const fontPx = await byTestId(page, 'bridge').evaluate((t) => parseFloat(getComputedStyle(t).fontSize));
  expect(fontPx).toBeGreaterThanOrEqual(14);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('main button, main select, main input[type="text"], main .segmented label')]
      .map((e) => ({ e, b: e.getBoundingClientRect() }))
      .filter(({ b }) => b.width > 0 && (b.height < 44 || b.width < 44))
      .map(({ e, b }) => `${e.tagName} "${e.textContent?.trim() || e.getAttribute('aria-label')}" ${Math.round(b.width)}x${Math.round(b.height)}`),
  );
  expect(small).toEqual([]);
});

test('a skip link leads to the valuation; headings carry no disclosure glyph; Compare is a landmark', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the valuation' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('#summary')).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Smart EV', exact: true })).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Compare and weight' }).getByTestId('compare')).toHaveCount(1);
});

test('a source popup is named for its field and closes with Escape or when focus leaves', async ({ page }) => {
  await openApp(page);
  const tip = panel(page, 'ev').getByRole('button', { name: 'Source of EV deliveries' });
  await tip.click();
  await expect(tip).toHaveAttribute('aria-expanded', 'true');
  await expect(panel(page, 'ev').getByRole('note')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(tip).toHaveAttribute('aria-expanded', 'false');
  await tip.click();
  await field(page, 'ev', 'EV deliveries').focus();
  await expect(tip).toHaveAttribute('aria-expanded', 'false');
  await tip.click();
  await page.locator('.footer').click();
  await expect(tip).toHaveAttribute('aria-expanded', 'false');
});

test('reduced motion: the disclosure marks do not animate', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page);
  const duration = await page.locator('details.card > summary h2').first().evaluate((h) => getComputedStyle(h, '::before').transitionDuration);
  expect(duration).toBe('0s');
});

test('the presets show a focus ring that is not orange on orange', async ({ page }) => {
  await openApp(page);
  const base = page.getByRole('radio', { name: 'Base', exact: true });
  await base.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  const ring = await page.locator('.segmented label.active').evaluate((l) => {
    const s = getComputedStyle(l);
    return { style: s.outlineStyle, color: s.outlineColor, bg: s.backgroundColor };
  });
  expect(ring.style).toBe('solid');
  expect(ring.color).not.toBe(ring.bg);
});
