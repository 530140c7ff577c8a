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
