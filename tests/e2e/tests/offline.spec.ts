import { test, expect, chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { byTestId, expectPerShare, valuePerShare } from './helpers';
import { t } from './texts';
import { chromiumArgs } from '../playwright.config';

// Offline, installable, safe updates. Each test serves its own
// copy of dist/ on its own port, so a test can put a second build in place.

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..', '..');
const dist = process.env.DIST_DIR || join(repo, 'dist');

type Site = { dir: string; url: string; stop: () => void };
let nextPort = 8790;

async function serveCopy(prefix = '/'): Promise<Site> {
  const dir = mkdtempSync(join(tmpdir(), 'sotp-dist-'));
  cpSync(dist, dir, { recursive: true });
  const port = nextPort++ + (test.info().parallelIndex * 20);
  const child: ChildProcess = spawn(
    'node',
    [join(here, '..', 'serve-dist.mjs'), '--dir', dir, '--port', String(port), '--prefix', prefix],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}${prefix}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    dir,
    url,
    stop: () => {
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Opens the app and waits until its service worker controls the page. */
async function firstVisit(browser: Browser, url: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await expect(valuePerShare(page)).toHaveText('HK$55.49', { timeout: 15_000 });
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 15_000 });
  return { context, page };
}

function failedRequests(context: BrowserContext): string[] {
  const failed: string[] = [];
  context.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
  context.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.url()} ${r.status()}`);
  });
  return failed;
}

async function saveAs(page: Page, name: string) {
  await page.getByLabel('Scenario name').fill(name);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(byTestId(page, 'save-status')).toHaveText('Saved');
  await expect(byTestId(page, 'saved-item').filter({ hasText: name })).toHaveCount(1);
}

test('after one visit the app loads, values and saves with no network', async ({ browser }) => {
  const site = await serveCopy();
  try {
    const { context, page } = await firstVisit(browser, site.url);
    const failed = failedRequests(context);
    await context.setOffline(true);
    const started = Date.now();
    await page.reload();
    await expect(valuePerShare(page)).toHaveText('HK$55.49');
    const offlineReloadMs = Date.now() - started;
    test.info().annotations.push({ type: 'offline reload ms', description: String(offlineReloadMs) });
    console.log(`offline reload to value on screen: ${offlineReloadMs} ms`);

    await page.getByRole('radio', { name: 'Bull' }).click();
    await expectPerShare(valuePerShare(page), 82.59);
    await saveAs(page, 'Offline bull');
    await page.reload();
    await expect(byTestId(page, 'saved-item').filter({ hasText: 'Offline bull' })).toHaveCount(1);
    await expectPerShare(valuePerShare(page), 82.59);
    expect(failed, 'no request fails while offline').toEqual([]);
    await context.close();
  } finally {
    site.stop();
  }
});

test('a share link opened offline shows its scenario', async ({ browser }) => {
  const site = await serveCopy();
  try {
    const { context, page } = await firstVisit(browser, site.url);
    // A real link from the corpus: the Bull preset (HK$82.59).
    const corpus = readFileSync(join(repo, 'tests', 'links', 'v1.txt'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'));
    const bull = corpus.map((l) => l.trim().split(/\s+/)).find((parts) => parts[1] === '82.59');
    expect(bull, 'the corpus holds the Bull preset').toBeTruthy();
    await context.setOffline(true);
    const linked = await context.newPage();
    await linked.goto(`${site.url}#${bull![0]}`);
    await expectPerShare(valuePerShare(linked), 82.59);
    await expect(byTestId(linked, 'save-status')).toHaveText('Opened from a link: not saved');
    await page.close();
    await context.close();
  } finally {
    site.stop();
  }
});

test('a new build offers "Reload", switches only when asked, and keeps saved scenarios', async ({ browser }) => {
  const site = await serveCopy();
  try {
    const { context, page } = await firstVisit(browser, site.url);
    await saveAs(page, 'Kept across updates');

    // The second build: a visible change in the page, and sw.js regenerated
    // from the files exactly as the build does.
    const index = join(site.dir, 'index.html');
    writeFileSync(
      index,
      readFileSync(index, 'utf8').replace('</body>', '<p data-testid="build-marker">Second build</p></body>'),
    );
    const regen = spawn('node', [join(repo, 'scripts', 'precache.mjs'), site.dir], { stdio: 'ignore' });
    await new Promise((r) => regen.on('exit', r));

    await page.reload();
    const banner = byTestId(page, 'update-banner');
    await expect(banner).toContainText('A new version is ready', { timeout: 15_000 });
    // Until the user agrees, the old build keeps running.
    await expect(byTestId(page, 'build-marker')).toHaveCount(0);
    await banner.getByRole('button', { name: 'Reload' }).click();
    await expect(byTestId(page, 'build-marker')).toHaveText('Second build', { timeout: 15_000 });
    await expect(valuePerShare(page)).toHaveText(/HK\$/);
    await expect(byTestId(page, 'saved-item').filter({ hasText: 'Kept across updates' })).toHaveCount(1);
    await expect(byTestId(page, 'update-banner')).toHaveCount(0);
    await context.close();
  } finally {
    site.stop();
  }
});

test('dist/ works unchanged under a sub-path, online and offline', async ({ browser }) => {
  const site = await serveCopy('/sotp/');
  try {
    const { context, page } = await firstVisit(browser, site.url);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(new URL(scope).pathname).toBe('/sotp/');
    const failed = failedRequests(context);
    await context.setOffline(true);
    await page.reload();
    await expect(valuePerShare(page)).toHaveText('HK$55.49');
    expect(failed).toEqual([]);
    await context.close();
  } finally {
    site.stop();
  }
});

test('the manifest is valid and Chromium finds the app installable', async () => {
  const site = await serveCopy();
  // Chromium never offers to install from an incognito profile, which is what
  // ordinary Playwright contexts are: this test uses a real profile directory.
  const profile = mkdtempSync(join(tmpdir(), 'sotp-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: chromiumArgs,
  });
  try {
    const page = await context.newPage();
    await page.goto(site.url);
    await expect(valuePerShare(page)).toHaveText('HK$55.49', { timeout: 15_000 });
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 15_000 });
    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(manifestHref).toBe('manifest.webmanifest');
    const manifest = await (await fetch(new URL(manifestHref!, site.url))).json();
    expect(manifest).toMatchObject({
      name: expect.stringContaining('SOTP'),
      short_name: 'SOTP',
      start_url: './',
      display: 'standalone',
      theme_color: '#ff6900',
    });
    expect(manifest.description.length).toBeGreaterThan(20);
    const sizes: string[] = [];
    for (const icon of manifest.icons) {
      const png = Buffer.from(await (await fetch(new URL(icon.src, site.url))).arrayBuffer());
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes);
      sizes.push(`${icon.sizes} ${icon.purpose}`);
    }
    expect(sizes.sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);

    const cdp = await context.newCDPSession(page);
    const { errors } = await cdp.send('Page.getAppManifest');
    expect(errors).toEqual([]);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    site.stop();
  }
});

test('the update banner speaks the page\'s language', async ({ browser }) => {
  const site = await serveCopy();
  try {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(site.url);
    await expect(valuePerShare(page)).toHaveText('55,49 HK$', { timeout: 15_000 });
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 15_000 });
    const index = join(site.dir, 'index.html');
    writeFileSync(index, readFileSync(index, 'utf8').replace('</body>', '<p data-testid="build-marker">Second build</p></body>'));
    const regen = spawn('node', [join(repo, 'scripts', 'precache.mjs'), site.dir], { stdio: 'ignore' });
    await new Promise((r) => regen.on('exit', r));
    await page.reload();
    const banner = byTestId(page, 'update-banner');
    await expect(banner).toContainText(t('de', 'UpdateReady'), { timeout: 15_000 });
    await expect(banner.getByRole('button', { name: t('de', 'UpdateReload') })).toBeVisible();
    await context.close();
  } finally {
    site.stop();
  }
});
