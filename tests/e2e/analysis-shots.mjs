// Screenshots of what the price implies, for the closing note of issue 28:
// the first screen (the sentence under the headline) and the open panel
// (grid and charts), on a 1366 x 900 desktop and a 390 x 844 phone.
//   node tests/e2e/analysis-shots.mjs [--dist DIR] [--out DIR]
import { chromium } from '@playwright/test';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve-dir.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = resolve(arg('dist', join(root, 'dist')));
const out = resolve(arg('out', join(root, 'docs', 'issue-28')));
const server = await serve(dist, 'trunk build --release');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const [name, width, height] of [['desktop', 1366, 900], ['phone', 390, 844]]) {
    const page = await browser.newPage({ viewport: { width, height }, locale: 'en-US' });
    await page.goto(server.url);
    await page.locator('[data-testid="implies"] span').first().waitFor();
    await page.screenshot({ path: join(out, `first-screen-${name}.png`) });
    await page.locator('[data-testid="analysis"] > summary').click();
    await page.locator('[data-testid="football-chart"]').waitFor();
    await page.locator('[data-testid="sensitivity"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, `grid-${name}.png`) });
    await page.locator('[data-testid="figure-tornado"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, `tornado-${name}.png`) });
    await page.locator('[data-testid="figure-football-field"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, `football-${name}.png`) });
    console.log(`${name}: ${out}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.stop?.();
  process.exit(0);
}
