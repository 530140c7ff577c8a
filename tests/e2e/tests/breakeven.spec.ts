// Issue 28, first part: what the price implies, input by input. For Base
// at HK$40.34 (tests/analysis.rs computes them by hand): EV deliveries
// 178,962.66 (you: 650,000), the EV/Sales multiple 0.82598x (you: 3x).
import { expect, test } from '@playwright/test';
import { PRESETS } from './expected';
import { byTestId, openApp, panel, upside, valuePerShare } from './helpers';

test("every input's break-even, and Use this value takes it as one edit that Reset undoes", async ({ page }) => {
  await openApp(page);
  const analysis = byTestId(page, 'analysis');
  await analysis.locator('summary').filter({ hasText: 'What the price implies' }).click();
  const table = byTestId(page, 'breakeven');
  await expect(table).toBeVisible();
  await expect(analysis).toContainText('the value per share equals the price of HK$40.34');

  const units = byTestId(table, 'breakeven-ev.units');
  expect(Number(await units.getAttribute('data-value'))).toBeCloseTo(178962.66, 1);
  await expect(units.locator('th')).toHaveText('EV deliveries (Smart EV)');
  await expect(units.locator('td').nth(0)).toHaveText('650,000');
  await expect(units.locator('td').nth(1)).toHaveText('178,963');
  await expect(units.locator('td').nth(2)).toHaveText('-72.5%');
  const multiple = byTestId(table, 'breakeven-ev.multiple');
  expect(Number(await multiple.getAttribute('data-value'))).toBeCloseTo(0.82598, 5);
  await expect(multiple.locator('td').nth(1)).toHaveText('0.83');
  // Under EV/Sales the EV margin moves nothing: no break-even, and why.
  const margin = byTestId(table, 'breakeven-ev.margin_pct');
  await expect(margin).toHaveAttribute('data-value', 'none');
  await expect(margin).toContainText('none: it does not move the value');
  await expect(margin.getByRole('button')).toHaveCount(0);

  // Each button's name begins with the words it shows (WCAG 2.5.3).
  for (const button of await table.getByRole('button').all()) {
    expect(await button.getAttribute('aria-label')).toMatch(/^Use this value: /);
    await expect(button).toHaveText('Use this value');
  }
  // The market's EV deliveries, typed as a count: the value is the price.
  await units.getByRole('button', { name: 'Use this value: 178,963 for EV deliveries (Smart EV)' }).click();
  const card = panel(page, 'ev').getByLabel('EV deliveries', { exact: true });
  await expect(card).toHaveValue('178,963');
  await expect(valuePerShare(page)).toHaveText('HK$40.34');
  await expect(upside(page)).toHaveText('0.0%');
  // The table follows the scenario: EV deliveries is now at the price.
  await expect(units.locator('td').nth(0)).toHaveText('178,963');
  await panel(page, 'ev').getByRole('button', { name: 'Reset' }).click();
  await expect(valuePerShare(page)).toHaveText(PRESETS.Base.text);
});

test.describe('in German', () => {
  test.use({ locale: 'de-DE' });
  test('the table in German, numbers as Germans write them', async ({ page }) => {
    await openApp(page);
    await byTestId(page, 'analysis').locator('summary').click();
    const units = byTestId(page, 'breakeven-ev.units');
    await expect(units.locator('td').nth(1)).toHaveText('178.963');
    await expect(units.getByRole('button', { name: 'Diesen Wert übernehmen: 178.963 für Auslieferungen E-Autos (Smart EV)' })).toBeVisible();
  });
});
