// Bad input of every kind in English and German: each refusal names the
// field in the page's language and says what to do, nothing breaks, and
// nothing stored is lost. Expected texts come from the tables (texts.ts).
import { expect, test, type Page } from '@playwright/test';
import { byTestId, field, openApp, typeInto, valuePerShare } from './helpers';
import { LOCALE, t, type Lang } from './texts';

const alerts = (page: Page) => page.getByRole('alert');

for (const lang of ['en', 'de'] as Lang[]) {
  test.describe(`bad input in ${lang}`, () => {
    test.use({ locale: LOCALE[lang] });
    const comma = lang === 'de';

    test('every kind of bad text in a field is refused, naming the field; the last value stays', async ({ page }) => {
      await openApp(page);
      const shown = (await valuePerShare(page).textContent())!;
      const deliveries = field(page, 'ev', t(lang, 'LabelEvDeliveries'));
      const label = t(lang, 'LabelEvDeliveries');
      const cases: [string, string][] = [
        ['', 'NumEmpty'],
        ['viele', 'NumNotANumber'],
        ['12%', 'NumPercentNotPct'],
        ['-1', 'RuleNonNegative'],
        [comma ? '650000,5' : '650000.5', 'NumNotWhole'],
        ['9'.repeat(40), 'NumTooLarge'],
        [comma ? '1.23.456' : '1,23,456', 'NumGroups'],
      ];
      for (const [text, key] of cases) {
        // One input event, as a paste: typing would pass through valid numbers.
        await deliveries.fill(text);
        await expect(alerts(page).filter({ hasText: t(lang, key) }), `${JSON.stringify(text)}`).toHaveText(`${label}: ${t(lang, key)}`);
        await expect(deliveries).toHaveAttribute('aria-invalid', 'true');
        await expect(valuePerShare(page)).toHaveText(shown);
        await expect(byTestId(page, 'stale')).toBeVisible();
      }
      const margin = field(page, 'ev', t(lang, 'LabelEbitMargin'));
      await margin.fill('120');
      await expect(alerts(page).filter({ hasText: t(lang, 'RuleMargin') })).toHaveText(`${t(lang, 'LabelEbitMargin')}: ${t(lang, 'RuleMargin')}`);
      await typeInto(margin, comma ? '2,5' : '2.5');
      await typeInto(deliveries, comma ? '500.000' : '500,000');
      await expect(byTestId(page, 'stale')).toBeHidden();
      await expect(alerts(page)).toHaveCount(0);
    });

    test('a valuation year before the base year is refused, naming it', async ({ page }) => {
      await openApp(page);
      await typeInto(page.getByLabel(t(lang, 'LabelValuationYear'), { exact: true }), '2024');
      await expect(page.getByText(t(lang, 'BeforeBaseYear'))).toBeVisible();
      await expect(page.getByText(t(lang, 'BeforeBaseYear'))).toContainText(t(lang, 'LabelValuationYear'));
    });

    test('a truncated or damaged link is explained and the page opens what it had', async ({ page }) => {
      await openApp(page);
      await page.getByRole('button', { name: t(lang, 'NoticeKey.CopyLink') }).click();
      const url = await byTestId(page, 'share-link').inputValue();
      for (const [bad, key] of [
        [url.slice(0, url.length - 40), 'NoticeKey.LinkTruncated'],
        [url.slice(0, url.indexOf('#s1.') + 130) + (url[url.indexOf('#s1.') + 130] === 'A' ? 'B' : 'A') + url.slice(url.indexOf('#s1.') + 131), 'NoticeKey.LinkCorrupt'],
      ]) {
        const other = await page.context().newPage();
        await other.goto(bad);
        await expect(byTestId(other, 'import-errors')).toContainText(t(lang, key));
        await expect(valuePerShare(other)).toHaveText(/\S/);
        await other.close();
      }
    });

    test('a file that is not a scenario is refused, saying why; nothing changes', async ({ page }) => {
      await openApp(page);
      const shown = (await valuePerShare(page).textContent())!;
      await page.getByLabel(t(lang, 'NoticeKey.ImportScenario')).setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "sotp-scenario", ') });
      const refusal = byTestId(page, 'import-errors');
      await expect(refusal).toContainText(t(lang, 'NoticeKey.RefusedImportFormatOne', { file: 'broken.json' }));
      await expect(refusal).toContainText(t(lang, 'IssueKey.NotJson', { line: '1', column: '28' }));
      await expect(valuePerShare(page)).toHaveText(shown);
    });

    test('a damaged saved entry is listed and explained; nothing is deleted', async ({ browser }) => {
      const context = await browser.newContext({ locale: LOCALE[lang] });
      await context.addInitScript(() => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem('sotp.scenario.cut-short', '{"schema": 2, "id": "cut-short", "scen');
          sessionStorage.setItem('seeded', '1');
        }
      });
      const page = await context.newPage();
      await openApp(page);
      const damaged = byTestId(page, 'damaged-item');
      await expect(damaged).toContainText(t(lang, 'NoticeKey.DamagedEntry'));
      await expect(damaged).toContainText(t(lang, 'NoticeKey.DamageNotJson', { line: '1', column: '38' }));
      await expect(damaged.getByRole('button', { name: t(lang, 'NoticeKey.ExportRaw') })).toBeVisible();
      expect(await page.evaluate(() => localStorage.getItem('sotp.scenario.cut-short'))).toBe('{"schema": 2, "id": "cut-short", "scen');
      await context.close();
    });

    test('storage that cannot be used: saving says why, everything else works', async ({ page }) => {
      await page.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', {
          configurable: true,
          get() {
            throw new DOMException('Access is denied for this document.', 'SecurityError');
          },
        });
      });
      const errors = await openApp(page);
      await expect(byTestId(page, 'save-status')).toHaveText(t(lang, 'NoticeKey.StatusStorageOff'));
      await expect(byTestId(page, 'storage-unavailable')).toHaveText(t(lang, 'NoticeKey.StorageUnavailable'));
      await page.getByRole('button', { name: t(lang, 'NoticeKey.Save'), exact: true }).click();
      await expect(byTestId(page, 'import-errors')).toContainText(t(lang, 'NoticeKey.RefusedSave'));
      await typeInto(field(page, 'ev', t(lang, 'LabelEvDeliveries')), '800000');
      await expect(valuePerShare(page)).not.toHaveText(/^$/);
      expect(errors).toEqual([]);
    });
  });
}
