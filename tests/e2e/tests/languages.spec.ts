// The page in the reader's language: picked from the browser on a first
// visit, switched in the header without losing edits, remembered; numbers
// typed and shown as each language writes them. Every expected text comes
// from the tables (texts.ts).
import { expect, test, type Browser, type Page } from '@playwright/test';
import { byTestId, field, openApp, panel, typeInto, valuePerShare, verdict } from './helpers';
import { LANGS, LOCALE, t, type Lang } from './texts';

async function visit(browser: Browser, locale: string) {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  const errors = await openApp(page);
  return { context, page, errors };
}

const evDeliveries = (page: Page, lang: Lang) => field(page, 'ev', t(lang, 'LabelEvDeliveries'));
const evMultiple = (page: Page, lang: Lang) => field(page, 'ev', t(lang, 'LabelMultiple'));

const base: Record<Lang, { value: string; price: string }> = {
  en: { value: 'HK$55.49', price: 'HK$40.34' },
  'zh-Hant': { value: '55.49港元', price: '40.34港元' },
  'zh-Hans': { value: '55.49港元', price: '40.34港元' },
  de: { value: '55,49 HK$', price: '40,34 HK$' },
};

for (const lang of LANGS) {
  test(`a first visit from ${LOCALE[lang]} reads the whole page in ${lang}, numbers as it writes them`, async ({ browser }) => {
    const { context, page, errors } = await visit(browser, LOCALE[lang]);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page).toHaveTitle(t(lang, 'PageTitle'));
    await expect(page.locator('meta[name=description]')).toHaveAttribute('content', t(lang, 'PageDescription'));
    await expect(valuePerShare(page)).toHaveText(base[lang].value);
    await expect(byTestId(page, 'price')).toHaveText(base[lang].price);
    await expect(evDeliveries(page, lang)).toHaveValue(lang === 'de' ? '650.000' : '650,000');
    // The lazy parts speak the language too: the save bar, the bridge,
    // My scenarios, Compare, the footer and its sources.
    await expect(page.getByRole('button', { name: t(lang, 'NoticeKey.Save'), exact: true })).toBeVisible();
    await expect(byTestId(page, 'bridge')).toContainText(t(lang, 'Key.BridgeLine'));
    await expect(page.getByRole('heading', { name: t(lang, 'Key.PartLibrary') })).toBeVisible();
    await expect(byTestId(page, 'compare')).toContainText(t(lang, 'Key.PartCompare'));
    await expect(page.locator('footer')).toContainText(t(lang, 'Key.Disclaimer'));
    await expect(byTestId(page, 'language')).toHaveValue(lang);
    expect(errors).toEqual([]);
    await context.close();
  });
}

for (const [locale, lang] of [
  ['zh-TW', 'zh-Hant'],
  ['zh-MO', 'zh-Hant'],
  ['zh-SG', 'zh-Hans'],
  ['de-AT', 'de'],
  ['fr-FR', 'en'],
  ['ja-JP', 'en'],
] as const) {
  test(`a browser in ${locale} gets ${lang}`, async ({ browser }) => {
    const { context, page, errors } = await visit(browser, locale);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByText(t(lang, 'Key.Disclaimer'))).toBeVisible();
    expect(errors).toEqual([]);
    await context.close();
  });
}

test('the switch changes the language at once, keeps every edit and is remembered', async ({ page }) => {
  await openApp(page);
  await typeInto(evDeliveries(page, 'en'), '800000');
  const edited = (await valuePerShare(page).textContent())!.trim();
  expect(edited).not.toBe('HK$55.49');
  await byTestId(page, 'language').selectOption('de');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(evDeliveries(page, 'de')).toHaveValue('800.000');
  // The same value, written the German way.
  const german = edited.replace('HK$', '').replace(/,/g, 'X').replace('.', ',').replace(/X/g, '.') + ' HK$';
  await expect(valuePerShare(page)).toHaveText(german);
  await expect(byTestId(page, 'preset-custom')).toHaveText(t('de', 'Key.PresetCustom'));
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByText(t('de', 'Key.Disclaimer'))).toBeVisible();
  // The unsaved edit came back too (the draft), in German.
  await expect(evDeliveries(page, 'de')).toHaveValue('800.000');
  expect(await page.evaluate(() => localStorage.getItem('sotp.lang'))).toBe('de');
  await byTestId(page, 'language').selectOption('zh-Hant');
  await expect(verdict(page)).toContainText('港元');
  await byTestId(page, 'language').selectOption('en');
  await expect(valuePerShare(page)).toHaveText(edited);
  // Each lazy part is there once: the old language's are gone.
  for (const id of ['language', 'save-status', 'library', 'bridge', 'compare', 'display-currency']) await expect(byTestId(page, id)).toHaveCount(1);
  await expect(page.locator('.info-button')).toHaveCount(await page.locator('.info-host').count());
});

test.describe('typed in German', () => {
  test.use({ locale: 'de-DE' });

  test('a decimal comma and points between thousands are read; a decimal point is refused, saying how', async ({ page }) => {
    await openApp(page);
    await typeInto(evMultiple(page, 'de'), '1,5');
    await expect(evMultiple(page, 'de')).toHaveAttribute('aria-invalid', 'false');
    const atOneAndAHalf = (await valuePerShare(page).textContent())!;
    await typeInto(evDeliveries(page, 'de'), '650000');
    await expect(evDeliveries(page, 'de')).toHaveAttribute('aria-invalid', 'false');
    await typeInto(evDeliveries(page, 'de'), '800.000');
    await expect(evDeliveries(page, 'de')).toHaveAttribute('aria-invalid', 'false');
    await expect(valuePerShare(page)).not.toHaveText(atOneAndAHalf);
    await typeInto(evMultiple(page, 'de'), '1.5');
    const message = `${t('de', 'LabelMultiple')}: ${t('de', 'NumDecimalPoint')}`;
    await expect(page.getByRole('alert').filter({ hasText: t('de', 'NumDecimalPoint') })).toHaveText(message);
    await typeInto(evDeliveries(page, 'de'), '1.23.456');
    await expect(page.getByRole('alert').filter({ hasText: t('de', 'NumGroups') })).toContainText(t('de', 'LabelEvDeliveries'));
  });
});

test('in English, commas between thousands are read, a decimal comma and misplaced commas are refused', async ({ page }) => {
  await openApp(page);
  const deliveries = evDeliveries(page, 'en');
  for (const ok of ['650,000', '1,000,000', '650000']) {
    await typeInto(deliveries, ok);
    await expect(deliveries, ok).toHaveAttribute('aria-invalid', 'false');
  }
  await typeInto(evMultiple(page, 'en'), '1,5');
  await expect(page.getByRole('alert').filter({ hasText: t('en', 'NumDecimalComma') })).toBeVisible();
  await typeInto(deliveries, '1,23,456');
  await expect(page.getByRole('alert').filter({ hasText: t('en', 'NumGroups') })).toBeVisible();
});

test.describe('typed with a Chinese input method', () => {
  test.use({ locale: 'zh-HK' });

  test('full-width digits, comma and point read as their ASCII twins', async ({ page }) => {
    await openApp(page);
    await typeInto(evDeliveries(page, 'zh-Hant'), '６５０，０００');
    await expect(evDeliveries(page, 'zh-Hant')).toHaveAttribute('aria-invalid', 'false');
    await typeInto(evMultiple(page, 'zh-Hant'), '１．５');
    await expect(evMultiple(page, 'zh-Hant')).toHaveAttribute('aria-invalid', 'false');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await expect(evDeliveries(page, 'zh-Hant')).toHaveValue('650,000');
  });
});

test('a damaged stored choice is passed over for the browser language, and left as it is', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'de-DE' });
  await context.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('sotp.lang', 'klingon');
      sessionStorage.setItem('seeded', '1');
    }
  });
  const page = await context.newPage();
  const errors = await openApp(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  expect(await page.evaluate(() => localStorage.getItem('sotp.lang'))).toBe('klingon');
  expect(errors).toEqual([]);
  await context.close();
});

test('a link shared in German opens with the same numbers in Chinese', async ({ browser }) => {
  const de = await visit(browser, 'de-DE');
  await typeInto(evDeliveries(de.page, 'de'), '800.000');
  await de.page.getByRole('button', { name: t('de', 'NoticeKey.CopyLink') }).click();
  const url = await byTestId(de.page, 'share-link').inputValue();
  const value = (await valuePerShare(de.page).textContent())!.trim();
  await de.context.close();
  const zh = await browser.newContext({ locale: 'zh-TW' });
  const page = await zh.newPage();
  await page.goto(url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await expect(evDeliveries(page, 'zh-Hant')).toHaveValue('800,000');
  // 1.234,56 HK$ there is 1,234.56港元 here.
  const number = value.replace(/\s*HK\$/, '').replace(/\./g, '').replace(',', '.');
  await expect(valuePerShare(page)).toHaveText(`${Number(number).toLocaleString('en-US', { minimumFractionDigits: 2 })}港元`);
  await zh.close();
});

test('per-share amounts in RMB, USD or EUR, at rates the reader can change, marked as converted; the valuation stays', async ({ page }) => {
  await openApp(page);
  const currency = byTestId(page, 'display-currency');
  await currency.selectOption('USD');
  const rate = byTestId(page, 'display-rate');
  await expect(rate).toHaveValue('7.79');
  const converted = byTestId(page, 'converted');
  // HK$55.4926959... a share / 7.79 HKD per USD.
  const perShare = 55.49269594470046;
  expect(Math.abs(Number(await converted.getAttribute('data-value')) - perShare / 7.79)).toBeLessThan(1e-12);
  await expect(converted).toContainText('US$7.12');
  await expect(converted).toContainText(t('en', 'ExplainKey.Converted').split(':')[0]);
  await typeInto(rate, '8');
  await expect(converted).toContainText('US$6.94');
  await typeInto(rate, '0');
  await expect(page.getByRole('alert').filter({ hasText: t('en', 'RulePositive') })).toBeVisible();
  await currency.selectOption('RMB');
  await expect(rate).toHaveValue('1.095');
  await expect(converted).toContainText('RMB 50.68');
  await expect(valuePerShare(page)).toHaveText('HK$55.49');
  await currency.selectOption('');
  await expect(converted).toHaveCount(0);
});

test.describe('converted in German', () => {
  test.use({ locale: 'de-DE' });
  test('the rate is typed and shown as a German reader writes it', async ({ page }) => {
    await openApp(page);
    await byTestId(page, 'display-currency').selectOption('EUR');
    await expect(byTestId(page, 'display-rate')).toHaveValue('8,95');
    await expect(byTestId(page, 'converted')).toContainText('6,20 €');
    await typeInto(byTestId(page, 'display-rate'), '9,5');
    await expect(byTestId(page, 'converted')).toContainText('5,84 €');
  });
});
