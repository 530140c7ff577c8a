// Names with markup show as text everywhere, and no dialog ever opens (the
// `test` of saved-helpers fails a test on any dialog, on every page watched).
import { type Page } from '@playwright/test';
import { PRESETS } from './expected';
import { valuePerShare, byTestId, field } from './helpers';
import {
  test, expect, open, saveAs, setName, nameInput, saveStatus, notice, refusal, savedItems, savedItem, savedNames,
  damagedItems, button, copyLink, seedStorage, watchDialogs, SCENARIO_PREFIX,
} from './saved-helpers';

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(1)</script>';

/** No element was made from the names: no <img src=x>, no script calling alert(1). */
async function noInjectedMarkup(page: Page) {
  expect(await page.locator('img').count()).toBe(0);
  expect(
    await page.evaluate(() => [...document.querySelectorAll('script')].some((s) => (s.textContent ?? '').includes('alert(1)'))),
  ).toBe(false);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
}

test('names with markup show as text in the save bar, the list, notices, undo and compare', async ({ page }) => {
  await open(page);
  await saveAs(page, IMG);
  await expect(nameInput(page)).toHaveValue(IMG);
  await expect(notice(page)).toHaveText(new RegExp(`Saved \u201C${escape(IMG)}\u201D\\.`));
  await expect(savedNames(page)).toHaveText([IMG]);

  await field(page, 'ev', 'EV deliveries').fill('800000');
  await setName(page, SCRIPT);
  await button(page, 'Save as new').click();
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect(savedNames(page)).toHaveText([SCRIPT, IMG]);
  await expect(notice(page)).toContainText(`Saved \u201C${SCRIPT}\u201D.`);

  await button(savedItem(page, IMG), 'Duplicate').click();
  await expect(notice(page)).toContainText(`Duplicated as \u201C${IMG} (copy)\u201D.`);
  await button(savedItem(page, `${IMG} (copy)`), 'Rename').click();
  await savedItems(page).getByLabel('New name', { exact: true }).fill(`${SCRIPT}!`);
  await button(savedItems(page), 'OK').click();
  await expect(savedNames(page)).toHaveText([`${SCRIPT}!`, SCRIPT, IMG]);
  await button(savedItem(page, `${SCRIPT}!`), 'Delete').click();
  await expect(page.getByTestId('undo')).toContainText(`Deleted \u201C${SCRIPT}!\u201D.`);

  // Compare: checkbox labels, column headers and weight labels.
  const compare = byTestId(page, 'compare');
  await compare.locator('summary').click();
  await compare.getByLabel('Bear preset', { exact: true }).uncheck();
  await compare.getByLabel('Bull preset', { exact: true }).uncheck();
  await compare.getByLabel(`On screen: ${SCRIPT}`, { exact: true }).check();
  await compare.getByLabel(IMG, { exact: true }).check();
  await expect(byTestId(page, 'compare-table').locator('thead th')).toHaveText(['Input', 'Base preset', `On screen: ${SCRIPT}`, IMG]);
  await expect(compare.getByLabel(`Weight for ${IMG}, %`, { exact: true })).toBeVisible();

  // A refusal that names the scenario: an empty rename.
  await button(savedItem(page, IMG), 'Rename').click();
  await savedItems(page).getByLabel('New name', { exact: true }).fill('');
  await button(savedItems(page), 'OK').click();
  await expect(refusal(page)).toContainText('Not renamed.');

  // After a reload the list and the open one are still text.
  await page.reload();
  await expect(nameInput(page)).toHaveValue(SCRIPT);
  await expect(savedNames(page)).toHaveText([SCRIPT, IMG]);
  await noInjectedMarkup(page);
});

test('a link and an imported file with markup names show them as text', async ({ page, browser, dialogs }) => {
  await open(page);
  await setName(page, IMG);
  const url = await copyLink(page);
  const context = await browser.newContext();
  const other = await context.newPage();
  watchDialogs(other, dialogs);
  await open(other, url);
  await expect(notice(other)).toContainText(`Opened \u201C${IMG}\u201D from a link.`);
  await expect(nameInput(other)).toHaveValue(IMG);
  await expect(valuePerShare(other)).toHaveText(PRESETS.Base.text);
  await noInjectedMarkup(other);
  await context.close();

  const file = JSON.parse(
    await (await import('node:fs/promises')).readFile(new URL('../fixtures/valid-generic.json', import.meta.url), 'utf8'),
  );
  file.name = SCRIPT;
  file.segments[0].name = IMG;
  await page.getByLabel('Import scenario').setInputFiles({
    name: `${IMG}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(notice(page)).toContainText(`Imported \u201C${SCRIPT}\u201D from ${IMG}.json.`);
  await expect(nameInput(page)).toHaveValue(SCRIPT);
  await expect(byTestId(page, `segment-${file.segments[0].id}`)).toContainText(IMG);
  await noInjectedMarkup(page);
});

test('a conflict and a damaged entry with markup show it as text', async ({ context, dialogs }) => {
  const a = await context.newPage();
  watchDialogs(a, dialogs);
  const damagedKey = `${SCENARIO_PREFIX}${IMG}`;
  await seedStorage(a, { [damagedKey]: SCRIPT });
  await open(a);
  await expect(damagedItems(a)).toHaveCount(1);
  await expect(damagedItems(a)).toContainText(damagedKey);
  await saveAs(a, IMG);

  const b = await context.newPage();
  watchDialogs(b, dialogs);
  await open(b);
  await savedItem(b, IMG).getByRole('button', { name: IMG }).click();
  await field(b, 'ev', 'EV deliveries').fill('700000');
  await button(b, 'Save').click();
  await expect(saveStatus(b)).toHaveText('Saved');

  await a.bringToFront();
  await field(a, 'ev', 'EV deliveries').fill('800000');
  await button(a, 'Save').click();
  await expect(a.getByTestId('conflict')).toContainText(`\u201C${IMG}\u201D was saved in another tab`);
  await noInjectedMarkup(a);
  await noInjectedMarkup(b);
});

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
