/**
 * The JavaScript budget: no page downloads more than 150 KB (gzip) of JavaScript before the
 * reader interacts. Measured conservatively: the page is scrolled top to bottom first, so every
 * figure has taken over (loading Plot), and only clicks and slider moves are left out. Sizes
 * are gzip level 9 of each script's body, whatever the test server sends.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from './browser.ts';
import { builtPages } from './site-pages.ts';

const origin = inject('origin');
const base = inject('base');
const budgetBytes = 150 * 1024;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test.each(builtPages())('/%s loads at most 150 KB of gzipped JavaScript before interaction', async (path) => {
  const w = await openPage(browser, origin);
  const scripts = new Map<string, number>();
  w.page.on('response', async (res) => {
    const type = res.headers()['content-type'] ?? '';
    if (!type.includes('javascript')) return;
    const body = await res.body().catch(() => undefined);
    if (body) scripts.set(res.url(), gzipSync(body, { level: 9 }).length);
  });
  await w.page.goto(`${origin}${base}${path}`, { waitUntil: 'networkidle' });
  await w.page.evaluate(async () => {
    for (let y = 0; y <= document.body.scrollHeight; y += 400) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 25));
    }
  });
  await w.page.waitForLoadState('networkidle');
  const total = [...scripts.values()].reduce((a, b) => a + b, 0);
  console.log(`JS before interaction, /${path}: ${(total / 1024).toFixed(1)} KB gzip in ${scripts.size} files`);
  expect(total).toBeLessThanOrEqual(budgetBytes);
  await w.close();
});
