import { test, expect, type Page } from '@playwright/test';
import { PRESETS } from './expected';
import { openApp, valuePerShare, upside, verdict, expectPerShare, byTestId, field, SEGMENTS } from './helpers';

const radio = (page: Page, name: string) =>
  page.getByRole('radiogroup', { name: 'Preset' }).getByRole('radio', { name, exact: true });

for (const name of ['Bear', 'Bull', 'Base'] as const) {
  test(`${name} preset shows its hand-computed value`, async ({ page }) => {
    await openApp(page);
    // Start from another preset so that the click is a real switch.
    await radio(page, name === 'Base' ? 'Bull' : 'Base').click();
    await radio(page, name).click();
    const e = PRESETS[name];
    await expect(radio(page, name)).toBeChecked();
    for (const other of ['Bear', 'Base', 'Bull'].filter((n) => n !== name)) {
      await expect(radio(page, other)).not.toBeChecked();
    }
    await expect(valuePerShare(page)).toHaveText(e.text);
    await expectPerShare(valuePerShare(page), e.perShare);
    await expect(upside(page)).toHaveText(e.upside);
    await expect(verdict(page)).toHaveText(e.verdict!);
    for (const id of SEGMENTS) {
      await expect(byTestId(page, `segment-${id}-per-share`)).toHaveText(e.segments[id]);
    }
  });
}

test('switching presets updates the inputs', async ({ page }) => {
  await openApp(page);
  await radio(page, 'Bull').click();
  await expect(field(page, 'ev', 'EV deliveries')).toHaveValue('800,000');
  await radio(page, 'Bear').click();
  await expect(field(page, 'ev', 'EV deliveries')).toHaveValue('500,000');
  await expect(field(page, 'ev', 'EV ASP, RMB')).toHaveValue('240,000');
  await radio(page, 'Base').click();
  await expect(field(page, 'ev', 'EV deliveries')).toHaveValue('650,000');
});

test('an edit shows "Custom" and clears the checked preset', async ({ page }) => {
  await openApp(page);
  await field(page, 'ev', 'EV deliveries').fill('800000');
  await expect(byTestId(page, 'preset-custom')).toHaveText(/Custom/);
  for (const name of ['Bear', 'Base', 'Bull']) {
    await expect(radio(page, name)).not.toBeChecked();
  }
  // Choosing a preset again replaces the edit.
  await radio(page, 'Base').click();
  await expect(radio(page, 'Base')).toBeChecked();
  await expect(valuePerShare(page)).toHaveText(PRESETS.Base.text);
  await expect(field(page, 'ev', 'EV deliveries')).toHaveValue('650,000');
});
