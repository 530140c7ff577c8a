// Saved scenarios in local storage: save, reload, save as new, rename,
// duplicate, delete with undo, the list by last change, schema-1 entries.
// Values are hand-computed (see expected.ts and the comments below).
import { PRESETS, BASE_EV_800K } from './expected';
import { valuePerShare, expectPerShare, field } from './helpers';
import {
  test, expect, open, saveAs, setName, nameInput, saveStatus, notice, refusal, library, savedItems, savedItem,
  savedNames, button, snapshot, pickPreset, copyLink, storedEntries, seedStorage, storedFixtures, LAST_OPEN, SCENARIO_PREFIX,
} from './saved-helpers';

// tests/fixtures/storage, valued by hand (Python decimal, 50 digits):
//   schema2-edited  Base with EV 800,000 and a 5% holding discount:
//                   1,434.41192bn x 0.95 / 26.04 x 1.095 = HK$57.3021
//   schema2-base    Base: HK$55.4927
//   schema1-numbers n = 2; hardware 300.5 x 6% x 12 = 216.36; services
//                   40 x 0.975^2 x 30% x 18.5 = 211.03875; less 10% holding
//                   = 384.658875; -12.5 net cash; +62.1 x 0.7 = 43.47;
//                   -2.3 / 1.095 buybacks = 413.5284bn over 26.04 - 2.3 / 40.34
//                   = 25.98298bn shares, x 1.095 = HK$17.4273
//   schema1-bear    Bear renamed: HK$27.3059
const EDITED = { name: 'Xiaomi \u2014 EV upside \u{1F697}, "800k"', text: 'HK$57.30', perShare: 57.30211212672811 };
const NUMBERS = { name: 'Two parts, numbers', text: 'HK$17.43', perShare: 17.42731347310404 };

test('save, reload: the scenario is back, open and saved', async ({ page }) => {
  await open(page);
  await expect(saveStatus(page)).toHaveText('Not saved');
  await expect(library(page)).toContainText('Nothing saved yet');
  await field(page, 'ev', 'EV deliveries').fill('800000');
  await expect(valuePerShare(page)).toHaveText(BASE_EV_800K.text);
  const before = Date.now();
  await saveAs(page, 'My EV case');
  await expect(notice(page)).toHaveText(/Saved \u201CMy EV case\u201D\./);
  await expect(savedItems(page)).toHaveCount(1);
  await expect(savedItem(page, 'My EV case').getByTestId('saved-value')).toHaveText(BASE_EV_800K.text);

  const entries = await storedEntries(page);
  expect(entries).toHaveLength(1);
  const [{ id, entry }] = entries;
  expect(id).toMatch(/^[a-z0-9-]{1,40}$/);
  expect(entry).toMatchObject({ schema: 2, id, revision: 1 });
  expect(entry.saved_at_ms).toBeGreaterThanOrEqual(before - 1000);
  expect(entry.saved_at_ms).toBeLessThanOrEqual(Date.now() + 1000);
  expect(entry.scenario).toMatchObject({ format: 'sotp-scenario', version: 1, name: 'My EV case', price: '40.34' });
  const ev = entry.scenario.segments.find((s: { id: string }) => s.id === 'ev');
  expect(ev.driver).toEqual({ kind: 'units', units: '800000', asp: '255000' });
  expect((await snapshot(page))[LAST_OPEN]).toBe(id);

  await page.reload();
  await expect(valuePerShare(page)).toHaveText(BASE_EV_800K.text);
  await expectPerShare(valuePerShare(page), BASE_EV_800K.perShare);
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect(nameInput(page)).toHaveValue('My EV case');
  await expect(field(page, 'ev', 'EV deliveries')).toHaveValue('800,000');
  await expect(savedItems(page)).toHaveCount(1);
});

test('unsaved edits are marked; Save writes the next revision over the same entry', async ({ page }) => {
  await open(page);
  await saveAs(page, 'Plan A');
  const deliveries = field(page, 'ev', 'EV deliveries');
  await deliveries.fill('800000');
  await expect(saveStatus(page)).toHaveText('Unsaved changes');
  await expect(saveStatus(page)).toHaveClass(/dirty/);
  // Back to what is saved: nothing unsaved any more.
  await deliveries.fill('650000');
  await expect(saveStatus(page)).toHaveText('Saved');
  await deliveries.fill('800000');
  await expect(saveStatus(page)).toHaveText('Unsaved changes');
  // A name change is an unsaved edit too.
  await setName(page, 'Plan A, more EVs');
  await button(page, 'Save').click();
  await expect(saveStatus(page)).toHaveText('Saved');
  const entries = await storedEntries(page);
  expect(entries).toHaveLength(1);
  expect(entries[0].entry.revision).toBe(2);
  expect(entries[0].entry.scenario.name).toBe('Plan A, more EVs');
  await expect(savedItem(page, 'Plan A, more EVs').getByTestId('saved-value')).toHaveText(BASE_EV_800K.text);
  await page.reload();
  await expect(valuePerShare(page)).toHaveText(BASE_EV_800K.text);
  await expect(nameInput(page)).toHaveValue('Plan A, more EVs');
  await expect(saveStatus(page)).toHaveText('Saved');
});

test('Save as new keeps the first entry and opens the new one', async ({ page }) => {
  await open(page);
  await saveAs(page, 'Plan A');
  await field(page, 'ev', 'EV deliveries').fill('800000');
  await button(page, 'Save as new').click();
  // Same name: the new entry is called a copy, never a second "Plan A".
  await expect(nameInput(page)).toHaveValue('Plan A (copy)');
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect(savedNames(page)).toHaveText(['Plan A (copy)', 'Plan A']);
  await expect(savedItem(page, 'Plan A').getByTestId('saved-value')).toHaveText(PRESETS.Base.text);
  await expect(savedItem(page, 'Plan A (copy)').getByTestId('saved-value')).toHaveText(BASE_EV_800K.text);

  // A new name is kept as typed.
  await setName(page, 'Plan B');
  await button(page, 'Save as new').click();
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect(savedNames(page)).toHaveText(['Plan B', 'Plan A (copy)', 'Plan A']);
  const entries = await storedEntries(page);
  expect(entries.map((e) => e.entry.scenario.name).sort()).toEqual(['Plan A', 'Plan A (copy)', 'Plan B']);
  expect(entries.every((e) => e.entry.revision === 1)).toBe(true);
  expect(new Set(entries.map((e) => e.id)).size).toBe(3);
});

test('rename changes the stored name, the list and the open scenario; an empty name is refused', async ({ page }) => {
  await open(page);
  await saveAs(page, 'Plan A');
  const item = savedItem(page, 'Plan A');
  await button(item, 'Rename').click();
  const input = savedItems(page).getByLabel('New name', { exact: true });
  await expect(input).toHaveValue('Plan A');
  await input.fill('Long-term plan');
  await button(savedItems(page), 'OK').click();
  await expect(savedNames(page)).toHaveText(['Long-term plan']);
  await expect(nameInput(page)).toHaveValue('Long-term plan');
  await expect(saveStatus(page)).toHaveText('Saved');
  let entries = await storedEntries(page);
  expect(entries[0].entry).toMatchObject({ revision: 2, scenario: { name: 'Long-term plan' } });

  // An empty name breaks the spec's rule (1 to 80 characters): refused, nothing written.
  const before = await snapshot(page);
  await button(savedItem(page, 'Long-term plan'), 'Rename').click();
  await savedItems(page).getByLabel('New name', { exact: true }).fill('   ');
  await savedItems(page).getByLabel('New name', { exact: true }).press('Enter');
  await expect(refusal(page)).toContainText('Not renamed.');
  await expect(refusal(page)).toContainText(/Name: .*1 to 80 characters/);
  expect(await snapshot(page)).toEqual(before);
  await expect(savedNames(page)).toHaveText(['Long-term plan']);
  entries = await storedEntries(page);
  expect(entries[0].entry.scenario.name).toBe('Long-term plan');
});

test('duplicate makes a copy on top of the list, with its own id', async ({ page }) => {
  await open(page);
  await field(page, 'ev', 'EV deliveries').fill('800000');
  await saveAs(page, 'Plan A');
  await button(savedItem(page, 'Plan A'), 'Duplicate').click();
  await expect(notice(page)).toHaveText(/Duplicated as \u201CPlan A \(copy\)\u201D\./);
  await expect(savedNames(page)).toHaveText(['Plan A (copy)', 'Plan A']);
  await button(savedItem(page, 'Plan A'), 'Duplicate').click();
  await expect(savedNames(page)).toHaveText(['Plan A (copy 2)', 'Plan A (copy)', 'Plan A']);
  for (const name of ['Plan A', 'Plan A (copy)', 'Plan A (copy 2)']) {
    await expect(savedItem(page, name).getByTestId('saved-value')).toHaveText(BASE_EV_800K.text);
  }
  const entries = await storedEntries(page);
  expect(entries).toHaveLength(3);
  expect(new Set(entries.map((e) => e.id)).size).toBe(3);
  // The editor stays on the original.
  await expect(nameInput(page)).toHaveValue('Plan A');
  await expect(saveStatus(page)).toHaveText('Saved');
});

test('delete removes the entry, and Undo puts back exactly what was stored', async ({ page }) => {
  await open(page);
  await saveAs(page, 'Keep me');
  await field(page, 'ev', 'EV deliveries').fill('800000');
  await setName(page, 'Delete me');
  await button(page, 'Save as new').click();
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect(savedNames(page)).toHaveText(['Delete me', 'Keep me']);
  const before = await snapshot(page);
  const key = Object.keys(before).find((k) => k.startsWith(SCENARIO_PREFIX) && before[k].includes('Delete me'))!;

  await button(savedItem(page, 'Delete me'), 'Delete').click();
  await expect(savedNames(page)).toHaveText(['Keep me']);
  const undo = page.getByTestId('undo');
  await expect(undo).toContainText('Deleted \u201CDelete me\u201D.');
  const afterDelete = await snapshot(page);
  expect(afterDelete[key]).toBeUndefined();
  expect(Object.keys(afterDelete).filter((k) => k.startsWith(SCENARIO_PREFIX))).toHaveLength(1);
  // The editor keeps what was on screen, now not saved.
  await expect(valuePerShare(page)).toHaveText(BASE_EV_800K.text);
  await expect(saveStatus(page)).toHaveText('Not saved');

  await button(undo, 'Undo').click();
  await expect(undo).toBeHidden();
  await expect(savedNames(page)).toHaveText(['Delete me', 'Keep me']);
  const restored = await snapshot(page);
  expect(restored[key]).toBe(before[key]);
  await expect(savedItem(page, 'Delete me').getByTestId('saved-value')).toHaveText(BASE_EV_800K.text);

  // Deleted for good survives a reload; the other entry is untouched.
  await button(savedItem(page, 'Delete me'), 'Delete').click();
  await page.reload();
  await expect(savedNames(page)).toHaveText(['Keep me']);
  expect((await snapshot(page))[key]).toBeUndefined();
});

test('the list is sorted by last change, each with its value per share', async ({ page }) => {
  const seeded = storedFixtures('schema1-bear', 'schema1-numbers', 'schema2-base', 'schema2-edited');
  await seedStorage(page, seeded);
  await open(page);
  // saved_at_ms: edited 1764100000000 > base 1764054000000 > numbers 1764000000000 > bear 1763900000000
  await expect(savedNames(page)).toHaveText([EDITED.name, 'Xiaomi Base', NUMBERS.name, 'My bear case']);
  await expect(savedItems(page).getByTestId('saved-value')).toHaveText([
    EDITED.text, PRESETS.Base.text, NUMBERS.text, PRESETS.Bear.text,
  ]);
  await expect(library(page)).toContainText('4 saved');
  // Nothing was open last: the Base preset, and reading wrote nothing.
  await expect(valuePerShare(page)).toHaveText(PRESETS.Base.text);
  expect(await snapshot(page)).toEqual(seeded);

  // Opening the oldest and saving a change moves it to the top.
  await savedItem(page, 'My bear case').getByRole('button', { name: 'My bear case' }).click();
  await expect(valuePerShare(page)).toHaveText(PRESETS.Bear.text);
  await expect(saveStatus(page)).toHaveText('Saved');
  await field(page, 'ev', 'EV deliveries').fill('800000');
  await button(page, 'Save').click();
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect(savedNames(page)).toHaveText(['My bear case', EDITED.name, 'Xiaomi Base', NUMBERS.name]);
});

test('schema-1 entries open and migrate to schema 2 only when saved', async ({ page }) => {
  const seeded = { ...storedFixtures('schema1-bear', 'schema1-numbers'), [LAST_OPEN]: 'schema1-numbers' };
  await seedStorage(page, seeded);
  await open(page);
  // The scenario open last reopens, read from the older layout (plain JSON numbers).
  await expect(nameInput(page)).toHaveValue(NUMBERS.name);
  await expectPerShare(valuePerShare(page), NUMBERS.perShare);
  await expect(valuePerShare(page)).toHaveText(NUMBERS.text);
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect(savedItem(page, 'My bear case').getByTestId('saved-value')).toHaveText(PRESETS.Bear.text);
  // Reading never writes.
  expect(await snapshot(page)).toEqual(seeded);

  await page.getByLabel('Price, HK$', { exact: true }).fill('41');
  await expect(saveStatus(page)).toHaveText('Unsaved changes');
  await button(page, 'Save').click();
  await expect(saveStatus(page)).toHaveText('Saved');
  const after = await snapshot(page);
  const migrated = JSON.parse(after[`${SCENARIO_PREFIX}schema1-numbers`]);
  expect(migrated).toMatchObject({ schema: 2, id: 'schema1-numbers', revision: 2 });
  expect(migrated.scenario.price).toBe('41');
  expect(migrated.scenario.name).toBe(NUMBERS.name);
  // Every decimal is written as a string now.
  expect(migrated.scenario.fx_listing_per_reporting).toBe('1.095');
  // The other schema-1 entry is left exactly as it was.
  expect(after[`${SCENARIO_PREFIX}schema1-bear`]).toBe(seeded[`${SCENARIO_PREFIX}schema1-bear`]);
});

test('opening another saved scenario over unsaved edits asks first', async ({ page }) => {
  await seedStorage(page, { ...storedFixtures('schema2-base', 'schema2-edited'), [LAST_OPEN]: 'schema2-base' });
  await open(page);
  await expect(nameInput(page)).toHaveValue('Xiaomi Base');
  await field(page, 'ev', 'EV deliveries').fill('700000');
  await expect(saveStatus(page)).toHaveText('Unsaved changes');
  await savedItem(page, EDITED.name).getByRole('button', { name: EDITED.name }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Unsaved changes' });
  await expect(confirm).toBeVisible();
  await button(confirm, 'Cancel').click();
  await expect(confirm).toBeHidden();
  await expect(field(page, 'ev', 'EV deliveries')).toHaveValue('700,000');
  await expect(nameInput(page)).toHaveValue('Xiaomi Base');
  await savedItem(page, EDITED.name).getByRole('button', { name: EDITED.name }).click();
  await button(page.getByRole('alertdialog', { name: 'Unsaved changes' }), 'Open anyway').click();
  await expect(nameInput(page)).toHaveValue(EDITED.name);
  await expectPerShare(valuePerShare(page), EDITED.perShare);
  await expect(saveStatus(page)).toHaveText('Saved');
  expect((await snapshot(page))[LAST_OPEN]).toBe('schema2-edited');
});

test('undoing the delete of the open scenario makes it the open, saved one again', async ({ page }) => {
  await open(page);
  await saveAs(page, 'Oops');
  await button(savedItem(page, 'Oops'), 'Delete').click();
  await expect(saveStatus(page)).toHaveText('Not saved');
  await button(page.getByTestId('undo'), 'Undo').click();
  await expect(savedNames(page)).toHaveText(['Oops']);
  await expect(saveStatus(page)).toHaveText('Saved');
  // Save then writes over it, not a second "Oops (copy)".
  await field(page, 'ev', 'EV deliveries').fill('800000');
  await expect(saveStatus(page)).toHaveText('Unsaved changes');
  await button(page, 'Save').click();
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect(savedNames(page)).toHaveText(['Oops']);
  const entries = await storedEntries(page);
  expect(entries).toHaveLength(1);
  expect(entries[0].entry.revision).toBe(2);
  await page.reload();
  await expect(nameInput(page)).toHaveValue('Oops');
  await expect(valuePerShare(page)).toHaveText(BASE_EV_800K.text);
});

test('opening a saved scenario over unsaved work that is not saved anywhere (an edited preset, a link) asks first', async ({ page, browser }) => {
  await open(page);
  await saveAs(page, 'Stored');
  await pickPreset(page, 'Bull');
  // A preset as it is loses nothing: it opens at once.
  await savedItem(page, 'Stored').getByRole('button', { name: 'Stored' }).click();
  await expect(nameInput(page)).toHaveValue('Stored');
  await pickPreset(page, 'Bull');
  await field(page, 'ev', 'EV deliveries').fill('700000');
  await expect(page.getByTestId('preset-custom')).toBeVisible();
  await expect(saveStatus(page)).toHaveText('Not saved');
  await savedItem(page, 'Stored').getByRole('button', { name: 'Stored' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Unsaved changes' });
  await expect(confirm).toBeVisible();
  await button(confirm, 'Cancel').click();
  await expect(field(page, 'ev', 'EV deliveries')).toHaveValue('700,000');
  await expect(nameInput(page)).toHaveValue('Xiaomi Bull');

  // A link copy is unsaved work too.
  const url = await copyLink(page);
  await page.goto('about:blank');
  await open(page, url);
  await expect(saveStatus(page)).toHaveText('Opened from a link: not saved');
  await savedItem(page, 'Stored').getByRole('button', { name: 'Stored' }).click();
  await expect(page.getByRole('alertdialog', { name: 'Unsaved changes' })).toBeVisible();
  await button(page.getByRole('alertdialog', { name: 'Unsaved changes' }), 'Open anyway').click();
  await expect(nameInput(page)).toHaveValue('Stored');
  await expect(valuePerShare(page)).toHaveText(PRESETS.Base.text);
});
