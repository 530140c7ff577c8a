// Nothing typed is lost: a preset switch over edits can be undone exactly;
// the save status is calm while there is nothing to lose.
import { test, expect, type Page } from '@playwright/test';
import { openApp, valuePerShare, field, byTestId, typeInto } from './helpers';

const radio = (page: Page, name: string) =>
  page.getByRole('radiogroup', { name: 'Preset' }).getByRole('radio', { name, exact: true });

test('a preset switch over edits says so and Undo restores the edits exactly', async ({ page }) => {
  await openApp(page);
  const ev = field(page, 'ev', 'EV deliveries');
  await typeInto(ev, '800000');
  await typeInto(field(page, 'smartphones', 'Net margin, %'), '5');
  await expect(valuePerShare(page)).not.toHaveText('HK$55.49');
  const edited = await valuePerShare(page).textContent();
  await radio(page, 'Bull').click();
  await expect(radio(page, 'Bull')).toHaveAttribute('aria-checked', 'true');
  const note = byTestId(page, 'preset-undo');
  await expect(note).toContainText('your edits were replaced');
  await note.getByRole('button', { name: 'Undo' }).click();
  await expect(note).toBeHidden();
  await expect(ev).toHaveValue('800000');
  await expect(field(page, 'smartphones', 'Net margin, %')).toHaveValue('5');
  await expect(valuePerShare(page)).toHaveText(edited!);
  // The edits are edits again: marked as changed against Base.
  await expect(byTestId(page, 'preset-custom')).toBeVisible();
});

test('a preset switch without edits offers no undo', async ({ page }) => {
  await openApp(page);
  await radio(page, 'Bear').click();
  await expect(radio(page, 'Bear')).toHaveAttribute('aria-checked', 'true');
  await expect(byTestId(page, 'preset-undo')).toBeHidden();
});

test('a first visit says "Not saved" calmly; an edit makes it a warning', async ({ page }) => {
  await openApp(page);
  const status = byTestId(page, 'save-status');
  await expect(status).toHaveText('Not saved');
  await expect(status).not.toHaveClass(/dirty/);
  await typeInto(field(page, 'ev', 'EV deliveries'), '700000');
  await expect(status).toHaveClass(/dirty/);
});
