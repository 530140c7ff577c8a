// Any company (issue 12): a new user builds a company that is not Xiaomi from
// a blank page, checks its value by hand, saves it, shares it, removes a
// segment and undoes that; the spec's rules hold at every step.
import { valuePerShare, upside, byTestId, alertFor, fixture, expectPerShare } from './helpers';
import { test, expect, open, copyLink, saveAs, savedNames, button, storedEntries, watchDialogs } from './saved-helpers';
import type { Page } from '@playwright/test';

const card = (page: Page, id: string) => byTestId(page, `segment-card-${id}`);
const cards = (page: Page) => page.locator('[data-testid^="segment-card-"]');
const inCard = (page: Page, id: string, label: string) => card(page, id).getByLabel(label, { exact: true });
const group = (page: Page, label: string) => byTestId(page, 'panel-group').getByLabel(label, { exact: true });
const company = (page: Page, label: string) => byTestId(page, 'panel-company').getByLabel(label, { exact: true });

/** Opens a blank company and waits for its card and what it lacks. */
async function newCompany(page: Page) {
  await button(page, 'New company').click();
  await expect(cards(page)).toHaveCount(1);
  await expect(byTestId(page, 'missing')).toContainText('Add at least one segment with a multiple');
}

test('a key typed in the frame that rebuilds the cards lands in the field moved to, not in the page', async ({ page }) => {
  await open(page);
  await newCompany(page);
  await inCard(page, 'segment-1', 'Revenue driver').selectOption({ label: 'Units with growth x ASP' });
  await inCard(page, 'segment-1', 'Segment name').fill('Devices');
  // Moving on to the unit name enters the segment's name: the editor's
  // fields are built anew at the next frame, the unit name's among them.
  // The page's frame callback was queued first, so this one runs after it
  // and its tasks: where a key pressed then goes.
  const focused = await page.evaluate(() => new Promise<string>((resolve) => {
    (document.getElementById('unit-label-0') as HTMLElement).focus();
    requestAnimationFrame(() => {
      const a = document.activeElement;
      resolve(a && a.isConnected && a.tagName !== 'BODY' ? a.id : 'the page');
    });
  }));
  expect(focused).toBe('unit-label-0');
  // Typed at once, while the tools are built anew: every key lands.
  await page.keyboard.type('devices');
  await expect(page.locator('#unit-label-0')).toHaveValue('devices');
  await expect(page.locator('#unit-label-0')).toBeFocused();
  // Entered (focus moves on): the units beside the fields follow.
  await page.keyboard.press('Tab');
  await expect(card(page, 'segment-1').locator('.unit').first()).toHaveText('devices');
  await expect(card(page, 'segment-1').locator('h2')).toHaveText('Devices');
});

test('a new user builds a three-segment company by hand, saves it, shares it, and undoes a removal', async ({ page, browser, dialogs }) => {
  await open(page);
  await newCompany(page);
  // Blank: no value of Xiaomi's left on screen, every number zero, the rules shown.
  await expect(valuePerShare(page)).toHaveText('');
  await expect(byTestId(page, 'missing')).toContainText('a company name');
  await expect(byTestId(page, 'presets-other')).toContainText('My scenarios');
  await expect(page.getByRole('radiogroup', { name: 'Preset' })).toHaveCount(0);

  await company(page, 'Company name').fill('Cloudco Holdings');
  await company(page, 'Ticker').fill('CLD');
  // A currency that is not three capital letters is refused, naming the field.
  await company(page, 'Listing currency').fill('HK$');
  await expect(alertFor(page, 'Listing currency')).toContainText('Listing currency: must be three capital letters');
  await company(page, 'Listing currency').fill('hkd');
  await expect(alertFor(page, 'Listing currency')).toHaveCount(0);
  await company(page, 'Reporting currency').fill('USD');
  await group(page, 'FX, HKD per USD').fill('7.8');
  await group(page, 'Shares, bn').fill('2');
  await page.getByLabel('Price, HK$', { exact: true }).fill('600');

  // Segment 1, P/E on revenue: 50bn at 20% net margin = 10bn profit x 15 = 150bn.
  await inCard(page, 'segment-1', 'Segment name').fill('Cloud');
  await expect(button(page, 'Remove Cloud')).toBeVisible();
  await inCard(page, 'segment-1', 'Revenue, USD bn').fill('50');
  // The heading follows once the name is entered (focus moved on).
  await expect(card(page, 'segment-1').locator('h2')).toHaveText('Cloud');
  await expect(inCard(page, 'segment-1', 'Revenue, USD bn')).toBeFocused();
  await inCard(page, 'segment-1', 'Net margin, %').fill('20');
  await inCard(page, 'segment-1', 'Multiple, x').fill('15');
  await expect(byTestId(page, 'missing')).toBeHidden();
  // 150bn / 2bn shares x 7.8 = HK$585.00, against 600: -2.5%.
  await expect(valuePerShare(page)).toHaveText('HK$585.00');

  // Segment 2, EV/EBIT on units with growth: 10m devices +10% = 11m x US$500
  // = 5.5bn revenue, 10% EBIT margin = 0.55bn x 12 = 6.6bn.
  await button(page, 'Add segment').click();
  await expect(cards(page)).toHaveCount(2);
  await inCard(page, 'segment-2', 'Segment name').fill('Devices');
  await inCard(page, 'segment-2', 'Revenue driver').selectOption({ label: 'Units with growth x ASP' });
  await expect(card(page, 'segment-2')).toContainText('Base-year units grown each year');
  await expect(byTestId(page, 'editor-note')).toContainText('Devices now uses Units with growth x ASP; not kept as entered: revenue');
  await inCard(page, 'segment-2', 'Unit name').fill('devices');
  await inCard(page, 'segment-2', 'Base-year units').fill('10000000');
  await expect(card(page, 'segment-2').locator('.unit').first()).toHaveText('devices');
  await inCard(page, 'segment-2', 'Unit growth, %').fill('10');
  await inCard(page, 'segment-2', 'ASP, USD').fill('500');
  await inCard(page, 'segment-2', 'Method').selectOption({ label: 'EV/EBIT' });
  await expect(card(page, 'segment-2')).toContainText('EBIT (revenue x EBIT margin) times the multiple');
  await inCard(page, 'segment-2', 'EBIT margin, %').fill('10');
  await inCard(page, 'segment-2', 'Multiple, x').fill('12');

  // Segment 3, EV/Sales on revenue: 8bn x 2.5 = 20bn.
  await button(page, 'Add segment').click();
  await inCard(page, 'segment-3', 'Segment name').fill('Ads');
  await inCard(page, 'segment-3', 'Revenue, USD bn').fill('8');
  await inCard(page, 'segment-3', 'Method').selectOption({ label: 'EV/Sales' });
  await inCard(page, 'segment-3', 'Multiple, x').fill('2.5');

  // 150 + 6.6 + 20 = 176.6bn / 2bn x 7.8 = HK$688.74, against 600: +14.8%.
  await expect(valuePerShare(page)).toHaveText('HK$688.74');
  await expect(upside(page)).toHaveText('+14.8%');
  await expect(page.locator('h1')).toHaveText('Cloudco Holdings');

  await saveAs(page, 'Cloudco base');
  await expect(savedNames(page)).toHaveText(['Cloudco base']);
  expect((await storedEntries(page)).map((e) => e.entry.scenario.segments.length)).toEqual([3]);

  // The link carries the whole structure into a fresh browser.
  const url = await copyLink(page);
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  watchDialogs(other, dialogs);
  await open(other, url);
  await expect(valuePerShare(other)).toHaveText('HK$688.74');
  await expect(cards(other)).toHaveCount(3);
  await expect(card(other, 'segment-2').locator('h2')).toHaveText('Devices');
  await expect(inCard(other, 'segment-2', 'Unit name')).toHaveValue('devices');
  await fresh.close();

  // Remove Devices: 170bn / 2 x 7.8 = HK$663.00; Undo puts it back exactly, in its place.
  await button(page, 'Remove Devices').click();
  await expect(cards(page)).toHaveCount(2);
  await expect(valuePerShare(page)).toHaveText('HK$663.00');
  await expect(byTestId(page, 'editor-note')).toContainText('Removed Devices.');
  await byTestId(page, 'editor-note').getByRole('button', { name: 'Undo' }).click();
  await expect(cards(page)).toHaveCount(3);
  await expect(cards(page).nth(1)).toHaveAttribute('data-testid', 'segment-card-segment-2');
  await expect(inCard(page, 'segment-2', 'Base-year units')).toHaveValue('10,000,000');
  await expect(valuePerShare(page)).toHaveText('HK$688.74');

  // Move Ads up: the cards follow, the value does not change.
  await button(page, 'Move Ads up').click();
  await expect(cards(page).nth(1)).toHaveAttribute('data-testid', 'segment-card-segment-3');
  await expect(button(page, 'Move Ads up')).toBeFocused();
  await expect(valuePerShare(page)).toHaveText('HK$688.74');
  expect(dialogs).toEqual([]);
});

test('the last segment stays, and a text it cannot take is explained', async ({ page }) => {
  await open(page);
  await newCompany(page);
  await button(page, 'Remove Segment 1').click();
  await expect(byTestId(page, 'editor-note')).toContainText('The last segment stays');
  await expect(cards(page)).toHaveCount(1);
  // Text a field cannot take yet is never lost to a structure edit: it waits.
  await inCard(page, 'segment-1', 'Revenue, bn').fill('12%');
  await button(page, 'Add segment').click();
  await expect(byTestId(page, 'editor-note')).toContainText('Fix the marked fields first');
  await expect(cards(page)).toHaveCount(1);
  await expect(inCard(page, 'segment-1', 'Revenue, bn')).toHaveValue('12%');
  await inCard(page, 'segment-1', 'Revenue, bn').fill('12');
  await button(page, 'Add segment').click();
  await expect(cards(page)).toHaveCount(2);
  // The new segment's name takes focus once its tools are there: wait for
  // it, so that the text below goes to Segment 1's name, not into a race.
  await expect(inCard(page, 'segment-2', 'Segment name')).toBeFocused();
  await inCard(page, 'segment-1', 'Segment name').fill(' ');
  await expect(alertFor(page, 'Segment name')).toContainText('Segment name must be 1 to 60 characters');
  // New company touched nothing saved; Start from Xiaomi is the way back.
  expect(await storedEntries(page)).toEqual([]);
  await button(page, 'Start from Xiaomi').click();
  await expect(valuePerShare(page)).toHaveText('HK$55.49');
  await expect(page.getByRole('radiogroup', { name: 'Preset' })).toBeVisible();
});

test('a 12-segment file opens with its structure and a 13th segment is refused on the button', async ({ page }) => {
  await open(page);
  await page.getByLabel('Import scenario').setInputFiles(fixture('extreme-12-segments.json'));
  await expect(cards(page)).toHaveCount(12);
  await expectPerShare(valuePerShare(page), 37.5, 'US$');
  const add = page.getByRole('button', { name: 'Add segment' });
  await expect(add).toBeDisabled();
  await expect(add).toHaveText('Add segment (12 is the most)');
  // Remove one, and the 12th can be added again.
  await button(page, 'Remove Part 12').click();
  await expect(add).toBeEnabled();
  await add.click();
  await expect(cards(page)).toHaveCount(12);
  await expect(add).toBeDisabled();
});
