// Bad data never breaks the page: bad share links, damaged stored entries,
// local storage that is unavailable or full. In each case a message says
// what is wrong, the app opens what it had, and storage is not changed.
import { type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { PRESETS, BASE_EV_800K } from './expected';
import { valuePerShare, expectPerShare, field } from './helpers';
import {
  test, expect, open, copyLink, resealed, replaceBytes, saveAs, setName, nameInput, saveStatus, refusal, notice,
  savedItems, savedNames, savedItem, damagedItems, button, snapshot, storedEntries, seedStorage, storedFixture,
  storedFixtures, pickPreset, LAST_OPEN, SCENARIO_PREFIX,
} from './saved-helpers';

// schema2-edited (Base, EV 800,000, 5% holding discount) = HK$57.3021: see saved.spec.ts.
const EDITED = { name: 'Xiaomi \u2014 EV upside \u{1F697}, "800k"', text: 'HK$57.30', perShare: 57.30211212672811 };

/** The Base preset in the spec's file format (an existing fixture's shape, Base's figures). */
async function baseJson() {
  const entry = JSON.parse(storedFixture('schema2-base')[1]);
  return entry.scenario as Record<string, unknown>;
}

// ------------------------------------------------------------ bad links

/** A real share link of Bull, from the app's own "Copy link". */
async function bullLink(page: Page): Promise<string> {
  await open(page);
  await pickPreset(page, 'Bull');
  await expect(valuePerShare(page)).toHaveText(PRESETS.Bull.text);
  const url = await copyLink(page);
  await pickPreset(page, 'Base');
  return url;
}

const swapChar = (c: string) => (c === 'A' ? 'B' : 'A');

const badLinks: { name: string; make: (good: string) => string; says: RegExp }[] = [
  {
    name: 'truncated (cut 40 characters short)',
    make: (good) => good.slice(0, good.length - 40),
    says: /incomplete: it was probably cut off/,
  },
  {
    name: 'not base64url (a "!" in the middle)',
    make: (good) => {
      const at = good.indexOf('#s1.') + 4 + 100;
      return good.slice(0, at) + '!' + good.slice(at + 1);
    },
    // Character 104 of the fragment: "s1." is 1 to 3, then 100 characters before it.
    says: /cannot be part of a share link \(character 104\)/,
  },
  {
    name: 'corrupt (one character changed)',
    make: (good) => {
      const at = good.indexOf('#s1.') + 4 + 120;
      return good.slice(0, at) + swapChar(good[at]) + good.slice(at + 1);
    },
    says: /damaged: some of its characters were changed/,
  },
  {
    name: 'from a future version (tag s9)',
    make: (good) => good.replace('#s1.', '#s9.'),
    says: /made by a newer version of SOTP \(format s9\)/,
  },
  {
    name: 'too long (over 16 KB)',
    make: (good) => good + 'A'.repeat(17 * 1024),
    says: /too long to open \(\d{5} characters; a share link has at most 16384\)/,
  },
  {
    name: 'decoding to a scenario that breaks the spec (listing currency "hkd", valuation year before base year)',
    // Re-sealed with a correct CRC: only the rules can refuse it.
    make: (good) =>
      resealed(good, (body) =>
        replaceBytes(replaceBytes(body, [3, ...Buffer.from('HKD')], [3, ...Buffer.from('hkd')]), [0xd2, 0x1f, 0xd4, 0x1f], [0xd2, 0x1f, 0xd0, 0x1f]),
      ),
    says: /breaks the rules: Listing currency: must be a 3-letter ISO 4217 code in capitals.*; Valuation year: must not be before the base year/,
  },
];

for (const bad of badLinks) {
  test(`a link ${bad.name}: a banner says so, the app opens what it had, storage unchanged`, async ({ page, browser }) => {
    const url = bad.make(await bullLink(page));

    // A browser with a saved scenario open last.
    const context = await browser.newContext();
    const tab = await context.newPage();
    const seeded = { ...storedFixtures('schema2-edited', 'schema2-base'), [LAST_OPEN]: 'schema2-edited', 'other-app': 'keep' };
    await seedStorage(tab, seeded);
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(String(e)));
    await open(tab, url);
    const banner = refusal(tab);
    await expect(banner).toBeVisible();
    await expect(banner).toHaveAttribute('role', 'alert');
    await expect(banner).toContainText('This share link could not be opened; the page shows what it had.');
    await expect(banner).toContainText(bad.says);
    // What it had: the scenario open last, saved.
    await expect(nameInput(tab)).toHaveValue(EDITED.name);
    await expectPerShare(valuePerShare(tab), EDITED.perShare);
    await expect(saveStatus(tab)).toHaveText('Saved');
    await expect(savedItems(tab)).toHaveCount(2);
    expect(await snapshot(tab)).toEqual(seeded);
    // It keeps working: an edit revalues.
    await field(tab, 'ev', 'EV deliveries').fill('650000');
    // 1,319.66192bn x 0.95 / 26.04 x 1.095 = HK$52.7181
    await expectPerShare(valuePerShare(tab), 52.71806114746544);
    expect(await snapshot(tab)).toEqual(seeded);
    expect(errors).toEqual([]);
    await context.close();

    // A fresh browser: the Base preset, and nothing is written.
    const fresh = await browser.newContext();
    const first = await fresh.newPage();
    await open(first, url);
    await expect(refusal(first)).toContainText(bad.says);
    await expect(valuePerShare(first)).toHaveText(PRESETS.Base.text);
    await expect(saveStatus(first)).toHaveText('Not saved');
    expect(await snapshot(first)).toEqual({});
    await fresh.close();
  });
}

test('a bad link pasted into an open tab keeps the edits on screen', async ({ page }) => {
  const good = await bullLink(page);
  await field(page, 'ev', 'EV deliveries').fill('800000');
  await expect(valuePerShare(page)).toHaveText(BASE_EV_800K.text);
  await page.evaluate((hash) => { location.hash = hash; }, new URL(good.slice(0, good.length - 10)).hash);
  await expect(refusal(page)).toContainText(/incomplete/);
  await expect(valuePerShare(page)).toHaveText(BASE_EV_800K.text);
  // Still in focus: the plain text being edited.
  await expect(field(page, 'ev', 'EV deliveries')).toHaveValue('800000');
  expect(await snapshot(page)).toEqual({});
});

test('an unrelated fragment is not taken for a link', async ({ page }) => {
  await page.goto('./#section-2');
  await expect(valuePerShare(page)).toHaveText(PRESETS.Base.text);
  await expect(refusal(page)).toBeHidden();
  await expect(saveStatus(page)).toHaveText('Not saved');
});

// ------------------------------------------------------------ damaged stored entries

const DAMAGED = [
  'schema2-damaged-truncated',
  'schema2-damaged-rule',
  'schema2-damaged-missing-fields',
  'schema2-damaged-id-mismatch',
  'schema1-damaged-no-saved-at',
  'schema99-newer',
];

test('damaged stored entries are listed with Export raw text and Delete; the others load; nothing is deleted', async ({ page }) => {
  const seeded = {
    ...storedFixtures('schema2-base', 'schema1-bear', ...DAMAGED),
    [LAST_OPEN]: 'schema1-bear',
    'someone-else': 'not ours',
  };
  await seedStorage(page, seeded);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await open(page);
  // The good ones load, and the one open last reopens.
  await expect(savedNames(page)).toHaveText(['Xiaomi Base', 'My bear case']);
  await expect(nameInput(page)).toHaveValue('My bear case');
  await expect(valuePerShare(page)).toHaveText(PRESETS.Bear.text);
  await expect(saveStatus(page)).toHaveText('Saved');

  const damaged = damagedItems(page);
  await expect(damaged).toHaveCount(DAMAGED.length);
  for (const stem of DAMAGED) {
    const item = damaged.filter({ hasText: `${SCENARIO_PREFIX}${stem}` });
    await expect(item, stem).toHaveCount(1);
    await expect(button(item, 'Export raw text')).toBeVisible();
    await expect(button(item, 'Delete')).toBeVisible();
  }
  // Each says why.
  await expect(damaged.filter({ hasText: 'schema2-damaged-truncated' })).toContainText('not valid JSON');
  await expect(damaged.filter({ hasText: 'schema2-damaged-rule' })).toContainText(
    /Listing currency: must be a 3-letter ISO 4217 code.*; EV deliveries \(Smart EV\): must be 0 or more/,
  );
  await expect(damaged.filter({ hasText: 'schema2-damaged-missing-fields' })).toContainText('"revision" is missing');
  await expect(damaged.filter({ hasText: 'schema2-damaged-id-mismatch' })).toContainText('someone-else');
  await expect(damaged.filter({ hasText: 'schema1-damaged-no-saved-at' })).toContainText('"saved_at_ms" is missing');
  await expect(damaged.filter({ hasText: 'schema99-newer' })).toContainText('saved by a newer version of SOTP');
  expect(await snapshot(page)).toEqual(seeded);

  // Saving, reloading: still nothing deleted.
  await field(page, 'ev', 'EV deliveries').fill('800000');
  await button(page, 'Save').click();
  await expect(saveStatus(page)).toHaveText('Saved');
  await page.reload();
  await expect(damagedItems(page)).toHaveCount(DAMAGED.length);
  const afterReload = await snapshot(page);
  for (const stem of DAMAGED) expect(afterReload[`${SCENARIO_PREFIX}${stem}`]).toBe(seeded[`${SCENARIO_PREFIX}${stem}`]);
  expect(afterReload['someone-else']).toBe('not ours');

  // Export raw text downloads exactly what is stored.
  const truncated = damagedItems(page).filter({ hasText: 'schema2-damaged-truncated' });
  const [download] = await Promise.all([page.waitForEvent('download'), button(truncated, 'Export raw text').click()]);
  expect(download.suggestedFilename()).toMatch(/\.txt$/);
  expect(await readFile((await download.path())!, 'utf8')).toBe(storedFixture('schema2-damaged-truncated')[1]);
  await expect(damagedItems(page)).toHaveCount(DAMAGED.length);

  // Delete removes that key only, and only when clicked.
  await button(truncated, 'Delete').click();
  await expect(damagedItems(page)).toHaveCount(DAMAGED.length - 1);
  const afterDelete = await snapshot(page);
  expect(afterDelete[`${SCENARIO_PREFIX}schema2-damaged-truncated`]).toBeUndefined();
  expect(Object.keys(afterDelete).sort()).toEqual(
    Object.keys(afterReload).filter((k) => k !== `${SCENARIO_PREFIX}schema2-damaged-truncated`).sort(),
  );
  expect(errors).toEqual([]);
});

test('a damaged entry that was open last: the app starts on Base and lists it', async ({ page }) => {
  const seeded = { ...storedFixtures('schema2-damaged-rule', 'schema2-base'), [LAST_OPEN]: 'schema2-damaged-rule' };
  await seedStorage(page, seeded);
  await open(page);
  await expect(valuePerShare(page)).toHaveText(PRESETS.Base.text);
  await expect(saveStatus(page)).toHaveText('Not saved');
  await expect(damagedItems(page)).toHaveCount(1);
  await expect(savedNames(page)).toHaveText(['Xiaomi Base']);
  expect(await snapshot(page)).toEqual(seeded);
});

test('a save never overwrites a damaged entry, even if it was the one open', async ({ page }) => {
  // Opened as schema2-base, then another program damages it in storage.
  const seeded = { ...storedFixtures('schema2-base'), [LAST_OPEN]: 'schema2-base' };
  await seedStorage(page, seeded);
  await open(page);
  await expect(saveStatus(page)).toHaveText('Saved');
  const damagedText = storedFixture('schema2-damaged-truncated')[1];
  await page.evaluate((t) => localStorage.setItem('sotp.scenario.schema2-base', t), damagedText);
  await field(page, 'ev', 'EV deliveries').fill('800000');
  await button(page, 'Save').click();
  const conflict = page.getByTestId('conflict');
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('left as it is');
  expect((await snapshot(page))['sotp.scenario.schema2-base']).toBe(damagedText);
  await button(conflict, 'Save as new').click();
  await expect(saveStatus(page)).toHaveText('Saved');
  const after = await snapshot(page);
  expect(after['sotp.scenario.schema2-base']).toBe(damagedText);
  expect(Object.keys(after).filter((k) => k.startsWith(SCENARIO_PREFIX))).toHaveLength(2);
});

// ------------------------------------------------------------ storage unavailable, storage full

test('local storage unavailable (SecurityError): a clear message, the app works in memory', async ({ page }) => {
  await page.addInitScript(() => {
    const real = window.localStorage;
    (window as unknown as { __realStorage: Storage }).__realStorage = real;
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", 'SecurityError');
      },
    });
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await open(page);
  expect(await page.evaluate(() => { try { void localStorage; return 'reachable'; } catch (e) { return (e as DOMException).name; } })).toBe('SecurityError');
  await expect(valuePerShare(page)).toHaveText(PRESETS.Base.text);
  await expect(saveStatus(page)).toHaveText('Saving is off in this browser');
  const warning = page.getByTestId('storage-unavailable');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('does not let the page use local storage');
  await expect(warning).toContainText('export to a file or copy a link');
  // The saved list does not offer what cannot be done.
  await expect(savedItems(page)).toHaveCount(0);
  await expect(page.getByTestId('library')).not.toContainText('Save keeps the scenario');

  // Editing works in memory.
  await field(page, 'ev', 'EV deliveries').fill('800000');
  await expect(valuePerShare(page)).toHaveText(BASE_EV_800K.text);
  await expectPerShare(valuePerShare(page), BASE_EV_800K.perShare);

  // Save and Save as new say why they cannot, and the page stays.
  await setName(page, 'In memory');
  await button(page, 'Save').click();
  await expect(refusal(page)).toContainText('Not saved.');
  await expect(refusal(page)).toContainText('does not let the page use local storage');
  await button(page, 'Save as new').click();
  await expect(refusal(page)).toContainText('Not saved.');
  await expect(saveStatus(page)).toHaveText('Saving is off in this browser');
  await expect(savedItems(page)).toHaveCount(0);
  // Copy link still works, and so does an edit after the refusals.
  const url = await copyLink(page);
  expect(url).toMatch(/#s1\./);
  await field(page, 'ev', 'EV deliveries').fill('650000');
  await expect(valuePerShare(page)).toHaveText(PRESETS.Base.text);
  // A list of scenarios is imported into My scenarios: refused, and said why.
  await page.getByLabel('Import scenario').setInputFiles({
    name: 'list.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify([await baseJson(), await baseJson()])),
  });
  await expect(refusal(page)).toContainText('Import refused: a list of scenarios is saved into My scenarios.');
  await expect(refusal(page)).toContainText('does not let the page use local storage');
  expect(await page.evaluate(() => (window as unknown as { __realStorage: Storage }).__realStorage.length)).toBe(0);
  expect(errors).toEqual([]);
});

/** localStorage whose setItem throws QuotaExceededError, after `items` are stored. */
async function fullStorage(page: Page, items: Record<string, string>) {
  await page.addInitScript((items) => {
    const setItem = Storage.prototype.setItem;
    if (!sessionStorage.getItem('e2e-seeded')) {
      setItem.call(sessionStorage, 'e2e-seeded', '1');
      for (const [k, v] of Object.entries(items)) setItem.call(localStorage, k, v);
    }
    Storage.prototype.setItem = function () {
      throw new DOMException("Failed to execute 'setItem' on 'Storage': Setting the value exceeded the quota.", 'QuotaExceededError');
    };
  }, items);
}

test('local storage full (QuotaExceededError): a clear message, nothing half-written, the app keeps working', async ({ page }) => {
  const seeded = { ...storedFixtures('schema2-base', 'schema1-bear'), [LAST_OPEN]: 'schema2-base' };
  await fullStorage(page, seeded);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await open(page);
  await expect(nameInput(page)).toHaveValue('Xiaomi Base');
  await expect(saveStatus(page)).toHaveText('Saved');
  const before = await snapshot(page);
  expect(before).toEqual(seeded);

  await field(page, 'ev', 'EV deliveries').fill('800000');
  await expect(valuePerShare(page)).toHaveText(BASE_EV_800K.text);
  await button(page, 'Save').click();
  const banner = refusal(page);
  await expect(banner).toContainText('Not saved.');
  await expect(banner).toContainText('Local storage is full, so nothing was saved (what was saved before is unchanged)');
  expect(await snapshot(page)).toEqual(before);
  await expect(saveStatus(page)).toHaveText('Unsaved changes');
  await expect(savedItem(page, 'Xiaomi Base').getByTestId('saved-value')).toHaveText(PRESETS.Base.text);

  // Save as new, duplicate and rename fail the same way, and write nothing.
  await button(page, 'Save as new').click();
  await expect(banner).toContainText('Local storage is full');
  await button(savedItem(page, 'My bear case'), 'Duplicate').click();
  await expect(banner).toContainText('Local storage is full');
  await button(savedItem(page, 'My bear case'), 'Rename').click();
  await savedItems(page).getByLabel('New name', { exact: true }).fill('Bear, renamed');
  await button(savedItems(page), 'OK').click();
  await expect(banner).toContainText('Local storage is full');
  await expect(savedNames(page)).toHaveText(['Xiaomi Base', 'My bear case']);
  expect(await snapshot(page)).toEqual(before);

  // The app keeps working in memory.
  await field(page, 'ev', 'EV deliveries').fill('650000');
  await expect(valuePerShare(page)).toHaveText(PRESETS.Base.text);
  await field(page, 'ev', 'EV deliveries').fill('800000');
  await expect(valuePerShare(page)).toHaveText(BASE_EV_800K.text);
  await expect(saveStatus(page)).toHaveText('Unsaved changes');
  // An imported list: nothing saved, and it says how far it got.
  await page.getByLabel('Import scenario').setInputFiles({
    name: 'list.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify([await baseJson(), await baseJson()])),
  });
  await expect(banner).toContainText('Local storage is full');
  await expect(banner).toContainText('0 of 2 scenarios from list.json were saved before this.');
  expect(await snapshot(page)).toEqual(before);
  expect(errors).toEqual([]);
});

test('an import that fills storage part-way keeps whole entries only and says how far it got', async ({ page }) => {
  // setItem succeeds `__room` more times, then storage is full.
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k: string, v: string) {
      const w = window as unknown as { __room?: number };
      if (w.__room !== undefined && w.__room-- <= 0) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return setItem.call(this, k, v);
    };
  });
  await open(page);
  await page.evaluate(() => { (window as unknown as { __room?: number }).__room = 2; });
  const list = [1, 2, 3].map(async (n) => ({ ...(await baseJson()), name: `Imported ${n}` }));
  await page.getByLabel('Import scenario').setInputFiles({
    name: 'three.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(await Promise.all(list))),
  });
  await expect(refusal(page)).toContainText('Local storage is full');
  await expect(refusal(page)).toContainText('2 of 3 scenarios from three.json were saved before this.');
  await expect(savedItems(page)).toHaveCount(2);
  const entries = await storedEntries(page);
  expect(entries.map((e) => e.entry.scenario.name).sort()).toEqual(['Imported 1', 'Imported 2']);
  // Each stored entry is whole: it reads back after a reload.
  await page.evaluate(() => { delete (window as unknown as { __room?: number }).__room; });
  await page.reload();
  await expect(savedItems(page)).toHaveCount(2);
  await expect(damagedItems(page)).toHaveCount(0);
  await expect(savedItems(page).getByTestId('saved-value')).toHaveText([PRESETS.Base.text, PRESETS.Base.text]);
});

test('storage full, then freed: the next save works', async ({ page }) => {
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k: string, v: string) {
      if ((window as unknown as { __full?: boolean }).__full) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return setItem.call(this, k, v);
    };
  });
  await open(page);
  await saveAs(page, 'Roomy');
  const before = await snapshot(page);
  await page.evaluate(() => { (window as unknown as { __full?: boolean }).__full = true; });
  await field(page, 'ev', 'EV deliveries').fill('800000');
  await button(page, 'Save').click();
  await expect(refusal(page)).toContainText('Local storage is full');
  expect(await snapshot(page)).toEqual(before);
  await page.evaluate(() => { (window as unknown as { __full?: boolean }).__full = false; });
  await button(page, 'Save').click();
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect(notice(page)).toContainText('Saved \u201CRoomy\u201D.');
  const entries = await storedEntries(page);
  expect(entries).toHaveLength(1);
  expect(entries[0].entry.revision).toBe(2);
  await expect(savedItem(page, 'Roomy').getByTestId('saved-value')).toHaveText(BASE_EV_800K.text);
});
