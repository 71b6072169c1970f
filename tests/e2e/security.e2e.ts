/**
 * The Content-Security-Policy in a real browser. Every page carries the policy as a meta tag
 * (from src/integrations/csp.ts through Astro's security.csp), without 'unsafe-eval' or inline-script
 * allowances, with a hash for each inline script it has; and while every page loads and scrolls,
 * while a widget is driven, the playground trains, a code view opens and the search runs, the
 * browser reports no violation (a `securitypolicyviolation` listener injected before any page
 * script, plus Chromium's console messages) and no request leaves the site's origin. The
 * load-and-scroll check of every page runs in pages.e2e.ts, beside its other checks of that load.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, test } from 'vitest';
import { useBrowser, openPage, watchViolations, scrollToCentre } from '../support/browser.ts';
import { builtPages, distDir } from './site-pages.ts';

const origin = inject('origin');
const base = inject('base');
const pages = builtPages();
const browser = useBrowser();

/** The policy of a built page, split into directives, from the HTML file on disk. */
function policyOf(path: string): {
  directives: Map<string, string[]>;
  inlineScripts: string[];
  metas: number;
} {
  const { document } = parseHTML(readFileSync(join(distDir, path, 'index.html'), 'utf8'));
  const metas = [...document.querySelectorAll('meta[http-equiv]')].filter(
    (m) => m.getAttribute('http-equiv')?.toLowerCase() === 'content-security-policy',
  );
  const directives = new Map<string, string[]>();
  for (const part of (metas[0]?.getAttribute('content') ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  const inlineScripts = [...document.querySelectorAll('script:not([src])')].map(
    (s) => s.textContent ?? '',
  );
  return { directives, inlineScripts, metas: metas.length };
}

describe.each(pages)('page /%s', (path) => {
  test('has one CSP meta tag: no unsafe-eval, no inline-script allowance, every inline script hashed', () => {
    const { directives, inlineScripts, metas } = policyOf(path);
    expect(metas).toBe(1);
    const all = [...directives.values()].flat();
    expect(all).not.toContain("'unsafe-eval'");
    const scriptSrc = directives.get('script-src') ?? [];
    expect(scriptSrc).toContain("'self'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc.some((s) => s === '*' || s.endsWith(':') || /^https?:/.test(s))).toBe(false);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    for (const body of inlineScripts) {
      const hash = `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
      expect(scriptSrc, `inline script starting ${body.slice(0, 60)}`).toContain(hash);
    }
  });
});

test('driving a widget, opening a code view and a data table, exporting a PNG breaks no policy', async () => {
  const w = await openPage(browser, origin);
  const violations = await watchViolations(w);
  await w.page.goto(`${origin}${base}lessons/sigmoid/`, { waitUntil: 'networkidle' });
  const figure = w.page.locator('figure.widget').first();
  await scrollToCentre(figure);
  await figure
    .locator('[data-live="true"]')
    .or(figure.and(w.page.locator('[data-live="true"]')))
    .first()
    .waitFor({ timeout: 15_000 });
  const slider = figure.locator('[data-controls] input[type="range"]').first();
  if ((await slider.count()) > 0) {
    await slider.focus();
    for (let i = 0; i < 5; i++) await w.page.keyboard.press('ArrowRight');
  }
  for (const selector of ['details[data-source-view] summary', 'details[data-table] summary']) {
    const summary = w.page.locator(selector).first();
    if ((await summary.count()) > 0) {
      await scrollToCentre(summary);
      await summary.click();
    }
  }
  // Exporting a PNG draws the figure's SVG through a data: image onto a canvas.
  const png = w.page.locator('[data-act="png"]').first();
  if ((await png.count()) > 0) {
    const download = w.page.waitForEvent('download', { timeout: 10_000 });
    await scrollToCentre(png);
    await png.click();
    await download;
  }
  await w.page.waitForLoadState('networkidle');
  await w.page.waitForTimeout(300);
  expect(await violations()).toEqual([]);
  expect(w.foreignRequests).toEqual([]);
  expect(w.errors).toEqual([]);
  await w.close();
});

test('training in the playground (a worker) breaks no policy', async () => {
  const w = await openPage(browser, origin);
  const violations = await watchViolations(w);
  await w.page.goto(`${origin}${base}playground/`, { waitUntil: 'networkidle' });
  const fig = w.page.locator('#fig-playground');
  await scrollToCentre(fig);
  await fig.locator('af-playground[data-live="true"]').waitFor({ timeout: 20_000 });
  await fig.locator('[data-action="play"]').click();
  await w.page.waitForTimeout(1500);
  await fig.locator('[data-action="pause"]').click();
  expect(Number(await fig.locator('[data-out="epoch"]').innerText())).toBeGreaterThan(0);
  expect(await violations()).toEqual([]);
  expect(w.foreignRequests).toEqual([]);
  expect(w.errors).toEqual([]);
  await w.close();
});

test('searching (Pagefind: a worker and WebAssembly) breaks no policy', async () => {
  const w = await openPage(browser, origin);
  const violations = await watchViolations(w);
  await w.page.goto(`${origin}${base}search/?q=gradient`, { waitUntil: 'networkidle' });
  await w.page.locator('af-search [data-out="results"] li').first().waitFor({ timeout: 15_000 });
  expect(await violations()).toEqual([]);
  expect(w.foreignRequests).toEqual([]);
  expect(w.errors).toEqual([]);
  await w.close();
});
