// Nothing misleads: messages fit their field; signs, sources and dates are
// said in full.
import { test, expect } from '@playwright/test';
import { openApp, valuePerShare, field, byTestId, typeInto, panel } from './helpers';

test('a % typed into a count gets the message of a count; counts are whole', async ({ page }) => {
  await openApp(page);
  const ev = field(page, 'ev', 'EV deliveries');
  await typeInto(ev, '12%');
  await expect(panel(page, 'ev').getByRole('alert')).toHaveText(
    'EV deliveries: takes a plain number, not a percentage (no % sign)',
  );
  await typeInto(ev, '650000.5');
  await expect(panel(page, 'ev').getByRole('alert')).toHaveText('EV deliveries: must be a whole number');
  await typeInto(field(page, 'ev', 'EBIT margin, %'), '5%');
  await expect(panel(page, 'ev').getByRole('alert').last()).toContainText('already in %');
});

test('other adjustments say their sign; sources name outlets and dates', async ({ page }) => {
  await openApp(page);
  const other = page.getByLabel('Other adjustments (+/-), RMB bn', { exact: true });
  await typeInto(other, '-20');
  // -20bn of claims lowers the value: 20 / 26.04 x 1.095 = 0.84 a share.
  await expect(valuePerShare(page)).toHaveText('HK$54.65');
  const bridge = byTestId(page, 'bridge');
  await expect(bridge.getByRole('row', { name: /Other adjustments/ })).toContainText('-20.0');
  await page.getByText('Sources', { exact: true }).click();
  const sources = page.locator('.sources li');
  await expect(sources.first()).toContainText('Deep News, 25 Nov 2025: the price');
  await expect(page.locator('.footer')).not.toContainText(/seed/i);
  for (const tip of await page.locator('.info-button').all()) {
    expect(await tip.getAttribute('title')).not.toMatch(/seed/i);
  }
});
