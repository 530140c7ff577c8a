// Issue 27, finding 4: a preset's segment was named in the reader's
// language in its card's heading but in English in its name field and on
// its buttons ("Internet services nach oben").
import { test, expect } from '@playwright/test';
import { openApp, panel } from './helpers';

test.describe('in German', () => {
  test.use({ locale: 'de-DE' });

  test("a preset's segment is named in German in its heading, name field and buttons, until it is renamed", async ({ page }) => {
    await openApp(page);
    // A preset's structure tools are behind the one switch.
    await page.getByRole('switch', { name: 'Struktur bearbeiten' }).click();
    const card = panel(page, 'internet');
    await expect(card.locator('h2')).toHaveText('Internetdienste');
    const name = card.getByLabel('Name des Segments', { exact: true });
    await expect(name).toHaveValue('Internetdienste');
    await expect(card.getByRole('button', { name: 'Internetdienste nach oben' })).toBeVisible();
    await expect(card.getByText('Internet services')).toHaveCount(0);
    // Renamed, the user's text is the name everywhere.
    await name.fill('Dienste & Werbung');
    await expect(card.locator('h2')).toHaveText('Dienste & Werbung');
    await expect(card.getByRole('button', { name: 'Dienste & Werbung nach oben' })).toBeVisible();
  });

  test('a removed preset segment is named in German in the note that offers Undo', async ({ page }) => {
    await openApp(page);
    await page.getByRole('switch', { name: 'Struktur bearbeiten' }).click();
    await panel(page, 'internet').getByRole('button', { name: 'Internetdienste entfernen' }).click();
    await expect(page.getByTestId('editor-note')).toContainText('Internetdienste entfernt.');
  });
});
