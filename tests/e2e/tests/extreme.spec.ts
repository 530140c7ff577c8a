// Extreme inputs through the page: huge and zero numbers, margins
// at and just past their limits, the most segments a file may have and one
// more. Each bad value gets a message naming the field (role=alert), nothing
// panics (no page error), and the page keeps answering: a later edit still
// updates the value within a second.
import { test, expect, type Page } from '@playwright/test';
import { BASE_EV_800K, PRESETS } from './expected';
import { alertFor, byTestId, expectPerShare, field, fixture, openApp, valuePerShare } from './helpers';

/** A later ordinary edit still updates the value, within 1 s. */
async function stillResponsive(page: Page) {
  await field(page, 'ev', 'EV deliveries').fill('650000');
  await field(page, 'ev', 'EV deliveries').fill('800000');
  await expect(valuePerShare(page)).toHaveText(BASE_EV_800K.text, { timeout: 1_000 });
}

test.describe('extreme inputs', () => {
  let pageErrors: string[];
  test.beforeEach(async ({ page }) => {
    pageErrors = await openApp(page);
  });
  test.afterEach(() => {
    expect(pageErrors, 'no panic or page error').toEqual([]);
  });

  for (const huge of ['1e27', '99999999999999999999999999999']) {
    test(`EV deliveries ${huge} is refused with a message, and the page carries on`, async ({ page }) => {
      await field(page, 'ev', 'EV deliveries').fill(huge);
      const alert = alertFor(page, 'EV deliveries');
      await expect(alert.first()).toBeVisible();
      await expect(alert.first()).toContainText(/EV deliveries: \S/);
      // The field keeps what was typed; the last valid valuation stays.
      await expect(field(page, 'ev', 'EV deliveries')).toHaveValue(huge);
      await expect(valuePerShare(page)).toHaveText(PRESETS.Base.text);
      await stillResponsive(page);
      await expect(alert).toHaveCount(0);
    });
  }

  test('shares 0 is refused naming the field', async ({ page }) => {
    await field(page, 'group', 'Shares, bn').fill('0');
    await expect(alertFor(page, 'Shares, bn').first()).toContainText('Shares, bn: must be more than 0');
    await expect(valuePerShare(page)).toHaveText(PRESETS.Base.text);
    await field(page, 'group', 'Shares, bn').fill('26.04');
    await stillResponsive(page);
  });

  test('margins of -100 and 100 are accepted; -100.01 and 100.01 are refused', async ({ page }) => {
    // Smartphones are valued on P/E, so their net margin moves the value.
    const margin = field(page, 'smartphones', 'Net margin, %');
    for (const ok of ['-100', '100']) {
      await margin.fill(ok);
      await expect(alertFor(page, 'Net margin')).toHaveCount(0);
      await expect(valuePerShare(page)).toHaveText(/^-?HK\$[\d,]+\.\d\d$/);
      await expect(valuePerShare(page)).not.toHaveText(PRESETS.Base.text);
    }
    const at100 = await valuePerShare(page).textContent();
    for (const bad of ['-100.01', '100.01']) {
      await margin.fill(bad);
      await expect(alertFor(page, 'Net margin, %').first()).toContainText('Net margin, %: must be between -100 and 100');
      await expect(valuePerShare(page)).toHaveText(at100!);
    }
    await margin.fill('4');
    await stillResponsive(page);
  });

  test('a 12-segment file is read: 12 panels and a value', async ({ page }) => {
    await page.getByLabel('Import scenario').setInputFiles(fixture('extreme-12-segments.json'));
    await expect(byTestId(page, 'import-errors')).toBeHidden();
    await expect(page.locator('[data-testid^="panel-part-"]')).toHaveCount(12);
    // Twelve P/E segments of 1..12 bn revenue at 10% and 10x: 78 bn, less 3 bn
    // net debt, over 2 bn shares.
    await expectPerShare(valuePerShare(page), 37.5, 'US$');
    const last = byTestId(page, 'panel-part-12').getByLabel('Revenue, USD bn', { exact: true });
    await last.fill('24');
    await expectPerShare(valuePerShare(page), 43.5, 'US$');
  });

  test('a 13-segment file is refused naming the segments, and nothing changes', async ({ page }) => {
    await page.getByLabel('Import scenario').setInputFiles(fixture('extreme-13-segments.json'));
    const errors = byTestId(page, 'import-errors');
    await expect(errors).toBeVisible();
    await expect(errors).toHaveAttribute('role', 'alert');
    await expect(errors).toContainText('segments');
    await expect(errors).toContainText('must be 1 to 12 segments (found 13)');
    await expect(page.locator('[data-testid^="panel-part-"]')).toHaveCount(0);
    await expect(valuePerShare(page)).toHaveText(PRESETS.Base.text);
    await stillResponsive(page);
  });
});
