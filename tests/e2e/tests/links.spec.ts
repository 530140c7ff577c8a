// Share links: "Copy link" puts the whole scenario in the fragment; a link
// opens as an unsaved copy in a fresh browser, to the cent, never over a
// saved scenario; the address follows later edits without adding history.
import { PRESETS, BASE_EV_800K } from './expected';
import { valuePerShare, upside, expectPerShare, field, panel, byTestId } from './helpers';
import {
  test, expect, open, copyLink, fragmentOf, saveAs, nameInput, saveStatus, notice, savedItems, savedNames,
  savedItem, button, snapshot, pickPreset, storedEntries, seedStorage, storedFixtures, watchDialogs, LAST_OPEN,
} from './saved-helpers';

// Base with EV deliveries 700,000: ev 178.5bn x 3.0 = 535.5bn; sum 1,357.91192bn
// / 26.04 x 1.095 = HK$57.1011 a share, +41.5%.
const BASE_EV_700K = { text: 'HK$57.10', perShare: 57.10113488479263, upside: '+41.5%' };

const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT || 8765}`;

test('Copy link offers a URL with the whole scenario in the fragment', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
  await open(page);
  const url = await copyLink(page);
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/(.*\/)?#s1\.[A-Za-z0-9_-]+$/);
  // Base's fragment is 305 characters (crates/core/src/link/v1.rs); the page address is before it.
  expect(fragmentOf(url)).toHaveLength(305);
  await expect(notice(page)).toContainText(`(${url.length} characters)`);
  // With clipboard permission the link is on the clipboard too.
  await expect(notice(page)).toContainText('copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  // Copying does not save and does not touch storage.
  expect(await snapshot(page)).toEqual({});
  await expect(saveStatus(page)).toHaveText('Not saved');
});

test('a link opened in a fresh browser shows the same value per share to the cent', async ({ page, browser, dialogs }) => {
  await open(page);
  await field(page, 'ev', 'EV deliveries').fill('800000');
  await panel(page, 'group').getByLabel('Holding discount, %', { exact: true }).fill('5');
  // Hand-computed: 1,434.41192bn x 0.95 / 26.04 x 1.095 = HK$57.3021, +42.0%.
  await expect(valuePerShare(page)).toHaveText('HK$57.30');
  await expect(upside(page)).toHaveText('+42.0%');
  const url = await copyLink(page);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  watchDialogs(other, dialogs);
  await open(other, url);
  await expect(valuePerShare(other)).toHaveText('HK$57.30');
  await expectPerShare(valuePerShare(other), 57.30211212672811);
  await expect(upside(other)).toHaveText('+42.0%');
  for (const id of ['smartphones', 'iot', 'internet', 'ev']) {
    await expect(byTestId(other, `segment-${id}-per-share`)).toHaveText(
      (await byTestId(page, `segment-${id}-per-share`).textContent())!,
    );
  }
  await expect(field(other, 'ev', 'EV deliveries')).toHaveValue('800,000');
  await expect(panel(other, 'group').getByLabel('Holding discount, %', { exact: true })).toHaveValue('5');
  await expect(saveStatus(other)).toHaveText('Opened from a link: not saved');
  await expect(notice(other)).toContainText('Opened \u201CXiaomi Base\u201D from a link. It is not saved yet');
  // Opening a link writes nothing.
  expect(await snapshot(other)).toEqual({});
  await fresh.close();
});

for (const preset of ['Bear', 'Base', 'Bull'] as const) {
  test(`the ${preset} preset's link opens to the same value`, async ({ page, browser }) => {
    await open(page);
    await pickPreset(page, preset);
    await expect(valuePerShare(page)).toHaveText(PRESETS[preset].text);
    const url = await copyLink(page);
    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await open(other, url);
    await expectPerShare(valuePerShare(other), PRESETS[preset].perShare);
    await expect(upside(other)).toHaveText(PRESETS[preset].upside);
    await expect(nameInput(other)).toHaveValue(`Xiaomi ${preset}`);
    await fresh.close();
  });
}

test('a link never overwrites a saved scenario: it opens as an unsaved copy', async ({ page, browser }) => {
  // A link of Base with 800,000 EVs, also called "Xiaomi Base".
  await open(page);
  await field(page, 'ev', 'EV deliveries').fill('800000');
  const url = await copyLink(page);

  const context = await browser.newContext();
  const tab = await context.newPage();
  const seeded = { ...storedFixtures('schema2-base'), [LAST_OPEN]: 'schema2-base' };
  await seedStorage(tab, seeded);
  await open(tab, url);
  await expect(valuePerShare(tab)).toHaveText(BASE_EV_800K.text);
  await expect(saveStatus(tab)).toHaveText('Opened from a link: not saved');
  await expect(nameInput(tab)).toHaveValue('Xiaomi Base');
  // The saved "Xiaomi Base" is listed unchanged, and storage is as it was.
  await expect(savedItem(tab, 'Xiaomi Base').getByTestId('saved-value')).toHaveText(PRESETS.Base.text);
  expect(await snapshot(tab)).toEqual(seeded);

  // Save keeps it as a new entry beside the saved one.
  await button(tab, 'Save').click();
  await expect(saveStatus(tab)).toHaveText('Saved');
  await expect(nameInput(tab)).toHaveValue('Xiaomi Base (copy)');
  await expect(savedNames(tab)).toHaveText(['Xiaomi Base (copy)', 'Xiaomi Base']);
  const after = await snapshot(tab);
  expect(after['sotp.scenario.schema2-base']).toBe(seeded['sotp.scenario.schema2-base']);
  // Saved, the page no longer needs the link in its address.
  expect(new URL(tab.url()).hash).toBe('');
  await context.close();
});

test('the address follows edits of a link copy with replaceState: no history entry per keystroke', async ({ page, browser }) => {
  await open(page);
  const url = await copyLink(page);

  const context = await browser.newContext();
  const tab = await context.newPage();
  await open(tab, url);
  const length0 = await tab.evaluate(() => history.length);
  const deliveries = field(tab, 'ev', 'EV deliveries');
  await deliveries.fill('');
  await deliveries.pressSequentially('700000');
  await expect(valuePerShare(tab)).toHaveText(BASE_EV_700K.text);
  await expect.poll(() => tab.url()).not.toBe(url);
  expect(await tab.evaluate(() => history.length)).toBe(length0);
  const followed = tab.url();
  expect(fragmentOf(followed)).toMatch(/^s1\./);
  // A field with text that is not a value keeps the last valid scenario in the address.
  await deliveries.fill('70000x');
  await expect(tab.getByRole('alert').filter({ hasText: 'EV deliveries' })).toBeVisible();
  expect(tab.url()).toBe(followed);
  expect(await tab.evaluate(() => history.length)).toBe(length0);
  await expect(saveStatus(tab)).toHaveText('Opened from a link: not saved');

  // The followed address is a link to the edited scenario.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await open(other, followed);
  await expectPerShare(valuePerShare(other), BASE_EV_700K.perShare);
  await expect(upside(other)).toHaveText(BASE_EV_700K.upside);
  await expect(field(other, 'ev', 'EV deliveries')).toHaveValue('700,000');
  await fresh.close();
  await context.close();
});

test('a saved scenario does not put a link in the address while it is edited', async ({ page }) => {
  await open(page);
  await saveAs(page, 'Plain');
  const length0 = await page.evaluate(() => history.length);
  await field(page, 'ev', 'EV deliveries').fill('800000');
  await expect(valuePerShare(page)).toHaveText(BASE_EV_800K.text);
  expect(new URL(page.url()).hash).toBe('');
  expect(await page.evaluate(() => history.length)).toBe(length0);
  expect((await storedEntries(page))).toHaveLength(1);
});

test('a link pasted into the address bar of an open tab opens there', async ({ page }) => {
  await open(page);
  await pickPreset(page, 'Bull');
  const bull = await copyLink(page);
  await pickPreset(page, 'Bear');
  await expect(valuePerShare(page)).toHaveText(PRESETS.Bear.text);
  await page.evaluate((hash) => { location.hash = hash; }, new URL(bull).hash);
  await expect(valuePerShare(page)).toHaveText(PRESETS.Bull.text);
  await expect(saveStatus(page)).toHaveText('Opened from a link: not saved');
  expect(await snapshot(page)).toEqual({});
  await expect(savedItems(page)).toHaveCount(0);
});

test('link lengths of the presets and of an edited Base', async ({ page }, info) => {
  await open(page);
  const lengths: Record<string, number> = {};
  for (const preset of ['Bear', 'Base', 'Bull'] as const) {
    await pickPreset(page, preset);
    await expect(valuePerShare(page)).toHaveText(PRESETS[preset].text);
    lengths[preset] = (await copyLink(page)).length;
  }
  await pickPreset(page, 'Base');
  await field(page, 'ev', 'EV deliveries').fill('800000');
  await expect(valuePerShare(page)).toHaveText(BASE_EV_800K.text);
  lengths['Base, EV deliveries 800000'] = (await copyLink(page)).length;
  info.annotations.push({ type: 'link lengths', description: JSON.stringify(lengths) });
  console.log(`share link lengths (full URL): ${JSON.stringify(lengths)}`);
  // Base's fragment is 305 characters after "<page>#".
  expect(lengths.Base).toBe(new URL('./', page.url()).href.length + 1 + 305);
  for (const n of Object.values(lengths)) expect(n).toBeLessThan(600);
});
