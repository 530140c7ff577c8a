// Accessible to everyone: errors are tied to their field, colour is never
// alone.
import { test, expect } from '@playwright/test';
import { openApp, typeInto, field, valuePerShare } from './helpers';

test('errors are tied to their field; colour is never alone', async ({ page }) => {
  await openApp(page);
  const ev = field(page, 'ev', 'EV deliveries');
  await typeInto(ev, 'abc');
  await expect(ev).toHaveAttribute('aria-invalid', 'true');
  // Described by its error and its note (far-off values, method switches).
  const describedBy = (await ev.getAttribute('aria-describedby'))!.split(' ');
  expect(describedBy).toEqual(['f-seg3-units-error', 'f-seg3-units-note']);
  await expect(page.locator(`[id="${describedBy[0]}"]`)).toContainText('EV deliveries: must be a number');
  // Upside and downside carry an arrow and a word, not only green and red.
  await typeInto(ev, '650000');
  await expect(valuePerShare(page)).toHaveText('HK$55.49');
  await expect(page.locator('.badge')).toContainText('\u25B2');
  await expect(page.locator('.badge .visually-hidden')).toHaveText(' upside');
});
