// Issue 28: the answer in words under the headline. For Base at HK$40.34
// the break-evens are EV deliveries 178,962.66 and the EV/Sales multiple
// 0.82598x (tests/analysis.rs computes them by hand).
import { type Browser, expect, test } from '@playwright/test';
import { byTestId, openApp, panel } from './helpers';

const BASE_EN =
  'The price pays for EV deliveries (Smart EV) of 178,963 (yours: 650,000), ' +
  'or for EV/Sales multiple (Smart EV) of 0.83x (yours: 3x).';

test('the sentence gives the market\'s EV deliveries and EV multiple, and follows an edit', async ({ page }) => {
  await openApp(page);
  const implies = byTestId(page, 'implies');
  await expect(implies.locator('span')).toHaveText([BASE_EN]);
  // 700,000 deliveries: the deliveries' break-even stays (the others
  // alone set it); the multiple's falls by 650/700, to 0.76698x.
  await panel(page, 'ev').getByLabel('EV deliveries', { exact: true }).fill('700000');
  await expect(implies.locator('span')).toHaveText([
    'The price pays for EV deliveries (Smart EV) of 178,963 (yours: 700,000), ' +
      'or for EV/Sales multiple (Smart EV) of 0.77x (yours: 3x).',
  ]);
  // A wrong input: the sentence stays that of the last valid scenario, marked.
  await panel(page, 'ev').getByLabel('EV deliveries', { exact: true }).fill('-5');
  await expect(implies).toHaveClass(/last-valid/);
  await expect(implies.locator('span')).toContainText(['(yours: 700,000)']);
});

test('its link opens the analysis without touching the address', async ({ page }) => {
  await openApp(page);
  const before = page.url();
  await byTestId(page, 'implies').getByRole('link', { name: 'Every input, the grid and the charts' }).click();
  const analysis = byTestId(page, 'analysis');
  await expect(analysis).toHaveAttribute('open', '');
  await expect(byTestId(page, 'breakeven')).toBeInViewport();
  await expect(analysis.locator(':scope > summary')).toBeFocused();
  expect(page.url()).toBe(before);
});

async function heights(browser: Browser, locale: string, width: number) {
  const context = await browser.newContext({ locale, viewport: { width, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  // The analysis chunk is held back until the empty slot is measured.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/split_analysis-[^/]*\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await openApp(page);
  // The slot's own height, empty, then holding the sentence (what is
  // above it, such as the price's age, may arrive meanwhile).
  const height = () => page.locator('.slot-implies').evaluate((el) => el.getBoundingClientRect().height);
  const before = await height();
  expect(before).toBeGreaterThan(30);
  release();
  await expect(byTestId(page, 'implies').locator('span')).toHaveCount(1);
  const after = await byTestId(page, 'implies').evaluate((el) => el.getBoundingClientRect().height);
  await context.close();
  return { before, after };
}

for (const [locale, width] of [['en-US', 1366], ['de-DE', 1366], ['en-US', 1024], ['zh-HK', 1366], ['de-DE', 390], ['zh-CN', 390], ['en-US', 360]] as const) {
  test(`its room is kept before it comes (${locale}, ${width} px)`, async ({ browser }) => {
    const { before, after } = await heights(browser, locale, width);
    expect(after).toBe(before);
  });
}

test('the sentence in the reader\'s language', async ({ browser }) => {
  for (const [locale, text] of [
    ['zh-HK', '現價已反映電動車交付量（智能電動汽車）178,963（你的數值：650,000），或企業價值/銷售額倍數（智能電動汽車）0.83x（你的數值：3x）。'],
    ['de-DE', 'Der Kurs unterstellt Auslieferungen E-Autos (Smart EV) von 178.963 (Ihr Wert: 650.000) oder EV/Umsatz-Multiple (Smart EV) von 0,83x (Ihr Wert: 3x).'],
  ] as const) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await openApp(page);
    await expect(byTestId(page, 'implies').locator('span')).toHaveText([text]);
    await context.close();
  }
});
