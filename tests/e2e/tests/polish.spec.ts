// Issue 27, findings 10 and 11: a stale price said nothing of its age;
// "Not saved" was green on a first visit; driver names were clipped; a gap
// stood where the currency picker was; the price date read mm/dd/yyyy.
import { type Page } from '@playwright/test';
import { byTestId } from './helpers';
import { test, expect, open, button } from './saved-helpers';

test('the price says how old it is, and past a week a calm note points to the field', async ({ page }) => {
  // The presets' price is the close of 25 Nov 2025.
  await page.clock.setFixedTime(new Date('2026-12-07T10:00:00'));
  await open(page);
  await expect(byTestId(page, 'price-date')).toHaveText('close of 25 Nov 2025');
  await expect(byTestId(page, 'price-age')).toHaveText(', 377 days ago');
  const note = byTestId(page, 'price-old');
  await expect(note).toContainText('This price is 377 days old; the upside is measured against it.');
  await note.getByRole('button', { name: "Enter today's price" }).click();
  await expect(page.locator('#f-price')).toBeFocused();
  // A price of the user's own has no date and no age.
  await page.keyboard.type('45');
  await expect(byTestId(page, 'price-date')).toHaveText('your price');
  await expect(byTestId(page, 'price-age')).toHaveText('');
  await expect(note).toHaveCount(0);
});

test('a price of this week shows its age and no note', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2025-11-28T10:00:00'));
  await open(page);
  await expect(byTestId(page, 'price-age')).toHaveText(', 3 days ago');
  await expect(byTestId(page, 'price-old')).toHaveCount(0);
});

test.describe('in German', () => {
  test.use({ locale: 'de-DE' });
  test('the age in German', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-12-07T10:00:00'));
    await open(page);
    await expect(byTestId(page, 'price-age')).toHaveText(', vor 377 Tagen');
    await expect(byTestId(page, 'price-old')).toContainText('Dieser Kurs ist 377 Tage alt');
  });
});

test('"Not saved" is not green on a first visit; "Saved" is', async ({ page }) => {
  await open(page);
  const status = byTestId(page, 'save-status');
  await expect(status).toHaveText('Not saved');
  await expect(status).not.toHaveClass(/\bsaved\b/);
  const muted = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--muted').trim());
  expect(await status.evaluate((e) => getComputedStyle(e).color)).toBe(
    await page.evaluate((c) => {
      const probe = document.createElement('span');
      probe.style.color = c;
      document.body.append(probe);
      const rgb = getComputedStyle(probe).color;
      probe.remove();
      return rgb;
    }, muted),
  );
  await button(page, 'Save').click();
  await expect(status).toHaveText('Saved');
  await expect(status).toHaveClass(/\bsaved\b/);
});

/** Whether a select shows its chosen option's text whole. */
const fitsItsText = (page: Page, id: string) =>
  page.locator(`#${id}`).evaluate((el: HTMLSelectElement) => {
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = getComputedStyle(el).font;
    // The text plus the select's padding and arrow.
    return ctx.measureText(el.selectedOptions[0].text).width + 28 <= el.getBoundingClientRect().width;
  });

for (const locale of ['en-US', 'de-DE']) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });
    test('a driver select shows its whole name', async ({ page }) => {
      await open(page);
      await page.getByRole('switch').click();
      // Smartphones' driver is "Units with growth x ASP" ("Absatz mit Wachstum x ASP").
      const id = await byTestId(page, 'panel-smartphones').locator('.segment-tools select').getAttribute('id');
      expect(await fitsItsText(page, id!)).toBe(true);
    });
  });
}

test("another company's page has no gap where Xiaomi's currency picker is", async ({ page }) => {
  await open(page);
  await expect(byTestId(page, 'display-currency')).toBeVisible();
  await button(page, 'New company').click();
  await expect(byTestId(page, 'display-currency')).toHaveCount(0);
  const gap = await page.evaluate(() => {
    const headline = document.querySelector('.headline')!.getBoundingClientRect();
    const bridge = document.querySelector('.bridge')!.getBoundingClientRect();
    return bridge.top - headline.bottom;
  });
  // One gap of the column (1rem), no empty room.
  expect(gap).toBeLessThanOrEqual(17);
});

test("the company card shows the price date as the page writes it, beside the browser's picker", async ({ page }) => {
  await open(page);
  await page.getByRole('switch', { name: 'Edit structure' }).click();
  await byTestId(page, 'panel-company').locator('summary').click();
  await expect(byTestId(page, 'price-date-as-shown')).toHaveText('25 Nov 2025');
});
