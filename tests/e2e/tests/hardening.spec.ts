// Hardening: the page carries a strict Content-Security-Policy
// (scripts/csp.mjs, set at build time), and a whole session - load, edits,
// presets, save, share link, opening the link, import, export - requests
// nothing outside the app's own origin, has no failed request, no console
// error or warning, no page error and no CSP violation.
import { test, expect, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { byTestId, field, fixture, valuePerShare } from './helpers';

/** Collects CSP violations from the moment the document starts. */
const recordViolations = () => {
  (window as unknown as { __cspViolations: string[] }).__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    (window as unknown as { __cspViolations: string[] }).__cspViolations.push(
      `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
    );
  });
};

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

test('a full session stays on its own origin, under a strict CSP, with a clean console', async ({ context, page, baseURL }) => {
  test.setTimeout(60_000);
  const origin = new URL(baseURL!).origin;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await context.addInitScript(recordViolations);

  const requests: string[] = [];
  const failed: string[] = [];
  const consoleProblems: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  context.on('requestfailed', (r) => failed.push(`${r.url()}: ${r.failure()?.errorText ?? 'failed'}`));
  context.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.url()}: HTTP ${r.status()}`);
  });
  const watch = (p: Page) => {
    p.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') consoleProblems.push(`${m.type()}: ${m.text()}`);
    });
    p.on('pageerror', (e) => consoleProblems.push(`pageerror: ${e.message}`));
  };
  watch(page);

  // Load.
  await page.goto('./');
  await expect(valuePerShare(page)).toHaveText('HK$55.49', { timeout: 15_000 });

  // The policy itself.
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp, 'the CSP meta is present').toBeTruthy();
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toMatch(/'unsafe-eval'/);
  for (const directive of [
    "default-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "connect-src 'self'",
    "style-src 'self'",
  ]) {
    expect(csp).toContain(directive);
  }
  expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+=*'/);

  // Edit fields.
  await field(page, 'ev', 'EV deliveries').fill('800000');
  await expect(valuePerShare(page)).not.toHaveText('HK$55.49');
  await field(page, 'ev', 'EBIT margin, %').fill('6');
  await field(page, 'group', 'Holding discount, %').fill('10');

  // Switch presets.
  const radio = (name: string) => page.getByRole('radiogroup', { name: 'Preset' }).getByRole('radio', { name, exact: true });
  await radio('Bull').click();
  await expect(valuePerShare(page)).toHaveText('HK$82.59');
  await radio('Bear').click();
  await expect(valuePerShare(page)).toHaveText('HK$27.31');
  await radio('Base').click();
  await expect(valuePerShare(page)).toHaveText('HK$55.49');
  await field(page, 'ev', 'EV deliveries').fill('800000');

  // Save.
  await page.getByLabel('Scenario name').fill('Hardening check');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(byTestId(page, 'save-status')).toHaveText('Saved');

  // Copy link, and open it in a new page.
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = byTestId(page, 'share-link');
  await expect(link).toHaveValue(/#s1\./);
  const url = await link.inputValue();
  expect(new URL(url).origin).toBe(origin);
  const shown = await valuePerShare(page).textContent();
  const second = await context.newPage();
  watch(second);
  await second.goto(url);
  await expect(valuePerShare(second)).toHaveText(shown!, { timeout: 15_000 });
  expect(await violations(second)).toEqual([]);
  await second.close();

  // Import a valid file.
  await page.getByLabel('Import scenario').setInputFiles(fixture('valid-xiaomi-custom.json'));
  await expect(byTestId(page, 'import-errors')).toBeHidden();
  await expect(field(page, 'ev', 'EV deliveries')).toHaveValue('700,000');

  // Export (a blob: download through an anchor).
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export scenario' }).click(),
  ]);
  const exported = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(exported.format).toBe('sotp-scenario');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Bridge as CSV' }).click()]);
  expect(await readFile((await csv.path())!, 'utf8')).toContain(',');

  // Let the service worker finish whatever it fetches.
  await page.evaluate(() => navigator.serviceWorker?.ready);
  await page.waitForTimeout(300);

  expect(await violations(page), 'CSP violations').toEqual([]);
  expect(failed, 'failed requests').toEqual([]);
  expect(consoleProblems, 'console errors and warnings').toEqual([]);
  const foreign = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'));
  expect(foreign, 'requests to other origins').toEqual([]);
  expect(requests.length).toBeGreaterThan(3);
});

test('the built index.html allows its inline loader by hash only', async ({ request }) => {
  const html = await (await request.get('./')).text();
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  expect(meta, 'CSP meta in the served index.html').not.toBeNull();
  // The meta precedes every script, so it applies to all of them.
  expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  expect(inline.length).toBeGreaterThan(0);
  const { createHash } = await import('node:crypto');
  for (const body of inline) {
    const hash = createHash('sha256').update(body, 'utf8').digest('base64');
    expect(meta![1]).toContain(`'sha256-${hash}'`);
  }
});
