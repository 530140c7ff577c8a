// Issue 28: the tornado, the waterfall and the football field, drawn by
// the one engine: each checked against the headline or the bridge.
import { expect, test, type Page } from '@playwright/test';
import { amount, byTestId, openApp, panel, valuePerShare } from './helpers';

async function openCharts(page: Page) {
  await openApp(page);
  await byTestId(page, 'analysis').locator(':scope > summary').click();
  await expect(byTestId(page, 'football-chart')).toBeVisible();
}

const num = async (page: Page, testid: string, attr: string) => Number(await byTestId(page, testid).getAttribute(attr));

test("the tornado's ends are the headline's values with the input at Bear and Bull", async ({ page }) => {
  await openCharts(page);
  const bars = page.locator('[data-testid^="tornado-"][data-low]');
  expect(await bars.count()).toBeGreaterThan(4);
  // Largest swing on top.
  const swings = await bars.evaluateAll((els) => els.map((e) => Math.abs(Number(e.getAttribute('data-high')) - Number(e.getAttribute('data-low')))));
  expect([...swings].sort((a, b) => b - a)).toEqual(swings);
  const low = await num(page, 'tornado-ev.units', 'data-low');
  const high = await num(page, 'tornado-ev.units', 'data-high');
  // Bear's and Bull's EV deliveries, typed into Base: the headline agrees.
  const preset = (name: string) => page.getByRole('radiogroup', { name: 'Preset' }).getByRole('radio', { name, exact: true });
  const deliveries = panel(page, 'ev').getByLabel('EV deliveries', { exact: true });
  await preset('Bear').check();
  const bear = await deliveries.inputValue();
  await preset('Bull').check();
  const bull = await deliveries.inputValue();
  await preset('Base').check();
  await deliveries.fill(bear);
  expect(amount(await valuePerShare(page).innerText())).toBeCloseTo(Math.min(low, high), 2);
  await deliveries.fill(bull);
  expect(amount(await valuePerShare(page).innerText())).toBeCloseTo(Math.max(low, high), 2);
  // The chart follows the edit: its value line is the new value.
  await expect(byTestId(page, 'tornado-value')).toHaveAttribute('data-value', /^\d/);
  expect(await num(page, 'tornado-value', 'data-value')).toBeCloseTo(Math.max(low, high), 6);
});

test('the waterfall agrees with the bridge to the cent', async ({ page }) => {
  await openCharts(page);
  const steps = page.locator('[data-testid^="waterfall-"][data-end]');
  const n = await steps.count();
  expect(n).toBeGreaterThanOrEqual(5);
  expect(await num(page, `waterfall-${n - 1}`, 'data-end')).toBeCloseTo(amount(await valuePerShare(page).innerText()), 2);
  // The EV segment (the fourth bar) adds what the bridge says it does.
  const ev = (await num(page, 'waterfall-3', 'data-end')) - (await num(page, 'waterfall-3', 'data-start'));
  expect(ev).toBeCloseTo(amount(await byTestId(page, 'segment-ev-per-share').innerText()), 2);
  await expect(byTestId(page, 'waterfall-price')).toHaveAttribute('data-value', '40.34');
});

test("the football field: analysts' targets, the market's marks, the price and your value", async ({ page }) => {
  await openCharts(page);
  await expect(page.locator('[data-testid^="football-analysts-"]')).toHaveCount(9);
  await expect(byTestId(page, 'football-row-analysts')).toContainText("Analysts' targets, not ours");
  const market = byTestId(page, 'football-market-range-0');
  await expect(market).toHaveAttribute('data-low', '36.62');
  await expect(market).toHaveAttribute('data-high', '61.45');
  await expect(byTestId(page, 'football-market-0')).toHaveAttribute('data-value', '38.58');
  await expect(byTestId(page, 'football-market-1')).toHaveAttribute('data-value', '37.61');
  await expect(byTestId(page, 'football-price')).toHaveAttribute('data-value', '40.34');
  expect(await num(page, 'football-value', 'data-value')).toBeCloseTo(55.49, 2);
  // Marks are focusable and say what they are.
  const ubs = page.locator('[data-testid^="football-analysts-"]').nth(1);
  await ubs.focus();
  await expect(ubs).toBeFocused();
  await expect(ubs).toHaveAttribute('aria-label', /UBS, 19 Nov 2025: HK\$46\.00$/);
  // And as text.
  const asText = byTestId(page, 'figure-football-field').locator('details');
  await asText.locator('summary').click();
  await expect(asText).toContainText("Analysts' targets, not ours, UBS, 19 Nov 2025: HK$46.00");
});

test('Download SVG gives the chart on the page as a file', async ({ page }) => {
  await openCharts(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    byTestId(page, 'figure-waterfall').getByRole('button', { name: 'Download SVG' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('waterfall.svg');
  const text = await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'));
  expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  const onPage = await page.locator('[data-testid="figure-waterfall"] [data-testid^="waterfall-"][data-end]').count();
  expect(text.match(/data-testid="waterfall-\d+"/g)?.length).toBe(onPage);
});

test('while an input is wrong the analysis shows the last valid results, marked', async ({ page }) => {
  await openCharts(page);
  const centre = page.locator('[data-testid="sensitivity"] td.yours');
  const before = await centre.getAttribute('data-value');
  await panel(page, 'ev').getByLabel('EV deliveries', { exact: true }).fill('-1');
  await expect(byTestId(page, 'analysis-stale')).toBeVisible();
  await expect(centre).toHaveAttribute('data-value', before ?? '');
  await panel(page, 'ev').getByLabel('EV deliveries', { exact: true }).fill('650000');
  await expect(byTestId(page, 'analysis-stale')).toBeHidden();
});

test('the charts read on a 360 px phone, and print leaves the controls out', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await openCharts(page);
  // Each chart keeps its text at least 9 px high and scrolls in its own box.
  for (const figure of await page.locator('.chart-figure .chart-box').all()) {
    const box = await figure.boundingBox();
    expect(box?.width ?? 999).toBeLessThanOrEqual(360);
    const svgWidth = await figure.locator('svg').evaluate((el) => el.getBoundingClientRect().width);
    expect((11 * svgWidth) / 640).toBeGreaterThanOrEqual(9);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.grid-controls')).toBeHidden();
  await expect(byTestId(page, 'football-chart')).toBeVisible();
  await expect(valuePerShare(page)).toBeVisible();
});

test('Print a one-page summary: headline, sentence, key assumptions, bridge, waterfall and football field on one A4 page', async ({ page }) => {
  await openCharts(page);
  await page.emulateMedia({ media: 'print' });
  for (const id of ['value-per-share', 'implies', 'key-assumptions', 'waterfall-chart', 'football-chart']) await expect(byTestId(page, id)).toBeVisible();
  for (const id of ['sensitivity', 'breakeven', 'tornado-chart']) await expect(byTestId(page, id)).toBeHidden();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
});
