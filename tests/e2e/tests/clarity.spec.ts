// Nothing misleads: a method switch says what it did to the multiple;
// messages fit their field; far-off values get a calm word; signs, sources,
// dates and currencies are said in full.
import { test, expect } from '@playwright/test';
import { openApp, valuePerShare, field, byTestId, typeInto, panel } from './helpers';

test('switching EV/Sales to P/E sets the multiple that keeps the value, and says so; back restores it', async ({ page }) => {
  await openApp(page);
  const method = panel(page, 'ev').getByLabel('Method', { exact: true });
  const multiple = field(page, 'ev', 'Multiple, x');
  await method.selectOption('pe');
  // 3x sales on a 5% margin is 60x profit: HK$55.49 stays, not HK$35.63.
  await expect(multiple).toHaveValue('60');
  await expect(valuePerShare(page)).toHaveText('HK$55.49');
  const note = byTestId(panel(page, 'ev'), 'multiple-note');
  await expect(note).toHaveText(
    'Multiple set to 60.0x: at this margin it gives about the value 3.0x on EV/Sales gave. Enter your own P/E multiple.',
  );
  await typeInto(multiple, '40');
  await expect(note).toBeHidden();
  await method.selectOption('ev_sales');
  await expect(multiple).toHaveValue('3');
  await expect(note).toHaveText('Multiple back to 3.0x, the one you had with EV/Sales.');
  await expect(valuePerShare(page)).toHaveText('HK$55.49');
  await method.selectOption('pe');
  await expect(multiple).toHaveValue('40');
});

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

test('a far-off value is used, with a calm word beside it', async ({ page }) => {
  await openApp(page);
  const ev = field(page, 'ev', 'EV deliveries');
  await typeInto(ev, '1000000000000000000');
  await expect(byTestId(panel(page, 'ev'), 'far-off')).toHaveText(
    'Over ten times the Base figure of 650,000: used as typed, but check it.',
  );
  await expect(panel(page, 'ev').getByRole('alert')).toHaveCount(0);
  await expect(valuePerShare(page)).not.toHaveText('HK$55.49');
  await typeInto(ev, '700000');
  await expect(byTestId(panel(page, 'ev'), 'far-off')).toBeHidden();
  await typeInto(page.getByLabel('Shares, bn', { exact: true }), '0.0001');
  await expect(byTestId(page, 'far-off')).toHaveText(
    'Under a tenth of the Base figure of 26.04: used as typed, but check it.',
  );
});

test('other adjustments say their sign; the bridge names its currency; sources name outlets and dates', async ({ page }) => {
  await openApp(page);
  const other = page.getByLabel('Other adjustments (+/-), RMB bn', { exact: true });
  await expect(page.getByText('enter claims such as minority interests as negative')).toBeVisible();
  await typeInto(other, '-20');
  // -20bn of claims lowers the value: 20 / 26.04 x 1.095 = 0.84 a share.
  await expect(valuePerShare(page)).toHaveText('HK$54.65');
  const bridge = byTestId(page, 'bridge');
  await expect(bridge.getByRole('columnheader', { name: 'Profit, RMB bn' })).toBeVisible();
  await expect(bridge.getByRole('row', { name: /Other adjustments/ })).toContainText('-20.0');
  await page.getByText('Sources', { exact: true }).click();
  const sources = page.locator('.sources li');
  await expect(sources.first()).toContainText('Deep News, 25 Nov 2025: the price');
  await expect(page.locator('.footer')).not.toContainText(/seed/i);
  await expect(page.locator('.footer')).toContainText('The price is the close of 25 Nov 2025');
  for (const tip of await page.locator('.info-button').all()) {
    expect(await tip.getAttribute('title')).not.toMatch(/seed/i);
  }
});
