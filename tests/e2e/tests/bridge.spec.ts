import { test, expect } from '@playwright/test';
import { PRESETS } from './expected';
import { openApp, valuePerShare, byTestId, amount, SEGMENTS, GROUP_ROWS } from './helpers';

test('the bridge has a line per segment and group term that add up to the value', async ({ page }) => {
  await openApp(page);
  const bridge = byTestId(page, 'bridge');
  await expect(bridge).toBeVisible();
  await expect(bridge).toHaveJSProperty('tagName', 'TABLE');
  let sum = 0;
  for (const id of SEGMENTS) {
    await expect(byTestId(bridge, `segment-${id}`)).toBeVisible();
    const cell = byTestId(bridge, `segment-${id}-per-share`);
    await expect(cell).toHaveText(PRESETS.Base.segments[id]);
    sum += amount((await cell.textContent()) ?? '');
  }
  for (const row of GROUP_ROWS) {
    const cell = byTestId(bridge, `${row}-per-share`);
    await expect(cell).toHaveText(PRESETS.Base.group![row.replace('group-', '')]);
    sum += amount((await cell.textContent()) ?? '');
  }
  const total = byTestId(bridge, 'bridge-total-per-share');
  await expect(total).toHaveText(PRESETS.Base.text);
  await expect(total).toHaveText((await valuePerShare(page).textContent()) ?? '');
  // Lines are rounded one by one: they add up to the total within a cent per line.
  expect(Math.abs(sum - amount((await total.textContent()) ?? ''))).toBeLessThanOrEqual(0.005 * 10);
});

test('every line explains how it is computed', async ({ page }) => {
  await openApp(page);
  const rows = [...SEGMENTS.map((id) => `segment-${id}`), ...GROUP_ROWS, 'bridge-total'];
  for (const row of rows) {
    const explain = byTestId(page, `${row}-explain`);
    await expect(explain, `${row}: hidden until asked`).toBeHidden();
    await byTestId(page, row).getByRole('button', { name: 'How is this computed?' }).click();
    await expect(explain, `${row}: shown after the click`).toBeVisible();
    await expect(explain).toHaveText(/\d/);
  }
  await expect(byTestId(page, 'segment-ev-explain')).toContainText(
    '650,000 cars x RMB 255,000 = RMB 165.8bn x 3.0 = RMB 497.3bn',
  );
});

// Issue 27, finding 5: "Buybacks -4.6, -HK$0.19" while the headline rose
// from 55.49 to 55.57. The cash a buyback spends and the shares it retires
// are each a line, per share before the buyback, so the signs read right.
test('a buyback shows its cash as a cost and its retired shares as a gain, and the bridge adds up', async ({ page }) => {
  await openApp(page);
  await byTestId(page, 'panel-group').getByLabel('Planned buybacks, HK$ bn', { exact: true }).fill('5');
  // Equity 1,319.66192 - 5 / 1.095 = 1,315.09571bn over 26.04 - 5 / 40.34 =
  // 25.91605bn shares x 1.095: HK$55.5652.
  await expect(valuePerShare(page)).toHaveText('HK$55.57');
  const bridge = byTestId(page, 'bridge');
  await expect(byTestId(bridge, 'group-buybacks')).toContainText('Buybacks: cash spent');
  // -4.566bn / 26.04bn x 1.095 = -HK$0.19; 55.5652 - 1,315.09571 / 26.04 x 1.095 = +HK$0.26.
  await expect(byTestId(bridge, 'group-buybacks-per-share')).toHaveText('-HK$0.19');
  await expect(byTestId(bridge, 'group-shares-retired')).toContainText('Buybacks: shares retired');
  await expect(byTestId(bridge, 'group-shares-retired-per-share')).toHaveText('HK$0.26');
  // The segments are per share before the buyback, as without one.
  await expect(byTestId(bridge, 'segment-ev-per-share')).toHaveText(PRESETS.Base.segments.ev);
  let sum = 0;
  for (const cell of await bridge.locator('[data-testid$="-per-share"]:not([data-testid="bridge-total-per-share"])').all()) {
    sum += amount((await cell.textContent()) ?? '');
  }
  expect(Math.abs(sum - 55.5652)).toBeLessThanOrEqual(0.005 * 10);
  await byTestId(page, 'group-shares-retired').getByRole('button', { name: 'How is this computed?' }).click();
  await expect(byTestId(page, 'group-shares-retired-explain')).toContainText('0.12bn shares retired, 25.92bn left');
});
