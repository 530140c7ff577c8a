// Two tabs of one browser (two pages of one context share localStorage and
// get each other's storage events): a save in one shows in the other, and
// a save never silently overwrites a newer save made in the other tab.
import { type BrowserContext, type Page } from '@playwright/test';
import { PRESETS, BASE_EV_800K } from './expected';
import { valuePerShare, expectPerShare, field } from './helpers';
import {
  test, expect, open, saveAs, setName, nameInput, saveStatus, savedItems, savedNames, savedItem, button, snapshot,
  storedEntries, watchDialogs, pickPreset, SCENARIO_PREFIX,
} from './saved-helpers';

// A person works in one tab at a time: `bringToFront` before using a tab
// (a background tab's animation frames are throttled, which slows clicks);
// the other tab, in the background, still gets the storage events.

// Base with EV deliveries 700,000 = HK$57.1011 (see links.spec.ts).
const BASE_EV_700K = { text: 'HK$57.10', perShare: 57.10113488479263 };

async function twoTabs(context: BrowserContext, dialogs: string[]): Promise<[Page, Page]> {
  const a = await context.newPage();
  const b = await context.newPage();
  watchDialogs(a, dialogs);
  watchDialogs(b, dialogs);
  await open(a);
  await open(b);
  await a.bringToFront();
  return [a, b];
}

test('a save in one tab shows in the other', async ({ context, dialogs }) => {
  const [a, b] = await twoTabs(context, dialogs);
  await expect(savedItems(b)).toHaveCount(0);
  await field(a, 'ev', 'EV deliveries').fill('800000');
  await saveAs(a, 'From tab A');
  await expect(savedNames(b)).toHaveText(['From tab A']);
  await expect(savedItem(b, 'From tab A').getByTestId('saved-value')).toHaveText(BASE_EV_800K.text);
  // B's editor is left alone.
  await expect(valuePerShare(b)).toHaveText(PRESETS.Base.text);
  await expect(saveStatus(b)).toHaveText('Not saved');

  // A rename and a delete in A show in B too.
  await button(savedItem(a, 'From tab A'), 'Rename').click();
  await savedItems(a).getByLabel('New name', { exact: true }).fill('Renamed in A');
  await button(savedItems(a), 'OK').click();
  await expect(savedNames(b)).toHaveText(['Renamed in A']);
  await button(savedItem(a, 'Renamed in A'), 'Delete').click();
  await expect(savedItems(b)).toHaveCount(0);
  await expect(savedItems(a)).toHaveCount(0);
});

/** Both tabs open the same saved scenario; B then saves a change. */
async function staleInA(context: BrowserContext, dialogs: string[]) {
  const [a, b] = await twoTabs(context, dialogs);
  await saveAs(a, 'Shared plan');
  await b.bringToFront();
  await savedItem(b, 'Shared plan').getByRole('button', { name: 'Shared plan' }).click();
  await expect(saveStatus(b)).toHaveText('Saved');
  await field(b, 'ev', 'EV deliveries').fill('700000');
  await button(b, 'Save').click();
  await expect(saveStatus(b)).toHaveText('Saved');
  await expect(savedItem(a, 'Shared plan').getByTestId('saved-value')).toHaveText(BASE_EV_700K.text);
  const theirs = await snapshot(a);
  // A, still on revision 1, edits and saves.
  await a.bringToFront();
  await field(a, 'ev', 'EV deliveries').fill('800000');
  await expect(valuePerShare(a)).toHaveText(BASE_EV_800K.text);
  await button(a, 'Save').click();
  const conflict = a.getByTestId('conflict');
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText(
    `\u201CShared plan\u201D was saved in another tab after you opened it (that version: ${BASE_EV_700K.text}). Your version is not saved yet.`,
  );
  for (const name of ['Save mine as a copy', 'Overwrite with mine', 'Open theirs', 'Cancel']) {
    await expect(button(conflict, name)).toBeVisible();
  }
  // Nothing was written by the refused save.
  expect(await snapshot(a)).toEqual(theirs);
  return { a, b, conflict, theirs };
}

test('a save over a newer save from another tab asks first; Cancel keeps both as they are', async ({ context, dialogs }) => {
  const { a, conflict, theirs } = await staleInA(context, dialogs);
  await button(conflict, 'Cancel').click();
  await expect(conflict).toBeHidden();
  expect(await snapshot(a)).toEqual(theirs);
  await expect(valuePerShare(a)).toHaveText(BASE_EV_800K.text);
  await expect(saveStatus(a)).toHaveText('Unsaved changes');
  // Asked again on the next save.
  await button(a, 'Save').click();
  await expect(conflict).toBeVisible();
});

test('conflict: "Save mine as a copy" keeps theirs and saves mine beside it', async ({ context, dialogs }) => {
  const { a, b, conflict } = await staleInA(context, dialogs);
  await button(conflict, 'Save mine as a copy').click();
  await expect(conflict).toBeHidden();
  await expect(saveStatus(a)).toHaveText('Saved');
  await expect(nameInput(a)).toHaveValue('Shared plan (copy)');
  await expect(savedNames(a)).toHaveText(['Shared plan (copy)', 'Shared plan']);
  await expect(savedItem(a, 'Shared plan').getByTestId('saved-value')).toHaveText(BASE_EV_700K.text);
  await expect(savedItem(a, 'Shared plan (copy)').getByTestId('saved-value')).toHaveText(BASE_EV_800K.text);
  await expect(savedNames(b)).toHaveText(['Shared plan (copy)', 'Shared plan']);
  const entries = await storedEntries(a);
  const shared = entries.find((e) => e.entry.scenario.name === 'Shared plan')!;
  expect(shared.entry.revision).toBe(2);
});

test('conflict: "Overwrite with mine" replaces theirs, as the next revision', async ({ context, dialogs }) => {
  const { a, b, conflict } = await staleInA(context, dialogs);
  await button(conflict, 'Overwrite with mine').click();
  await expect(conflict).toBeHidden();
  await expect(saveStatus(a)).toHaveText('Saved');
  await expect(savedNames(a)).toHaveText(['Shared plan']);
  await expect(savedItem(a, 'Shared plan').getByTestId('saved-value')).toHaveText(BASE_EV_800K.text);
  await expect(savedItem(b, 'Shared plan').getByTestId('saved-value')).toHaveText(BASE_EV_800K.text);
  const entries = await storedEntries(a);
  expect(entries).toHaveLength(1);
  expect(entries[0].entry.revision).toBe(3);
  // B is now behind: its next save asks too, rather than losing A's.
  await b.bringToFront();
  await field(b, 'ev', 'EV deliveries').fill('650000');
  await button(b, 'Save').click();
  await expect(b.getByTestId('conflict')).toBeVisible();
  expect((await storedEntries(b))[0].entry.revision).toBe(3);
});

test('conflict: "Open theirs" drops my edits and shows their save', async ({ context, dialogs }) => {
  const { a, conflict, theirs } = await staleInA(context, dialogs);
  await button(conflict, 'Open theirs').click();
  await expect(conflict).toBeHidden();
  await expect(valuePerShare(a)).toHaveText(BASE_EV_700K.text);
  await expectPerShare(valuePerShare(a), BASE_EV_700K.perShare);
  await expect(field(a, 'ev', 'EV deliveries')).toHaveValue('700,000');
  await expect(saveStatus(a)).toHaveText('Saved');
  expect(await snapshot(a)).toEqual(theirs);
  // Saving from here is a plain save over their revision.
  await setName(a, 'Shared plan, agreed');
  await button(a, 'Save').click();
  await expect(saveStatus(a)).toHaveText('Saved');
  const entries = await storedEntries(a);
  expect(entries).toHaveLength(1);
  expect(entries[0].entry).toMatchObject({ revision: 3, scenario: { name: 'Shared plan, agreed' } });
});

test('a scenario deleted in another tab is not re-created by a save there', async ({ context, dialogs }) => {
  const [a, b] = await twoTabs(context, dialogs);
  await saveAs(a, 'Short-lived');
  await b.bringToFront();
  await savedItem(b, 'Short-lived').getByRole('button', { name: 'Short-lived' }).click();
  await expect(saveStatus(b)).toHaveText('Saved');
  await a.bringToFront();
  await button(savedItem(a, 'Short-lived'), 'Delete').click();
  await expect(savedItems(b)).toHaveCount(0);
  await b.bringToFront();
  await field(b, 'ev', 'EV deliveries').fill('800000');
  await button(b, 'Save').click();
  const conflict = b.getByTestId('conflict');
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('deleted in another tab');
  expect(Object.keys(await snapshot(b)).filter((k) => k.startsWith(SCENARIO_PREFIX))).toHaveLength(0);
  await button(conflict, 'Save as new').click();
  await expect(saveStatus(b)).toHaveText('Saved');
  await expect(savedNames(a)).toHaveText(['Short-lived']);
  await expect(savedItem(a, 'Short-lived').getByTestId('saved-value')).toHaveText(BASE_EV_800K.text);
});

test('a rename in a tab that is behind does not let its next save overwrite the other tab', async ({ context, dialogs }) => {
  const [a, b] = await twoTabs(context, dialogs);
  await saveAs(a, 'Plan');
  await b.bringToFront();
  await savedItem(b, 'Plan').getByRole('button', { name: 'Plan' }).click();
  await field(b, 'ev', 'EV deliveries').fill('700000');
  await button(b, 'Save').click();
  await expect(saveStatus(b)).toHaveText('Saved');
  // A, still on revision 1 with 650,000 EVs, renames the entry from its list:
  // the rename keeps B's content (it re-reads storage) ...
  await a.bringToFront();
  await button(savedItem(a, 'Plan'), 'Rename').click();
  await savedItems(a).getByLabel('New name', { exact: true }).fill('Plan, renamed');
  await button(savedItems(a), 'OK').click();
  await expect(savedItem(a, 'Plan, renamed').getByTestId('saved-value')).toHaveText(BASE_EV_700K.text);
  // ... and A's next save of its older content still asks first.
  await field(a, 'ev', 'EV deliveries').fill('800000');
  await button(a, 'Save').click();
  await expect(a.getByTestId('conflict')).toBeVisible();
  const entries = await storedEntries(a);
  expect(entries).toHaveLength(1);
  expect(entries[0].entry.scenario.name).toBe('Plan, renamed');
  expect(entries[0].entry.scenario.segments.find((s: { id: string }) => s.id === 'ev').driver.units).toBe('700000');
});

test('opening from the list shows what the other tab saved last, even when name and value are unchanged', async ({ context, dialogs }) => {
  const [a, b] = await twoTabs(context, dialogs);
  await saveAs(a, 'Priced');
  await b.bringToFront();
  await savedItem(b, 'Priced').getByRole('button', { name: 'Priced' }).click();
  // A new price changes the upside, not the value per share.
  await b.getByLabel('Price, HK$', { exact: true }).fill('50');
  await button(b, 'Save').click();
  await expect(saveStatus(b)).toHaveText('Saved');
  await a.bringToFront();
  await expect.poll(async () => (await storedEntries(a))[0].entry.revision).toBe(2);
  await pickPreset(a, 'Bear');
  await savedItem(a, 'Priced').getByRole('button', { name: 'Priced' }).click();
  await expect(a.getByLabel('Price, HK$', { exact: true })).toHaveValue('50');
  await expect(valuePerShare(a)).toHaveText(PRESETS.Base.text);
  await expect(saveStatus(a)).toHaveText('Saved');
  // And saving from here is not a conflict: A opened revision 2.
  await field(a, 'ev', 'EV deliveries').fill('800000');
  await button(a, 'Save').click();
  await expect(saveStatus(a)).toHaveText('Saved');
  await expect(a.getByTestId('conflict')).toBeHidden();
  expect((await storedEntries(a))[0].entry.revision).toBe(3);
});

test.describe('a page whose saved chunk arrives late', () => {
  // The chunk is held back by a route, which a service worker would bypass.
  test.use({ serviceWorkers: 'block' });

  test('does not take the draft another tab wrote meanwhile', async ({ context, dialogs }) => {
    const a = await context.newPage();
    watchDialogs(a, dialogs);
    await open(a);
    // B opens on Base (storage holds no draft yet); its `saved` chunk,
    // which reads storage at start, is held until A has written a draft.
    const b = await context.newPage();
    watchDialogs(b, dialogs);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await b.route(/\/split_saved-[^/]*\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
    await open(b);
    await a.bringToFront();
    await field(a, 'ev', 'EV deliveries').fill('800000');
    await expect.poll(() => a.evaluate(() => localStorage.getItem('sotp.draft'))).toContain('800000');
    const draft = await a.evaluate(() => localStorage.getItem('sotp.draft'));
    release();
    await b.bringToFront();
    // B's save bar is there (the chunk ran), and B still shows what it opened with.
    await expect(saveStatus(b)).toHaveText('Not saved');
    await expect(valuePerShare(b)).toHaveText(PRESETS.Base.text);
    // A's draft is still A's, for A's next visit.
    expect(await b.evaluate(() => localStorage.getItem('sotp.draft'))).toBe(draft);
  });
});
