import { defineConfig, devices } from '@playwright/test';

// End-to-end tests of the release build in dist/ (run `trunk build --release`
// first; scripts/test does). Debian's Chromium is used: Playwright never
// downloads a browser of its own here.
//
// Env: E2E_PORT (8765), E2E_BASE_PATH ("/" or e.g. "/sotp/" to serve the
// app under a sub-path), CHROMIUM (/usr/bin/chromium).

const port = Number(process.env.E2E_PORT || 8765);
let basePath = process.env.E2E_BASE_PATH || '/';
if (!basePath.startsWith('/')) basePath = '/' + basePath;
if (!basePath.endsWith('/')) basePath += '/';
const origin = `http://127.0.0.1:${port}`;

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: 'list',
  outputDir: './test-results',
  use: {
    baseURL: `${origin}${basePath}`,
    acceptDownloads: true,
    // The page picks its language from the browser's: English unless a
    // test says otherwise (languages.spec.ts).
    locale: 'en-US',
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: chromiumArgs,
    },
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], channel: undefined },
    },
  ],
  webServer: {
    command: `node serve-dist.mjs --port ${port} --prefix ${basePath}`,
    url: `${origin}${basePath}`,
    reuseExistingServer: !process.env.CI,
    timeout: 15_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
