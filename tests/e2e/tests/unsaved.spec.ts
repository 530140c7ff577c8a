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
  await expect(radio(page, 'Bull')).toBeChecked();
  const note = byTestId(page, 'preset-undo');
  await expect(note).toContainText('your edits were replaced');
  await note.getByRole('button', { name: 'Undo' }).click();
  await expect(note).toBeHidden();
  await expect(ev).toHaveValue('800,000');
  await expect(field(page, 'smartphones', 'Net margin, %')).toHaveValue('5');
  await expect(valuePerShare(page)).toHaveText(edited!);
  // The edits are edits again: marked as changed against Base.
  await expect(byTestId(page, 'preset-custom')).toBeVisible();
});

test('a preset switch without edits offers no undo', async ({ page }) => {
  await openApp(page);
  await radio(page, 'Bear').click();
  await expect(radio(page, 'Bear')).toBeChecked();
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

const storedDraft = (page: Page) => page.evaluate(() => localStorage.getItem('sotp.draft'));

test('unsaved edits survive a reload as a draft, marked unsaved, and can be discarded', async ({ page }) => {
  await openApp(page);
  await typeInto(field(page, 'ev', 'EV deliveries'), '800000');
  const edited = await valuePerShare(page).textContent();
  await expect.poll(() => storedDraft(page)).not.toBeNull();
  await page.reload();
  const note = byTestId(page, 'draft-restored');
  await expect(note).toContainText('Your unsaved edits from');
  await expect(field(page, 'ev', 'EV deliveries')).toHaveValue('800,000');
  await expect(valuePerShare(page)).toHaveText(edited!);
  await expect(byTestId(page, 'save-status')).toHaveClass(/dirty/);
  await note.getByRole('button', { name: 'Discard draft' }).click();
  await expect(note).toBeHidden();
  await expect(valuePerShare(page)).toHaveText('HK$55.49');
  await expect.poll(() => storedDraft(page)).toBeNull();
  await page.reload();
  await expect(valuePerShare(page)).toHaveText('HK$55.49');
  await expect(byTestId(page, 'draft-restored')).toBeHidden();
});

test('edits of a saved scenario come back over it in a new tab; the saved one is untouched until Save', async ({ page, context }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(byTestId(page, 'save-status')).toHaveText('Saved');
  const before = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('sotp.scenario.')));
  await typeInto(field(page, 'smartphones', 'Net margin, %'), '6');
  await expect.poll(() => storedDraft(page)).not.toBeNull();
  await page.close();

  const again = await context.newPage();
  await openApp(again);
  await expect(byTestId(again, 'draft-restored')).toBeVisible();
  await expect(field(again, 'smartphones', 'Net margin, %')).toHaveValue('6');
  await expect(byTestId(again, 'save-status')).toHaveText('Unsaved changes');
  const during = await again.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('sotp.scenario.')));
  expect(during).toEqual(before);
  await again.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(byTestId(again, 'save-status')).toHaveText('Saved');
  await expect(byTestId(again, 'draft-restored')).toBeHidden();
  await expect.poll(() => storedDraft(again)).toBeNull();
  const after = await again.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('sotp.scenario.')));
  expect(after.length).toBe(1);
  expect(JSON.parse(after[0][1]).revision).toBe(JSON.parse(before[0][1]).revision + 1);
});
