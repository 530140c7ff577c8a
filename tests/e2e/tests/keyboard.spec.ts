// Keyboard only: every step a person takes with a mouse, taken with keys.
import { test, expect, type Page } from '@playwright/test';
import { openApp, valuePerShare, byTestId } from './helpers';
import { LANGS, LOCALE, t } from './texts';

/** Presses Tab until `matches` holds for the focused element (at most 300 times). */
async function tabTo(page: Page, what: string, matches: () => Promise<boolean>, key = 'Tab') {
  for (let i = 0; i < 300; i++) {
    if (await matches()) return;
    await page.keyboard.press(key);
  }
  throw new Error(`never reached ${what} with ${key}`);
}
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      id: el?.id ?? '',
      text: el?.textContent?.trim() ?? '',
      label: el?.getAttribute('aria-label') ?? '',
      role: el?.getAttribute('role') ?? '',
      radio: el instanceof HTMLInputElement && el.type === 'radio' ? el.closest('label')?.textContent?.trim() ?? '' : '',
    };
  });

test('change EV deliveries, switch preset, save, rename (focus in the name) and undo a delete with the keyboard alone', async ({ page }) => {
  await openApp(page);
  await expect(byTestId(page, 'save-status')).toBeVisible();
  await tabTo(page, 'EV deliveries', async () => (await focused(page)).id === 'f-seg3-units');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('800000');
  await expect(valuePerShare(page)).toHaveText('HK$60.32');

  // The presets are one tab stop; arrow keys move and choose.
  await tabTo(page, 'the presets', async () => (await focused(page)).radio !== '', 'Shift+Tab');
  // None is checked after an edit (Custom): Space chooses the focused one,
  // then each arrow moves and chooses.
  await page.keyboard.press('Space');
  for (let i = 0; i < 3 && (await focused(page)).radio !== 'Bull'; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Bull' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Bull' })).toBeFocused();
  await expect(valuePerShare(page)).not.toHaveText('HK$60.32');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('radio', { name: 'Base' })).toBeChecked();
  await expect(valuePerShare(page)).toHaveText('HK$55.49');
  // Tab leaves the group at once (no stop on Bear or Bull).
  await page.keyboard.press('Shift+Tab');
  expect((await focused(page)).radio).toBe('');

  await tabTo(page, 'Save', async () => (await focused(page)).text === 'Save');
  await page.keyboard.press('Enter');
  await expect(byTestId(page, 'save-status')).toHaveText('Saved');

  await tabTo(page, 'Rename', async () => (await focused(page)).text === 'Rename');
  await page.keyboard.press('Enter');
  // Focus is in the name field, the old name selected.
  expect((await focused(page)).label).toBe('New name');
  await page.keyboard.type('Keyboard case');
  await page.keyboard.press('Enter');
  await expect(byTestId(page, 'saved-item')).toContainText('Keyboard case');

  await tabTo(page, 'Delete', async () => (await focused(page)).text === 'Delete');
  await page.keyboard.press('Enter');
  await expect(byTestId(page, 'saved-item')).toHaveCount(0);
  await tabTo(page, 'Undo', async () => (await focused(page)).text === 'Undo', 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(byTestId(page, 'saved-item')).toContainText('Keyboard case');
});

test('the value is announced politely once typing pauses, not at each keystroke', async ({ page }) => {
  await openApp(page);
  const announce = byTestId(page, 'announce');
  await expect(announce).toHaveAttribute('aria-live', 'polite');
  await expect(announce).toContainText('HK$55.49');
  const ev = page.getByLabel('EV deliveries', { exact: true });
  await ev.fill('');
  await ev.pressSequentially('800000', { delay: 100 });
  // Mid-typing nothing new was said; a second after, the new value is.
  await expect(announce).toContainText('HK$55.49');
  await expect(announce).toContainText('HK$60.32', { timeout: 3000 });
});

// In every language: the same steps with keys alone, texts and numbers as
// the reader's language has them, and the language switch itself.
for (const lang of LANGS) {
  test.describe(`keyboard in ${lang}`, () => {
    test.use({ locale: LOCALE[lang] });
    test('type a number, choose a preset with arrows, save with Enter, switch the language', async ({ page }) => {
      await openApp(page);
      await expect(byTestId(page, 'save-status')).toBeVisible();
      const before = await valuePerShare(page).textContent();
      await tabTo(page, 'EV deliveries', async () => (await focused(page)).id === 'f-seg3-units');
      await page.keyboard.press('Control+A');
      await page.keyboard.type(lang === 'de' ? '800.000' : '800,000');
      await expect(valuePerShare(page)).not.toHaveText(before!);
      await tabTo(page, 'the presets', async () => (await focused(page)).radio !== '', 'Shift+Tab');
      await page.keyboard.press('Space');
      const bull = t(lang, 'Key.PresetBull');
      for (let i = 0; i < 3 && (await focused(page)).radio !== bull; i++) await page.keyboard.press('ArrowRight');
      await expect(page.getByRole('radio', { name: bull })).toBeChecked();
      const save = t(lang, 'NoticeKey.Save');
      await tabTo(page, 'Save', async () => (await focused(page)).text === save);
      await page.keyboard.press('Enter');
      await expect(byTestId(page, 'save-status')).toHaveText(t(lang, 'NoticeKey.StatusSaved'));
      await tabTo(page, 'the language switch', async () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'language'), 'Shift+Tab');
      await page.keyboard.press(lang === 'en' ? 'ArrowDown' : 'ArrowUp');
      await expect(page.locator('html')).not.toHaveAttribute('lang', lang);
    });
  });
}
