// Export all saved scenarios as a JSON list and import such a list back into
// "My scenarios"; the bridge as CSV.
import { readFile } from 'node:fs/promises';
import { type Download } from '@playwright/test';
import { PRESETS, BASE_EV_800K } from './expected';
import { valuePerShare, field } from './helpers';
import {
  test, expect, open, saveAs, setName, saveStatus, notice, refusal, savedItems, savedNames, savedItem, button,
  snapshot, storedEntries, watchDialogs,
} from './saved-helpers';

const text = async (d: Download) => readFile((await d.path())!, 'utf8');

test('Export all downloads every saved scenario as a list, newest first; it imports back as saved entries', async ({ page, browser, dialogs }) => {
  await open(page);
  await saveAs(page, 'First');
  await field(page, 'ev', 'EV deliveries').fill('800000');
  await setName(page, 'Second');
  await button(page, 'Save as new').click();
  await expect(savedNames(page)).toHaveText(['Second', 'First']);

  const [download] = await Promise.all([page.waitForEvent('download'), button(page, 'Export all').click()]);
  expect(download.suggestedFilename()).toBe('sotp-scenarios.json');
  await expect(notice(page)).toContainText('Exported 2 saved scenarios as sotp-scenarios.json.');
  const json = JSON.parse(await text(download));
  expect(Array.isArray(json)).toBe(true);
  expect(json.map((s: { name: string }) => s.name)).toEqual(['Second', 'First']);
  for (const s of json) {
    expect(s).toMatchObject({ format: 'sotp-scenario', version: 1, price: '40.34', shares_bn: '26.04' });
  }
  expect(json[0].segments.find((s: { id: string }) => s.id === 'ev').driver.units).toBe('800000');
  expect(json[1].segments.find((s: { id: string }) => s.id === 'ev').driver.units).toBe('650000');

  // Another browser imports the list: each becomes a saved scenario.
  const context = await browser.newContext();
  const other = await context.newPage();
  watchDialogs(other, dialogs);
  await open(other);
  await other.getByLabel('Import scenario').setInputFiles({
    name: 'sotp-scenarios.json', mimeType: 'application/json', buffer: Buffer.from(await text(download)),
  });
  await expect(notice(other)).toContainText('Imported 2 scenarios from sotp-scenarios.json into My scenarios.');
  await expect(savedItems(other)).toHaveCount(2);
  await expect(savedItem(other, 'Second').getByTestId('saved-value')).toHaveText(BASE_EV_800K.text);
  await expect(savedItem(other, 'First').getByTestId('saved-value')).toHaveText(PRESETS.Base.text);
  const entries = await storedEntries(other);
  expect(entries.map((e) => e.entry.scenario.name).sort()).toEqual(['First', 'Second']);
  // The editor is left alone.
  await expect(valuePerShare(other)).toHaveText(PRESETS.Base.text);
  await expect(saveStatus(other)).toHaveText('Not saved');

  // Importing the same list again adds copies, never overwrites.
  await other.getByLabel('Import scenario').setInputFiles({
    name: 'again.json', mimeType: 'application/json', buffer: Buffer.from(await text(download)),
  });
  await expect(savedItems(other)).toHaveCount(4);
  expect((await storedEntries(other)).map((e) => e.entry.scenario.name).sort()).toEqual([
    'First', 'First (copy)', 'Second', 'Second (copy)',
  ]);
  await context.close();
});

test('Export all with nothing saved says so and downloads nothing', async ({ page }) => {
  await open(page);
  let downloads = 0;
  page.on('download', () => downloads++);
  await button(page, 'Export all').click();
  await expect(notice(page)).toHaveText(/There are no saved scenarios to export yet\./);
  expect(downloads).toBe(0);
});

test('a list with one bad scenario is refused whole, and nothing is saved', async ({ page }) => {
  await open(page);
  await saveAs(page, 'Existing');
  const before = await snapshot(page);
  const good = {
    ...JSON.parse(await readFile(new URL('../fixtures/valid-generic.json', import.meta.url), 'utf8')),
  };
  const bad = { ...good, name: 'Bad one', shares_bn: '-1' };
  await page.getByLabel('Import scenario').setInputFiles({
    name: 'list.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify([good, bad])),
  });
  await expect(refusal(page)).toContainText('Import refused: list.json does not follow the scenario format.');
  // The field named as the page names it (issue 27: one style).
  await expect(refusal(page)).toContainText('Scenario 2: Shares, bn: must be more than 0');
  expect(await snapshot(page)).toEqual(before);
  await expect(savedNames(page)).toHaveText(['Existing']);
});

test('Bridge as CSV downloads the bridge with the hand-computed lines', async ({ page }) => {
  await open(page);
  const [download] = await Promise.all([page.waitForEvent('download'), button(page, 'Bridge as CSV').click()]);
  expect(download.suggestedFilename()).toBe('xiaomi-base-bridge.csv');
  const csv = await text(download);
  const lines = csv.split('\r\n');
  expect(lines.at(-1)).toBe('');
  // Hand-computed (Python decimal), 4 decimals half away from zero:
  //   per share = value_bn / 26.04 x 1.095; share = per share / 55.4927 x 100
  expect(lines.slice(0, 5)).toEqual([
    'line,revenue_rmb_bn,profit_rmb_bn,metric_rmb_bn,multiple,value_rmb_bn,per_share_hkd,share_pct,input',
    'Smartphones,175.967,7.0387,7.0387,22,154.851,6.5116,11.7341,',
    'IoT & lifestyle,138.24,11.0592,11.0592,22,243.3024,10.231,18.4367,',
    'Internet services,40.176,19.2845,19.2845,22,424.2586,17.8404,32.149,',
    'Smart EV,165.75,8.2875,165.75,3,497.25,20.9097,37.6801,',
  ]);
  expect(lines.slice(5, 11).map((l) => l.split(',')[0])).toEqual([
    'Holding discount', 'Net cash', '"Investments', 'Other adjustments', 'Buybacks: cash spent', 'Buybacks: shares retired',
  ]);
  expect(lines[11]).toBe('Value per share,,,,,1319.6619,55.4927,100,');
  // Then the inputs, exactly as entered, and each segment's method.
  expect(lines[12]).toBe('"Price, HK$",,,,,,,,40.34');
  expect(lines).toContain('EV deliveries (Smart EV),,,,,,,,650000');
  expect(lines).toContain('Method (Smart EV),,,,,,,,EV/Sales');
  // The line names are English: the file says so in its last record.
  expect(lines[lines.length - 2]).toBe('language,,,,,,,,en');
  // 11 group inputs, 5 + 4 + 4 + 4 segment inputs, 4 methods, the
  // language, the final line end.
  expect(lines).toHaveLength(12 + 11 + 17 + 4 + 1 + 1);
});
