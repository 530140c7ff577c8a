// Compare 2 to 4 scenarios side by side, differing assumptions marked, and
// weight them by probability (weights must total 100%).
//
// Hand-computed (Python decimal, 50 digits), from expected.ts's raw values:
//   25% x 27.305932 + 50% x 55.492696 + 25% x 82.591132 = HK$55.220614, and
//   55.220614 / 40.34 - 1 = +36.9%
//   50% Bear + 50% Bull = (27.305932 + 82.591132) / 2 = HK$54.948532, +36.2%
//   50% Base + 50% Base with 800,000 EVs = (55.492696 + 60.318013) / 2 = HK$57.905354, +43.5%
import { type Page } from '@playwright/test';
import { PRESETS, BASE_EV_800K } from './expected';
import { expectPerShare, field, byTestId } from './helpers';
import { test, expect, open, saveAs, seedStorage, storedFixtures, button } from './saved-helpers';

const compare = (page: Page) => byTestId(page, 'compare');
const table = (page: Page) => byTestId(page, 'compare-table');
const weight = (page: Page, title: string) => compare(page).getByLabel(`Weight for ${title}, %`, { exact: true });
const rowOf = (page: Page, label: string) =>
  table(page).locator('tbody tr').filter({ has: page.locator('th', { hasText: new RegExp(`^${label}$`) }) });

async function openCompare(page: Page) {
  await compare(page).locator('summary').filter({ hasText: 'Compare and weight' }).click();
  await expect(compare(page)).toHaveAttribute('open', '');
}

test('Bear, Base and Bull side by side, 25/50/25: HK$55.22', async ({ page }) => {
  await open(page);
  await expect(compare(page)).not.toHaveAttribute('open', '');
  await openCompare(page);
  for (const p of ['Bear', 'Base', 'Bull']) {
    await expect(compare(page).getByLabel(`${p} preset`, { exact: true })).toBeChecked();
  }
  await expect(compare(page).getByLabel('On screen: Xiaomi Base', { exact: true })).not.toBeChecked();
  await expect(table(page).locator('thead th')).toHaveText(['Input', 'Bear preset', 'Base preset', 'Bull preset']);

  const value = rowOf(page, 'Value per share');
  await expect(value.locator('td')).toHaveText([PRESETS.Bear.text, PRESETS.Base.text, PRESETS.Bull.text]);
  await expect(value).toHaveAttribute('data-differs', 'true');
  await expect(rowOf(page, 'Upside').locator('td')).toHaveText([PRESETS.Bear.upside, PRESETS.Base.upside, PRESETS.Bull.upside]);
  // What the presets share is not marked; what differs is.
  await expect(rowOf(page, 'Listing currency')).toHaveAttribute('data-differs', 'false');
  await expect(rowOf(page, 'Company')).toHaveAttribute('data-differs', 'false');
  await expect(table(page).locator('tbody tr[data-differs="true"]').first()).toBeVisible();
  const differing = await table(page).locator('tbody tr[data-differs="true"] th').allTextContents();
  expect(differing).toEqual(expect.arrayContaining(['Value per share', 'Upside']));
  expect(differing.some((l) => /EV deliveries/.test(l))).toBe(true);
  await expect(table(page).locator('tbody tr.differs')).toHaveCount(differing.length);
  // Highlighted: a differing row's cells have another background than a same row's.
  const background = (row: string) =>
    rowOf(page, row).locator('td').first().evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await background('Value per share')).not.toBe(await background('Company'));

  await expect(weight(page, 'Bear preset')).toHaveValue('25');
  await expect(weight(page, 'Base preset')).toHaveValue('50');
  await expect(weight(page, 'Bull preset')).toHaveValue('25');
  await expect(byTestId(page, 'weighted-value')).toHaveText('HK$55.22');
  await expectPerShare(byTestId(page, 'weighted-value'), 55.22061388536867);
  await expect(byTestId(page, 'weighted-upside')).toHaveText('+36.9%');
  await expect(byTestId(page, 'weights-error')).toBeHidden();
});

test('weights that do not total 100% are refused, clearly', async ({ page }) => {
  await open(page);
  await openCompare(page);
  await weight(page, 'Base preset').fill('40');
  const error = byTestId(page, 'weights-error');
  await expect(error).toHaveText('Weights add up to 90.0%; they must total 100%.');
  await expect(error).toHaveAttribute('role', 'alert');
  await expect(byTestId(page, 'weighted-value')).toBeHidden();
  await weight(page, 'Base preset').fill('50.5');
  await expect(error).toHaveText('Weights add up to 100.5%; they must total 100%.');
  await weight(page, 'Base preset').fill('abc');
  await expect(error).toContainText('Weight for Base preset');
  await weight(page, 'Base preset').fill('-10');
  await expect(error).toContainText(/below 0%/);
  await weight(page, 'Base preset').fill('50');
  await expect(error).toBeHidden();
  await expect(byTestId(page, 'weighted-value')).toHaveText('HK$55.22');

  // Two scenarios: Bear and Bull at 25/25 is 50%; 50/50 values.
  await compare(page).getByLabel('Base preset', { exact: true }).uncheck();
  await expect(table(page).locator('thead th')).toHaveText(['Input', 'Bear preset', 'Bull preset']);
  await expect(error).toHaveText('Weights add up to 50.0%; they must total 100%.');
  await weight(page, 'Bear preset').fill('50');
  await weight(page, 'Bull preset').fill('50');
  await expect(byTestId(page, 'weighted-value')).toHaveText('HK$54.95');
  await expectPerShare(byTestId(page, 'weighted-value'), 54.94853182603687);
  await expect(byTestId(page, 'weighted-upside')).toHaveText('+36.2%');

  // One scenario is not a comparison.
  await compare(page).getByLabel('Bull preset', { exact: true }).uncheck();
  await expect(table(page)).toBeHidden();
  await expect(compare(page)).toContainText('Choose at least two scenarios.');
  await expect(byTestId(page, 'weighted-value')).toBeHidden();
});

test('the scenario on screen and saved ones compare too; at most four at once', async ({ page }) => {
  await seedStorage(page, storedFixtures('schema2-base'));
  await open(page);
  await field(page, 'ev', 'EV deliveries').fill('800000');
  await saveAs(page, 'More EVs');
  await openCompare(page);
  await compare(page).getByLabel('Bear preset', { exact: true }).uncheck();
  await compare(page).getByLabel('Bull preset', { exact: true }).uncheck();
  await compare(page).getByLabel('More EVs', { exact: true }).check();
  await expect(table(page).locator('thead th')).toHaveText(['Input', 'Base preset', 'More EVs']);
  // Only the EV deliveries, the value and the upside differ.
  const differing = await table(page).locator('tbody tr[data-differs="true"] th').allTextContents();
  expect(differing).toEqual(['Value per share', 'Upside', 'Smart EV: EV deliveries']);
  await expect(rowOf(page, 'Smart EV: EV deliveries').locator('td')).toHaveText(['650,000', '800,000']);
  await weight(page, 'Base preset').fill('50');
  await weight(page, 'More EVs').fill('50');
  await expect(byTestId(page, 'weighted-value')).toHaveText('HK$57.91');
  await expectPerShare(byTestId(page, 'weighted-value'), 57.90535435483871);
  await expect(byTestId(page, 'weighted-upside')).toHaveText('+43.5%');

  // Up to four: then the other boxes are disabled.
  await compare(page).getByLabel('On screen: More EVs', { exact: true }).check();
  await compare(page).getByLabel('Xiaomi Base', { exact: true }).check();
  await expect(table(page).locator('thead th')).toHaveText(['Input', 'Base preset', 'More EVs', 'On screen: More EVs', 'Xiaomi Base']);
  await expect(compare(page).getByLabel('Bear preset', { exact: true })).toBeDisabled();
  await expect(compare(page).getByLabel('Bull preset', { exact: true })).toBeDisabled();
  // The two added join at 0%: the expected value holds.
  await expect(weight(page, 'On screen: More EVs')).toHaveValue('0');
  await expect(byTestId(page, 'weighted-value')).toHaveText('HK$57.91');
  await button(compare(page), 'Equal weights').click();
  await expect(weight(page, 'Base preset')).toHaveValue('25');
  await expect(weight(page, 'Xiaomi Base')).toHaveValue('25');
  // (55.492696 x 2 + 60.318013 x 2) / 4 = HK$57.905354
  await expectPerShare(byTestId(page, 'weighted-value'), 57.90535435483871);

  // The on-screen column follows edits.
  await field(page, 'ev', 'EV deliveries').fill('650000');
  await expect(rowOf(page, 'Value per share').locator('td')).toHaveText([
    PRESETS.Base.text, BASE_EV_800K.text, PRESETS.Base.text, PRESETS.Base.text,
  ]);
});

test('a fourth scenario joins at 0%: the expected value stays; a negative weight names its scenario', async ({ page }) => {
  await open(page);
  await openCompare(page);
  await compare(page).getByLabel('On screen: Xiaomi Base', { exact: true }).check();
  await expect(weight(page, 'On screen: Xiaomi Base')).toHaveValue('0');
  await expect(byTestId(page, 'weighted-value')).toHaveText('HK$55.22');
  await weight(page, 'Bull preset').fill('-5');
  await expect(byTestId(page, 'weights-error')).toHaveText(
    'The weight of \u201CXiaomi Bull\u201D is below 0%; weights must be 0% or more.',
  );
});
