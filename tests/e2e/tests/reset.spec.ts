import { test, expect } from '@playwright/test';
import { field, openApp, panel, typeInto, valuePerShare } from './helpers';

// ux.md: "A value that differs from the preset is marked, with a reset control."

test('only a changed value is marked and offers Reset, which restores the preset value', async ({ page }) => {
  await openApp(page);
  const resets = page.getByRole('button', { name: 'Reset' });
  await expect(resets).toHaveCount(0);

  const deliveries = field(page, 'ev', 'EV deliveries');
  await typeInto(deliveries, '800000');
  // 800,000 cars: HK$60.32 (see expected.ts).
  await expect(valuePerShare(page)).toHaveText('HK$60.32');
  // In its card and among the key assumptions under the headline (issue 27).
  await expect(resets).toHaveCount(2);
  await expect(panel(page, 'ev').getByRole('button', { name: 'Reset' })).toHaveCount(1);
  const changed = panel(page, 'ev').locator('.field.changed');
  await expect(changed).toHaveCount(1);
  // Still in focus: the plain text being edited.
  await expect(changed.getByLabel('EV deliveries', { exact: true })).toHaveValue('800000');

  await panel(page, 'ev').getByRole('button', { name: 'Reset' }).click();
  await expect(deliveries).toHaveValue('650,000');
  await expect(valuePerShare(page)).toHaveText('HK$55.49');
  await expect(resets).toHaveCount(0);
  await expect(page.locator('.field.changed')).toHaveCount(0);
});
