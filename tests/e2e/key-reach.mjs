#!/usr/bin/env node
// Where Xiaomi's key assumptions are for a new reader: for each, the y of
// its first input on the page (px from the top of the document) and how
// many Tab presses from the top reach it, at 1366 x 900 and at 390 x 844,
// with a screenshot of the first screen at each size.
//
//   node tests/e2e/key-reach.mjs [--dist DIR] [--shots DIR]
//
// DIR defaults to dist/; screenshots go to --shots (none without it). Run
// it on an older build to compare (the issue 27 note gives both).
import { chromium } from '@playwright/test';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve-dir.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
};
const dist = resolve(arg('dist', join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist')));
const shots = arg('shots', null);

// The card inputs' ids (`labels::dom_id`); under the headline each has a
// second input, `key-` + the same id, which comes first in the page.
const KEYS = [
  ['EV deliveries', 'f-seg3-units'],
  ['EV multiple', 'f-seg3-multiple'],
  ['Smartphone shipment growth', 'f-seg0-growth_pct'],
  ['Core (Smartphones) P/E', 'f-seg0-multiple'],
  ['Holding discount', 'f-holding_discount_pct'],
];
const SIZES = [
  { name: 'desktop', width: 1366, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

const server = await serve(dist, 'trunk build --release');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size.width, height: size.height }, locale: 'en-US' });
    await page.goto(server.url);
    await page.locator('[data-testid="first-screen"]').waitFor({ state: 'detached', timeout: 15_000 });
    // The lazy parts (info marks, file buttons) are in the Tab order once mounted.
    await page.waitForTimeout(1500);
    if (shots) await page.screenshot({ path: join(shots, `first-screen-${size.name}.png`) });
    console.log(`${size.name} ${size.width} x ${size.height} (${dist})`);
    for (const [name, id] of KEYS) {
      const where = await page.evaluate((id) => {
        const el = document.getElementById(`key-${id}`) ?? document.getElementById(id);
        if (!el) return null;
        return { id: el.id, y: Math.round(el.getBoundingClientRect().top + window.scrollY) };
      }, id);
      if (!where) {
        console.log(`  ${name.padEnd(28)} not on the page`);
        continue;
      }
      // Tab from the top of the page: from a mark focused at the start of
      // the body, gone once the first Tab has left it.
      await page.evaluate(() => {
        window.scrollTo(0, 0);
        const mark = document.createElement('div');
        mark.tabIndex = -1;
        mark.id = 'tab-start';
        document.body.prepend(mark);
        mark.focus();
        mark.addEventListener('blur', () => mark.remove());
      });
      let tabs = 0;
      for (; tabs < 400; ) {
        await page.keyboard.press('Tab');
        tabs += 1;
        if ((await page.evaluate(() => document.activeElement?.id)) === where.id) break;
      }
      console.log(`  ${name.padEnd(28)} y ${String(where.y).padStart(5)} px  ${String(tabs).padStart(3)} Tabs  (#${where.id})`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.stop();
}
