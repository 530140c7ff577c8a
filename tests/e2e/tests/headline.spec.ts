import { test, expect } from '@playwright/test';
import { PRESETS } from './expected';
import { openApp, valuePerShare, upside, verdict, expectPerShare, byTestId } from './helpers';

test.describe('first visit', () => {
  test('shows the Base value, upside and verdict against the price', async ({ page }) => {
    const errors = await openApp(page);
    await expect(valuePerShare(page)).toHaveText(PRESETS.Base.text);
    await expectPerShare(valuePerShare(page), PRESETS.Base.perShare);
    await expect(upside(page)).toHaveText(PRESETS.Base.upside);
    await expect(verdict(page)).toHaveText(PRESETS.Base.verdict!);
    expect(errors, 'no uncaught page errors').toEqual([]);
  });

  test('Base is the checked preset', async ({ page }) => {
    await openApp(page);
    const group = page.getByRole('radiogroup', { name: 'Preset' });
    await expect(group.getByRole('radio', { name: 'Base', exact: true })).toBeChecked();
    await expect(group.getByRole('radio', { name: 'Bear', exact: true })).not.toBeChecked();
    await expect(group.getByRole('radio', { name: 'Bull', exact: true })).not.toBeChecked();
    await expect(byTestId(page, 'preset-custom')).toHaveCount(0);
  });

  test('the footer says it is not investment advice', async ({ page }) => {
    await openApp(page);
    await expect(page.locator('footer')).toContainText('For information only; not investment advice');
  });

  test('loads nothing from outside its own origin', async ({ page }) => {
    const foreign: string[] = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol)) foreign.push(r.url());
    });
    await openApp(page);
    await page.waitForLoadState('networkidle');
    expect(foreign).toEqual([]);
  });
});

test.describe('on a phone (390 x 844)', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });

  test('value and upside are visible at the top without scrolling', async ({ page }) => {
    await openApp(page);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    for (const loc of [valuePerShare(page), upside(page)]) {
      await expect(loc).toBeVisible();
      await expect(loc).toBeInViewport({ ratio: 1 });
      const box = await loc.boundingBox();
      expect(box, 'has a box').not.toBeNull();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(844);
    }
    await expect(valuePerShare(page)).toHaveText(PRESETS.Base.text);
    await expect(upside(page)).toHaveText(PRESETS.Base.upside);
  });

  test('the page does not scroll sideways', async ({ page }) => {
    await openApp(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('value and upside stay in view (sticky bar) when scrolled to the bridge', async ({ page }) => {
    await openApp(page);
    await byTestId(page, 'bridge').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await expect(valuePerShare(page)).toBeInViewport();
    await expect(upside(page)).toBeInViewport();
  });
});
