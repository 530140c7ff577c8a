import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { byTestId, expectPerShare, openApp, valuePerShare } from './helpers';

/** Records every text the value per share shows, from before the page's scripts run. */
const recordValues = () => {
  const w = window as unknown as { __values: string[] };
  w.__values = [];
  new MutationObserver(() => {
    const t = document.querySelector('[data-testid="value-per-share"]')?.textContent?.trim();
    if (t && w.__values[w.__values.length - 1] !== t) w.__values.push(t);
  }).observe(document, { childList: true, subtree: true, characterData: true });
};
const shownValues = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (window as unknown as { __values: string[] }).__values);

const bearLink = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'links', 'v1.txt'), 'utf8')
  .split('\n')
  .find((l) => l.endsWith('Bear preset'))!
  .split(' ')[0];

// The split build: the first value needs only the main module; every other
// part is a wasm chunk fetched when the page is idle, or when asked for.

// Requests that a service worker answers bypass page.route, so a worker
// that took over mid-test would serve the chunks these tests block.
test.use({ serviceWorkers: 'block' });

const isChunk = (url: string) => /\/(split|chunk)_[^/]*\.wasm$/.test(new URL(url).pathname);

test('the first value is on screen before any chunk is requested', async ({ page }) => {
  // When the value first has text, by the page's clock (as scripts/bench measures it).
  await page.addInitScript(() => {
    const w = window as unknown as { __valueAt?: number };
    new MutationObserver((_, mo) => {
      const el = document.querySelector('[data-testid="value-per-share"]');
      if (el?.textContent?.trim() && w.__valueAt === undefined) {
        w.__valueAt = performance.now();
        mo.disconnect();
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await openApp(page);
  await expectPerShare(valuePerShare(page), 55.49);
  // Then, idle, the parts load on their own: the save bar and My scenarios appear.
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeVisible();
  await expect(byTestId(page, 'library')).toBeVisible();
  const { valueAt, fetched } = await page.evaluate(() => ({
    valueAt: (window as unknown as { __valueAt: number }).__valueAt,
    fetched: performance.getEntriesByType('resource').map((e) => ({ url: e.name, at: e.startTime })),
  }));
  const chunks = fetched.filter((f) => isChunk(f.url));
  expect(chunks.length, 'the chunks are fetched once the page is idle').toBeGreaterThan(0);
  const early = chunks.filter((c) => c.at <= valueAt);
  expect(early, `chunks requested before the value (at ${valueAt} ms)`).toEqual([]);
});

/** The parts a first visit loads when idle, as the failure notice names them. */
const EVERY_IDLE_PART = [
  'Saving', 'My scenarios', 'Import and export', 'Compare and weight', 'What the price implies', 'Bridge to the value per share',
];

test('a chunk that does not load says so and offers a retry that works', async ({ page }) => {
  let blocked = true;
  await page.route(/\/(split|chunk)_[^/]*\.wasm$/, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
  await openApp(page);
  // The value is there and editable without any chunk.
  await expectPerShare(valuePerShare(page), 55.49);
  // One message names every part that did not load.
  const failed = byTestId(page, 'part-failed');
  await expect(failed).toBeVisible();
  await expect(failed).toContainText('Part of the page could not be loaded');
  for (const part of EVERY_IDLE_PART) await expect(failed).toContainText(part);
  await expect(failed).toContainText('the connection may be down');
  await expect(failed).toHaveCount(1);
  const field = byTestId(page, 'panel-ev').getByLabel('EV deliveries', { exact: true });
  await field.fill('700000');
  await expect(valuePerShare(page)).not.toHaveText('HK$55.49');
  // Back online: one Retry mounts every part, and the page kept the edit.
  blocked = false;
  await failed.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeVisible();
  await expect(failed).toHaveCount(0);
  await expect(byTestId(page, 'library')).toBeVisible();
  await expect(byTestId(page, 'compare')).toBeVisible();
  await expect(field).toHaveValue('700,000');
  await expect(byTestId(page, 'save-status')).toHaveText('Not saved');
});

test('the bridge, when its chunk does not load, is named in the notice and its retry brings it with its explanations', async ({ page }) => {
  let blocked = true;
  await page.route(/\/(split|chunk)_[^/]*\.wasm$/, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
  await openApp(page);
  const failed = byTestId(page, 'part-failed');
  await expect(failed).toContainText('Bridge to the value per share');
  // Retry once every part has failed: a part still on its way when Retry
  // runs fails after it, and would then wait for the next Retry.
  for (const part of EVERY_IDLE_PART) await expect(failed).toContainText(part);
  // The first value does not need the bridge: it is on screen.
  await expect(valuePerShare(page)).toHaveText('HK$55.49');
  blocked = false;
  await failed.getByRole('button', { name: 'Retry' }).click();
  const row = byTestId(page, 'segment-ev');
  await row.getByRole('button', { name: 'How is this computed?' }).click();
  await expect(byTestId(page, 'segment-ev-explain')).toContainText('x RMB');
  await expect(failed).toHaveCount(0);
});

test('on a warm page the lazy parts open without a wait', async ({ page }) => {
  await openApp(page);
  // Idle: every chunk has been fetched.
  await expect(byTestId(page, 'compare')).toBeVisible();
  await page.waitForLoadState('networkidle');
  const started = Date.now();
  await byTestId(page, 'segment-ev').getByRole('button', { name: 'How is this computed?' }).click();
  await expect(byTestId(page, 'segment-ev-explain')).toContainText('x RMB', { timeout: 1000 });
  await page.locator('footer summary', { hasText: 'Sources' }).click();
  await expect(page.locator('footer .sources li').first()).toBeVisible({ timeout: 1000 });
  await byTestId(page, 'compare').locator('summary').click();
  await expect(byTestId(page, 'compare-table')).toBeVisible({ timeout: 1000 });
  expect(Date.now() - started).toBeLessThan(1500);
});

test('an edit made before the lazy parts have loaded is kept when they arrive', async ({ page }) => {
  await openApp(page);
  // At once, before the page is idle: the parts load after this edit.
  const field = byTestId(page, 'panel-ev').getByLabel('EV deliveries', { exact: true });
  await field.evaluate((el: HTMLInputElement) => {
    el.value = '700000';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeVisible();
  await expect(byTestId(page, 'compare')).toBeVisible();
  await expect(field).toHaveValue('700,000');
  await expectPerShare(valuePerShare(page), 57.1);
  await expect(byTestId(page, 'save-status')).toHaveText('Not saved');
});

test('a share link opens straight into its value, never showing Base first', async ({ page }) => {
  await page.addInitScript(recordValues);
  await page.goto(`./#${bearLink}`);
  await expectPerShare(valuePerShare(page), 27.31);
  await expect(byTestId(page, 'save-status')).toHaveText('Opened from a link: not saved');
  expect(await shownValues(page)).toEqual(['HK$27.31']);
});

test('the scenario open last reopens straight into its value', async ({ page }) => {
  await openApp(page);
  await page.getByRole('radio', { name: 'Bull' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(byTestId(page, 'save-status')).toHaveText('Saved');
  await page.addInitScript(recordValues);
  await page.reload();
  await expectPerShare(valuePerShare(page), 82.59);
  await expect(byTestId(page, 'save-status')).toHaveText('Saved');
  expect(await shownValues(page)).toEqual(['HK$82.59']);
});

for (const [width, height] of [
  [1366, 900],
  [768, 900],
  [360, 800],
]) {
  test(`the page barely moves when the lazy parts arrive (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    await page.route(/\/(split|chunk)_[^/]*\.wasm$/, async (route) => {
      await gate;
      await route.continue();
    });
    await openApp(page);
    const card = byTestId(page, 'panel-smartphones');
    const before = (await card.boundingBox())!.y;
    release();
    await expect(byTestId(page, 'library')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Export all' })).toBeVisible();
    const after = (await card.boundingBox())!.y;
    // The slots keep about their parts' room while empty.
    expect(Math.abs(after - before), `the first segment card moved from y=${before} to y=${after}`).toBeLessThan(24);
  });
}

test('a share link whose chunk is slow: the page says it is opening it, never shows Base, then the link', async ({ page }) => {
  await page.addInitScript(recordValues);
  await page.route(/\/(split|chunk)_[^/]*\.wasm$/, async (route) => {
    await new Promise((r) => setTimeout(r, 4000));
    await route.continue();
  });
  await page.goto(`./#${bearLink}`);
  // The frame without a value, from the HTML, then from the live app...
  await expect(byTestId(page, 'opening')).toHaveText('Opening your scenario\u2026');
  await expect(byTestId(page, 'first-screen')).toHaveCount(0, { timeout: 15_000 });
  await expect(byTestId(page, 'opening')).toBeVisible();
  // ...until the link's scenario is read: Base never shows.
  await expect(valuePerShare(page)).toHaveText('HK$27.31', { timeout: 15_000 });
  await expect(byTestId(page, 'save-status')).toHaveText('Opened from a link: not saved');
  expect(await shownValues(page)).toEqual(['HK$27.31']);
});
