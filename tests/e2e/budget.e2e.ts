/**
 * The JavaScript budget: no page downloads more than 150 KB (gzip) of JavaScript before the
 * reader interacts. Measured conservatively: the page is scrolled top to bottom first, so every
 * figure has taken over (loading Plot), and only clicks and slider moves are left out. Sizes
 * are gzip level 9 of each script's body, whatever the test server sends (see page-weight.ts,
 * shared with the page-weight benchmark).
 */
import { expect, inject, test } from 'vitest';
import { useBrowser, openPage } from './browser.ts';
import { measurePageWeight } from './page-weight.ts';
import { builtPages } from './site-pages.ts';

const origin = inject('origin');
const base = inject('base');
const budgetBytes = 150 * 1024;
const browser = useBrowser();

test.each(builtPages())('/%s loads at most 150 KB of gzipped JavaScript before interaction', async (path) => {
  const w = await openPage(browser, origin);
  const { jsBytes: total, jsFiles, scripts } = await measurePageWeight(w.page, `${origin}${base}${path}`);
  console.log(`JS before interaction, /${path}: ${(total / 1024).toFixed(1)} KB gzip in ${jsFiles} files`);
  // Over budget, the failure names the largest scripts: where to look first.
  const largest = scripts.slice(0, 8).map((s) => `${s.path} ${(s.bytes / 1024).toFixed(1)} KB`).join(', ');
  expect(total, `largest: ${largest}`).toBeLessThanOrEqual(budgetBytes);
  await w.close();
});
