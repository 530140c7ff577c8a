// Issue 27: the assumptions a reader came to change come first. Under the
// headline, the key assumptions (Xiaomi's five, another company's five
// largest tornado swings) are second inputs of the same fields as in the
// cards; each card's structure tools sit behind one "Edit structure" switch.
import { expect, test, type Page } from '@playwright/test';
import { BASE_EV_800K, PRESETS } from './expected';
import { byTestId, expectPerShare, fixture, openApp, panel, typeInto, valuePerShare } from './helpers';

const XIAOMI_KEYS = ['f-seg3-units', 'f-seg3-multiple', 'f-seg0-growth_pct', 'f-seg0-multiple', 'f-holding_discount_pct'];

/** How many Tab presses from the top of the page reach the element `#id`. */
async function tabsTo(page: Page, id: string): Promise<number> {
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    const mark = document.createElement('div');
    mark.tabIndex = -1;
    document.body.prepend(mark);
    mark.focus();
    mark.addEventListener('blur', () => mark.remove());
  });
  for (let tabs = 1; tabs <= 60; tabs++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return tabs;
  }
  return Infinity;
}

for (const size of [
  { width: 1366, height: 900, screens: 1 },
  { width: 390, height: 844, screens: 2 },
]) {
  test(`at ${size.width} x ${size.height} the five key assumptions are within ${size.screens} screen(s) and 15 Tab presses of the top`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await openApp(page);
    // The lazy parts (the price's info mark and age) are in the Tab order
    // once mounted; the key inputs have no info mark (their cards do).
    await expect(page.locator('.price-field .info-button')).toBeVisible();
    await expect(byTestId(page, 'price-age')).toHaveText(/days? ago|today/);
    await expect(page.locator('.key-assumptions .info-button')).toHaveCount(0);
    const group = byTestId(page, 'key-assumptions');
    await expect(group.getByRole('heading', { name: 'Key assumptions' })).toBeVisible();
    await expect(group.locator('input[type=text]')).toHaveCount(5);
    for (const id of XIAOMI_KEYS) {
      const input = page.locator(`#key-${id}`);
      await expect(input).toBeVisible();
      const box = await input.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { bottom: r.bottom + window.scrollY };
      });
      expect(box.bottom, `${id} within ${size.screens} screen(s)`).toBeLessThanOrEqual(size.height * size.screens);
      expect(await tabsTo(page, `key-${id}`), `Tab presses to ${id}`).toBeLessThanOrEqual(15);
    }
    await expect(group.getByLabel('Smart EV: EV deliveries', { exact: true })).toHaveValue('650,000');
  });
}

test('a key assumption is the same field as in its card: typed in either, shown in both, valued once', async ({ page }) => {
  await openApp(page);
  const key = byTestId(page, 'key-assumptions').getByLabel('Smart EV: EV deliveries', { exact: true });
  const card = panel(page, 'ev').getByLabel('EV deliveries', { exact: true });
  // 800,000 cars (tests/expected.ts): HK$60.318 a share.
  await typeInto(key, '800000');
  await expectPerShare(valuePerShare(page), BASE_EV_800K.perShare);
  await key.blur();
  await expect(card).toHaveValue('800,000');
  // Marked as changed, with its Reset, in both places.
  await expect(panel(page, 'ev').locator('.field.changed')).toHaveCount(1);
  await expect(byTestId(page, 'key-assumptions').locator('.field.changed')).toHaveCount(1);
  // Back in the card: the key input follows.
  await typeInto(card, '650000');
  await card.blur();
  await expect(key).toHaveValue('650,000');
  await expectPerShare(valuePerShare(page), PRESETS.Base.perShare);
  // One message, under both inputs, for a value the field refuses.
  await typeInto(key, '-5');
  await expect(page.locator('#key-f-seg3-units-error')).toContainText('EV deliveries');
  await expect(page.locator('#f-seg3-units-error')).toContainText('EV deliveries');
});

test('Edit structure: closed for a preset, open for a new company; the tools follow the switch', async ({ page }) => {
  await openApp(page);
  const toggle = page.getByRole('switch', { name: 'Edit structure' });
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  const name = panel(page, 'smartphones').getByLabel('Segment name', { exact: true });
  // Mounted (the tools are in the page) but closed: not shown, not in the Tab order.
  await expect(name).toHaveCount(1);
  await expect(name).toBeHidden();
  await expect(page.getByRole('button', { name: 'Add segment' })).toBeHidden();
  // The card opens with its assumptions; the tools come after them.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect(name).toBeVisible();
  const multipleY = await panel(page, 'smartphones').getByLabel('Multiple, x', { exact: true }).evaluate((e) => e.getBoundingClientRect().top);
  const nameY = await name.evaluate((e) => e.getBoundingClientRect().top);
  expect(nameY).toBeGreaterThan(multipleY);
  await expect(page.getByRole('button', { name: 'Add segment' })).toBeVisible();
  await toggle.click();
  await expect(name).toBeHidden();
  // A new company is all structure: open.
  await page.getByRole('button', { name: 'New company' }).click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByLabel('Segment name', { exact: true }).first()).toBeVisible();
  // Back to Xiaomi: closed again.
  await page.getByRole('button', { name: 'Start from Xiaomi' }).click();
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expect(panel(page, 'smartphones').getByLabel('Segment name', { exact: true })).toBeHidden();
});

test("another company's key assumptions are its five largest tornado swings; a blank company has none", async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Import scenario').setInputFiles(fixture('valid-generic.json'));
  const group = byTestId(page, 'key-assumptions');
  // tests/analysis.rs computes the swings by hand: Software's base revenue,
  // margin and multiple (7.986 a share each), its growth (2.178), then
  // Hardware's revenue (0.8); FX and shares are facts, left out.
  await expect(group.locator('input[type=text]')).toHaveCount(5);
  const ids = await group.locator('input[type=text]').evaluateAll((els) => els.map((e) => e.id));
  expect(ids).toEqual([
    'key-f-seg0-base_revenue_bn',
    'key-f-seg0-margin_pct',
    'key-f-seg0-multiple',
    'key-f-seg0-growth_pct',
    'key-f-seg1-revenue_bn',
  ]);
  await expect(group.getByLabel('Software: Base-year revenue, USD bn', { exact: true })).toHaveValue('10');
  // Another company's structure is open.
  await expect(page.getByRole('switch', { name: 'Edit structure' })).toHaveAttribute('aria-checked', 'true');
  await page.getByRole('button', { name: 'New company' }).click();
  await expect(group).toBeHidden();
});
