// Issue 28: the sensitivity grid. Base's default grid is EV deliveries
// (500,000 to 800,000, step 50,000) by the EV/Sales multiple (2.25x to
// 3.75x, step 0.25x), the centre Base's HK$55.49.
import { expect, test, type Page } from '@playwright/test';
import { byTestId, openApp, panel } from './helpers';

async function openGrid(page: Page) {
  await openApp(page);
  await byTestId(page, 'analysis').locator(':scope > summary').click();
  const grid = byTestId(page, 'sensitivity');
  await expect(grid).toBeVisible();
  return grid;
}

const cell = (grid: ReturnType<Page['locator']>, x: string, y: string) => grid.locator(`td[data-x="${x}"][data-y="${y}"]`);

test('a 7 x 7 grid of EV deliveries by the EV multiple, centred on the reader\'s value', async ({ page }) => {
  const grid = await openGrid(page);
  await expect(grid).toHaveAttribute('data-x-path', 'ev.units');
  await expect(grid).toHaveAttribute('data-y-path', 'ev.multiple');
  await expect(grid.locator('td')).toHaveCount(49);
  const centre = cell(grid, '650000', '3');
  await expect(centre).toHaveText('55.49');
  await expect(centre).toHaveClass(/yours/);
  expect(Number(await centre.getAttribute('data-value'))).toBeCloseTo(55.49, 2);
  // The value is linear in deliveries x multiple for the EV part: the
  // cells agree with the headline's engine when the edit is made.
  const corner = cell(grid, '800000', '3.75');
  const cornerValue = Number(await corner.getAttribute('data-value'));
  await panel(page, 'ev').getByLabel('EV deliveries', { exact: true }).fill('800000');
  await panel(page, 'ev').getByLabel('Multiple, x', { exact: true }).fill('3.75');
  await expect(page.getByTestId('value-per-share')).toHaveText(`HK$${cornerValue.toFixed(2)}`);
  // The grid follows: its centre is now the reader's new scenario.
  await expect(cell(grid, '800000', '3.75')).toHaveClass(/yours/);
  await expect(grid.locator('td.yours')).toHaveText(cornerValue.toFixed(2));
});

test('arrow keys move between cells and say what each is', async ({ page }) => {
  const grid = await openGrid(page);
  const centre = cell(grid, '650000', '3');
  await centre.focus();
  await page.keyboard.press('ArrowRight');
  const right = cell(grid, '700000', '3');
  await expect(right).toBeFocused();
  await expect(right).toHaveAttribute('aria-label', /^EV deliveries \(Smart EV\) 700,000, EV\/Sales multiple \(Smart EV\) 3x: HK\$\d+\.\d\d, \+\d+\.\d%$/);
  await page.keyboard.press('ArrowUp');
  await expect(cell(grid, '700000', '2.75')).toBeFocused();
  await expect(byTestId(page, 'sensitivity-focus')).toContainText('700,000');
});

test('a step of 0, an even count or an axis below zero is refused naming the axis', async ({ page }) => {
  const grid = await openGrid(page);
  const error = byTestId(page, 'sensitivity-error');
  const x = byTestId(page, 'sensitivity-x');
  const y = byTestId(page, 'sensitivity-y');
  await x.getByLabel('Step').fill('0');
  await expect(error).toHaveText('Columns, EV deliveries (Smart EV): the step must be more than 0');
  await expect(grid).toHaveCount(0);
  await x.getByLabel('Step').fill('300000');
  await expect(error).toHaveText('Columns, EV deliveries (Smart EV): -250,000 is outside its rule, it must be 0 or more');
  await x.getByLabel('Step').fill('100000');
  await y.getByLabel('Values (odd, up to 15)').fill('8');
  await expect(error).toHaveText('Rows, EV/Sales multiple (Smart EV): the number of values must be odd, from 1 to 15 (found 8)');
  await y.getByLabel('Values (odd, up to 15)').fill('3');
  await expect(error).toHaveText('');
  await expect(byTestId(page, 'sensitivity').locator('td')).toHaveCount(21);
  // Another input on the rows: its own default step. Base has no holding
  // discount: a grid centred on 0% would go below its rule.
  await y.getByLabel('Input').selectOption('holding_discount_pct');
  await expect(y.getByLabel('Step')).toHaveValue('5');
  await expect(error).toHaveText('Rows, Holding discount, %: -5.0% is outside its rule, it must be 0 or more and less than 100');
  await y.getByLabel('Input').selectOption('smartphones.growth_pct');
  await expect(y.getByLabel('Step')).toHaveValue('2');
  await expect(byTestId(page, 'sensitivity')).toHaveAttribute('data-y-path', 'smartphones.growth_pct');
  await expect(error).toHaveText('');
});
