// Accessible to everyone: errors are tied to their field, colour is never
// alone.
import { test, expect } from '@playwright/test';
import { openApp, typeInto, field, valuePerShare } from './helpers';

test('errors are tied to their field; colour is never alone', async ({ page }) => {
  await openApp(page);
  const ev = field(page, 'ev', 'EV deliveries');
  await typeInto(ev, 'abc');
  await expect(ev).toHaveAttribute('aria-invalid', 'true');
  const describedBy = (await ev.getAttribute('aria-describedby'))!;
  await expect(page.locator(`[id="${describedBy}"]`)).toContainText('EV deliveries: must be a number');
  // Upside and downside carry an arrow and a word, not only green and red.
  await typeInto(ev, '650000');
  await expect(valuePerShare(page)).toHaveText('HK$55.49');
  await expect(page.locator('.badge')).toContainText('\u25B2');
  await expect(page.locator('.badge .visually-hidden')).toHaveText(' upside');
});
