// Helpers for the saved-scenario, share-link and bad-data specs: local
// storage fixtures and snapshots, the save bar, the saved list, share links.
import { test as base, expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { byTestId, valuePerShare, waitForLive } from './helpers';

/** tests/fixtures/storage: raw stored entries (see its README.md). */
export const STORAGE_FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'storage');

export const SCENARIO_PREFIX = 'sotp.scenario.';
export const LAST_OPEN = 'sotp.last-open';

/** The raw text of tests/fixtures/storage/<stem>.json, keyed as the app keys it. */
export function storedFixture(stem: string): [string, string] {
  return [`${SCENARIO_PREFIX}${stem}`, readFileSync(join(STORAGE_FIXTURES, `${stem}.json`), 'utf8')];
}

export function storedFixtures(...stems: string[]): Record<string, string> {
  return Object.fromEntries(stems.map(storedFixture));
}

/**
 * Puts `items` into localStorage before the app loads, once per tab: an
 * init script that runs on the first navigation of each page only (a
 * sessionStorage flag), so that a reload sees what the app left, not the
 * fixtures again.
 */
export async function seedStorage(target: Page | BrowserContext, items: Record<string, string>) {
  await target.addInitScript((items) => {
    if (sessionStorage.getItem('e2e-seeded')) return;
    sessionStorage.setItem('e2e-seeded', '1');
    for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v);
  }, items);
}

/**
 * Every key and value in localStorage, the app's and anyone else's, but the
 * draft of unsaved edits (`sotp.draft`): it follows the editor by design
 * and is no saved scenario (unsaved.spec.ts checks it).
 */
export async function snapshot(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i)!;
      if (k !== 'sotp.draft') out[k] = localStorage.getItem(k)!;
    }
    return out;
  });
}

/** The saved-scenario keys and their parsed entries. */
export async function storedEntries(page: Page) {
  const all = await snapshot(page);
  return Object.entries(all)
    .filter(([k]) => k.startsWith(SCENARIO_PREFIX))
    .map(([k, v]) => ({ key: k, id: k.slice(SCENARIO_PREFIX.length), entry: JSON.parse(v) }));
}

/**
 * `test` whose page fails the test if any dialog (alert, confirm, prompt)
 * opens: a name with markup must never run. Other pages a test opens are
 * watched with `watchDialogs`.
 */
export const test = base.extend<{ dialogs: string[] }>({
  dialogs: async ({}, use) => {
    const dialogs: string[] = [];
    await use(dialogs);
    expect(dialogs, 'no dialog may ever open').toEqual([]);
  },
  page: async ({ page, dialogs }, use) => {
    watchDialogs(page, dialogs);
    await use(page);
  },
});
export { expect };

export function watchDialogs(page: Page, into: string[]) {
  page.on('dialog', async (d) => {
    into.push(`${d.type()}: ${d.message()}`);
    await d.dismiss().catch(() => {});
  });
}

export const nameInput = (page: Page) => page.getByLabel('Scenario name', { exact: true });
export const saveStatus = (page: Page) => byTestId(page, 'save-status');
export const notice = (page: Page) => byTestId(page, 'notice');
export const refusal = (page: Page) => byTestId(page, 'import-errors');
export const library = (page: Page) => byTestId(page, 'library');
export const savedItems = (page: Page) => byTestId(page, 'saved-item');
export const damagedItems = (page: Page) => byTestId(page, 'damaged-item');
/** The listed saved scenario whose name button reads exactly `name`. */
export const savedItem = (page: Page, name: string) =>
  savedItems(page).filter({ has: page.locator('button.saved-name', { hasText: exactText(name) }) });
export const savedNames = (page: Page) => savedItems(page).locator('button.saved-name');
export const button = (scope: Page | Locator, name: string) => scope.getByRole('button', { name, exact: true });

export function exactText(text: string) {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

export async function setName(page: Page, name: string) {
  await nameInput(page).fill(name);
  await expect(nameInput(page)).toHaveValue(name);
}

/** Names the scenario on screen, saves it and waits for "Saved". */
export async function saveAs(page: Page, name: string) {
  await setName(page, name);
  await button(page, 'Save').click();
  await expect(saveStatus(page)).toHaveText('Saved');
}

/** Opens the app (after any seeding) and waits for a value. */
export async function open(page: Page, url = './') {
  await page.goto(url);
  await expect(valuePerShare(page)).toHaveText(/\S/, { timeout: 15_000 });
  await waitForLive(page);
}

/** Clicks "Copy link" and returns the URL the notice offers. */
export async function copyLink(page: Page): Promise<string> {
  await button(page, 'Copy link').click();
  const input = byTestId(page, 'share-link');
  await expect(input).toHaveValue(/#s1\./);
  return input.inputValue();
}

/** The fragment of a share URL, without '#'. */
export const fragmentOf = (url: string) => url.slice(url.indexOf('#') + 1);

/**
 * A link whose payload was edited and re-sealed with a correct length and
 * CRC-32 (crates/core/src/link/v1.rs: LEB128 length, body, CRC-32 LE of both), so that it
 * decodes to a scenario, not to "damaged". `edit` gets the body bytes.
 */
export function resealed(url: string, edit: (body: Buffer) => Buffer): string {
  const at = url.indexOf('#s1.');
  const payload = Buffer.from(url.slice(at + 4), 'base64url');
  let length = 0;
  let shift = 0;
  let i = 0;
  for (;;) {
    const b = payload[i++];
    length |= (b & 0x7f) << shift;
    shift += 7;
    if ((b & 0x80) === 0) break;
  }
  const body = edit(Buffer.from(payload.subarray(i, i + length)));
  const lenBytes: number[] = [];
  let n = body.length;
  do {
    const low = n & 0x7f;
    n >>= 7;
    lenBytes.push(n ? low | 0x80 : low);
  } while (n);
  const covered = Buffer.concat([Buffer.from(lenBytes), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32LE(crc32(covered) >>> 0);
  return `${url.slice(0, at)}#s1.${Buffer.concat([covered, crc]).toString('base64url')}`;
}

/** `body` with the first occurrence of `from` replaced by `to` (same length). */
export function replaceBytes(body: Buffer, from: number[] | string, to: number[] | string): Buffer {
  const f = typeof from === 'string' ? Buffer.from(from) : Buffer.from(from);
  const t = typeof to === 'string' ? Buffer.from(to) : Buffer.from(to);
  const at = body.indexOf(f);
  if (at < 0) throw new Error(`bytes ${f.toString('hex')} not in the link body`);
  return Buffer.concat([body.subarray(0, at), t, body.subarray(at + f.length)]);
}

/** Clicks a preset of the Bear | Base | Bull control. */
export async function pickPreset(page: Page, name: 'Bear' | 'Base' | 'Bull') {
  await page.getByRole('radiogroup', { name: 'Preset' }).getByRole('radio', { name, exact: true }).click();
}
