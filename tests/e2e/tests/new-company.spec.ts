// Issue 27, finding 3: "New company" opened in an error state: red
// "Price, : must be more than 0" before anything was typed, labels with a
// dangling comma, a lone red badge, "Showing the last valid valuation"
// with none shown, "Per share," and Xiaomi's tab title.
import { expect, test } from '@playwright/test';
import { alertFor, byTestId, openApp, upside, valuePerShare } from './helpers';

test('a new company shows its rules as hints until a field is typed into or a save is tried', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'New company' }).click();
  const group = byTestId(page, 'panel-group');
  const shares = group.getByLabel('Shares, bn', { exact: true });
  await expect(shares).toHaveValue('0');
  // No error anywhere: the rules are hints under their fields.
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('[aria-invalid="true"]')).toHaveCount(0);
  await expect(page.locator('#f-shares_bn ~ .hint, .field:has(#f-shares_bn) .hint')).toHaveText('To fill in: must be more than 0');
  // No currency yet: named without one, no dangling comma.
  await expect(page.locator('label[for="f-price"]')).toHaveText('Price');
  await expect(page.locator('label[for="f-fx_listing_per_reporting"]')).toHaveText('FX rate');
  await expect(page.locator('.field:has(#f-price) .hint')).toHaveText('To fill in: must be more than 0');
  // No value, no badge, no "last valid valuation"; what to do instead.
  await expect(valuePerShare(page)).toHaveText('');
  await expect(upside(page)).toBeHidden();
  await expect(byTestId(page, 'stale')).toBeHidden();
  await expect(byTestId(page, 'verdict')).toHaveText("No value yet: fill in the company's figures below.");
  await expect(page.locator('body')).not.toContainText('Per share,');
  await expect(page).toHaveTitle('SOTP - New company sum-of-the-parts valuation');
  await byTestId(page, 'panel-company').getByLabel('Company name', { exact: true }).fill('Acme Robotics');
  await expect(page).toHaveTitle('SOTP - Acme Robotics sum-of-the-parts valuation');

  // A field typed into says what is wrong with it; the others stay hints.
  await shares.fill('0');
  await expect(alertFor(page, 'Shares, bn')).toHaveText('Shares, bn: must be more than 0');
  await expect(shares).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#f-price')).toHaveAttribute('aria-invalid', 'false');
  // A save tried: every rule is an error now, by field.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('#f-price-error [role=alert]')).toHaveText('Price: must be more than 0');
  await expect(page.locator('#f-price')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.field:has(#f-price) .hint')).toBeHidden();

  // Back to Xiaomi: its title again.
  await page.getByRole('button', { name: 'Start from Xiaomi' }).click();
  await expect(page).toHaveTitle('SOTP - Xiaomi sum-of-the-parts valuation');
});

test.describe('in Traditional Chinese', () => {
  test.use({ locale: 'zh-HK' });
  test('a new company is titled and labelled without empty brackets', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: '新公司' }).click();
    await expect(page.locator('label[for="f-price"]')).toHaveText('股價');
    await expect(page.locator('body')).not.toContainText('（）');
    await expect(page).toHaveTitle('SOTP - 新公司分部加總估值');
  });
});
