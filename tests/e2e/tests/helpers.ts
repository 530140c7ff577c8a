import { expect, type Locator, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
export const fixture = (name: string) => join(FIXTURES, name);

export const SEGMENTS = ['smartphones', 'iot', 'internet', 'ev'] as const;
export const GROUP_ROWS = [
  'group-holding-discount',
  'group-net-cash',
  'group-investments',
  'group-other',
  'group-buybacks',
  'group-shares-retired',
] as const;

export const byTestId = (page: Page | Locator, id: string) => page.locator(`[data-testid="${id}"]`);
export const valuePerShare = (page: Page) => byTestId(page, 'value-per-share');
export const upside = (page: Page) => byTestId(page, 'upside');
export const verdict = (page: Page) => byTestId(page, 'verdict');
export const panel = (page: Page, id: string) => byTestId(page, `panel-${id}`);

/** A labelled text field of a panel (its slider is aria-hidden, so this finds only the text field). */
export const field = (page: Page, panelId: string, label: string) =>
  panel(page, panelId).getByLabel(label, { exact: true });

/** Alerts whose text mentions `text` (field errors are role=alert). */
export const alertFor = (page: Page, text: string) => page.getByRole('alert').filter({ hasText: text });

/**
 * Waits until the app has taken over the first screen the HTML carries
 * (src/ui/first_screen.rs): until then the value is on screen but the
 * fields do not react yet.
 */
export async function waitForLive(page: Page) {
  await expect(byTestId(page, 'first-screen'), 'the app should take over the first screen').toHaveCount(0, { timeout: 15_000 });
}

/** Opens the app as a first-time visitor (each test has a fresh browser context), once it is live. */
export async function openApp(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('./');
  await expect(valuePerShare(page), `the app should render a value (page errors: ${errors.join('; ') || 'none'})`).toHaveText(
    /\S/,
    { timeout: 15_000 },
  );
  await waitForLive(page);
  return errors;
}

/** Reads a displayed amount such as "HK$55.49", "-HK$1.20" or "US$1,234.50" as a number. */
export function amount(text: string): number {
  const t = text.trim();
  const m = t.match(/^(-?)[^\d-]*?([\d,]+\.\d{2})$/);
  if (!m) throw new Error(`not an amount with 2 decimals: ${JSON.stringify(text)}`);
  return (m[1] ? -1 : 1) * Number(m[2].replace(/,/g, ''));
}

/** The spec's tolerance: results compare to 0.005 a share, not to the last digit. */
export async function expectPerShare(loc: Locator, expected: number, prefix = 'HK$') {
  await expect(loc).toHaveText(new RegExp(`^-?${prefix.replace(/\$/g, '\\$')}[\\d,]+\\.\\d{2}$`));
  const shown = amount((await loc.textContent()) ?? '');
  expect(Math.abs(shown - expected), `shown ${shown}, expected ${expected}`).toBeLessThanOrEqual(0.005 + 1e-9);
}

/** Replaces a field's text the way a person types it: one input event per keystroke. */
export async function typeInto(loc: Locator, text: string) {
  await loc.fill('');
  await loc.pressSequentially(text);
}
