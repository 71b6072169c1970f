/**
 * What a shared link shows before the reader does anything: a typed formula stays plain text
 * until the reader interacts (KaTeX then loads and typesets it), a pitfall's formula comes typeset
 * from the build, and URL values the playground cannot use as given (a repeated name, points off
 * the plane, more than 50 points) are reported with the value actually used, and settings for a
 * figure the page does not have are named where the link lands.
 */
import { expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useBrowser, scrollToCentre } from '../support/browser.ts';

const origin = inject('origin');
const base = inject('base');
const browser = useBrowser();

/** Records the scripts a page requests. */
function scriptsOf(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') urls.push(new URL(r.url()).pathname);
  });
  return urls;
}

test('a notebook link shows its formula as text, and typesets it once the reader interacts', async () => {
  const w = await openPage(browser, origin);
  const scripts = scriptsOf(w.page);
  await w.page.goto(`${origin}${base}notebook/?expr.f=max(0.1*x,x)`, { waitUntil: 'networkidle' });
  const cell = w.page.locator('af-expression-cell[data-figure-id="expr"]');
  await scrollToCentre(cell);
  await expect.poll(() => cell.getAttribute('data-shown')).toBe('max(0.1*x,x)');
  const formula = cell.locator('[data-formula]');
  await expect.poll(() => formula.innerText()).toBe('f(x) = max(0.1*x,x)');
  await w.page.waitForLoadState('networkidle');
  expect(scripts.filter((s) => s.includes('/tex.'))).toEqual([]);
  await cell.locator('[data-control="expr"]').focus();
  await formula.locator('.katex').waitFor({ timeout: 10_000 });
  // Its text, not innerText: the MathML is never laid out (src/styles/global.css).
  expect(await formula.locator('.katex-mathml').textContent()).toContain('max');
  expect(scripts.filter((s) => s.includes('/tex.'))).toHaveLength(1);
  expect(w.errors).toEqual([]);
  await w.close();
});

test('a pitfall link shows its formula typeset from the build, loading no KaTeX', async () => {
  const w = await openPage(browser, origin);
  const scripts = scriptsOf(w.page);
  await w.page.goto(
    `${origin}${base}lessons/tanh/?tanh-float.pitfall=sigmoid-left-tail#fig-tanh-float`,
    { waitUntil: 'networkidle' },
  );
  const fig = w.page.locator('#fig-tanh-float');
  await fig.locator('af-float-pitfalls[data-live="true"]').waitFor();
  const shown = await fig
    .locator('[data-tex]')
    .evaluateAll((els) =>
      els.filter((e) => !(e as HTMLElement).hidden).map((e) => (e as HTMLElement).dataset.tex),
    );
  expect(shown).toEqual(['sigmoid-left-tail']);
  expect(await fig.locator('[data-tex="sigmoid-left-tail"] .katex').count()).toBe(1);
  await fig.locator('[data-control="pitfall"]').selectOption('tanh-exp-ratio');
  await expect.poll(() => fig.locator('[data-tex="tanh-exp-ratio"]').isVisible()).toBe(true);
  expect(await fig.locator('[data-tex="sigmoid-left-tail"]').isVisible()).toBe(false);
  expect(scripts.filter((s) => s.includes('/tex.'))).toEqual([]);
  expect(w.errors).toEqual([]);
  await w.close();
});

test('the playground reports a repeated name and clamped points with the values it used', async () => {
  const w = await openPage(browser, origin);
  const points = Array.from({ length: 51 }, (_, i) => `${(i % 12) - 6},1,${i % 2}`);
  points[50] = '99.99,-99.99,1';
  await w.page.goto(
    `${origin}${base}playground/?train.layers=0&train.layers=100&train.pts=${points.join(';')}`,
    { waitUntil: 'networkidle' },
  );
  const fig = w.page.locator('#fig-playground');
  await scrollToCentre(fig);
  await fig.locator('af-playground[data-live="true"]').waitFor({ timeout: 20_000 });
  const notice = fig.locator('[data-out="url-notice"]');
  expect(await notice.isVisible()).toBe(true);
  const text = await notice.innerText();
  expect(text).toContain(
    'Ignored train.layers=100: train.layers is given more than once and only the first is read; using 0.',
  );
  expect(text).toContain('51 points given, the playground keeps 50: using the last 50');
  expect(text).toContain('1 point outside the plotted square (−6 to 6) moved to its edge');
  expect(await fig.locator('[data-param="layers"]').inputValue()).toBe('0');
  const used = (await fig.locator('[data-param="pts"]').inputValue()).split(';');
  expect(used).toHaveLength(50);
  expect(used.at(-1)).toBe('6,-6,1');
  expect(w.errors).toEqual([]);
  await w.close();
});

test('a link whose settings name no figure on the page says so where it lands, and keeps the rest', async () => {
  const w = await openPage(browser, origin);
  await w.page.goto(
    `${origin}${base}lessons/conclusion/?conclusion-cell.f=x*x&conclusion-cell.p=a:2&own.vs=relu#fig-conclusion-cell`,
    { waitUntil: 'networkidle' },
  );
  const notice = w.page.locator('[data-link-notice]');
  await expect
    .poll(() => notice.innerText())
    .toBe(
      'Ignored conclusion-cell.f and conclusion-cell.p: this link names settings for no figure on this page.',
    );
  expect(await notice.getAttribute('role')).toBe('status');
  // Above the figure the link points at, which keeps the setting that is its own.
  expect(await notice.evaluate((n) => n.nextElementSibling?.id)).toBe('fig-conclusion-cell');
  const cell = w.page.locator('#fig-conclusion-cell af-expression-cell');
  await scrollToCentre(cell);
  await w.page
    .locator('af-expression-cell[data-figure-id="conclusion-cell"][data-live="true"]')
    .waitFor();
  expect(await cell.locator('[data-control="compare"]').inputValue()).toBe('relu');
  expect(await w.page.locator('#fig-conclusion-cell [data-url-notice]').isHidden()).toBe(true);
  // A link that names only the page's own figures gets no notice.
  await w.page.goto(`${origin}${base}lessons/conclusion/?own.vs=relu&q=x`, {
    waitUntil: 'networkidle',
  });
  expect(await notice.count()).toBe(0);
  expect(w.errors).toEqual([]);
  await w.close();
});
