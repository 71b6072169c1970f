/**
 * Widgets in a real browser, on every page that has them: each becomes live when scrolled to,
 * every slider and picker changes its plot, the explorer's cursor reads the module's exact
 * values, the cost benchmark runs in a worker, and the theme toggle restyles the charts.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { getActivation } from '../../src/lib/activations/index.ts';
import type { ActivationId } from '../../src/lib/activations/types.ts';
import { useBrowser, openPage, type WatchedPage, scrollToCentre } from '../support/browser.ts';
import { builtPages, distDir } from './site-pages.ts';
import { readFileSync } from 'node:fs';

const origin = inject('origin');
const base = inject('base');
const liveTags = [
  'af-activation-plot',
  'af-explorer',
  'af-compare',
  'af-chain-rule',
  'af-tanh-identity',
  'af-float-pitfalls',
  'af-cost-bench',
];
const pagesWithWidgets = builtPages().filter((p) => {
  const html = readFileSync(`${distDir}/${p}index.html`, 'utf8');
  return liveTags.some((t) => html.includes(`<${t}`));
});
const browser = useBrowser();

async function goLive(page: Page, figure: Locator): Promise<void> {
  // A figure in a collapsed aside (<details>) goes live when the reader opens it.
  await figure.evaluate((el) => {
    for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null)
      d.open = true;
  });
  await scrollToCentre(figure);
  await figure
    .locator('[data-live="true"]')
    .or(figure.and(page.locator('[data-live="true"]')))
    .first()
    .waitFor({ timeout: 15_000 });
}

async function svgOf(figure: Locator): Promise<string> {
  return figure.locator('.plot').first().innerHTML();
}

async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
}

test('some pages have widgets', () => {
  expect(pagesWithWidgets.length).toBeGreaterThan(0);
});

describe.each(pagesWithWidgets)('widgets on /%s', (path) => {
  let w: WatchedPage;
  beforeAll(async () => {
    w = await openPage(browser, origin);
    await w.page.goto(`${origin}${base}${path}`, { waitUntil: 'networkidle' });
  });
  afterAll(async () => {
    expect(w.errors).toEqual([]);
    await w.close();
  });

  test('every slider and picker redraws its plot', async () => {
    const figures = w.page.locator('figure.widget');
    const count = await figures.count();
    for (let i = 0; i < count; i++) {
      const figure = figures.nth(i);
      await goLive(w.page, figure);
      const controls = figure.locator(
        '[data-controls] input[type="range"], [data-controls] select',
      );
      const n = await controls.count();
      for (let j = 0; j < n; j++) {
        const control = controls.nth(j);
        const before = await svgOf(figure);
        const tag = await control.evaluate((el) => el.tagName);
        if (tag === 'SELECT') {
          const values = await control
            .locator('option')
            .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
          const current = await control.inputValue();
          await control.selectOption(values.find((v) => v !== current) ?? current);
        } else {
          await control.evaluate((el) => {
            const input = el as HTMLInputElement;
            const lo = Number(input.min);
            const hi = Number(input.max);
            input.value = String(Number(input.value) === hi ? lo : hi);
            input.dispatchEvent(new Event('input', { bubbles: true }));
          });
        }
        await nextFrames(w.page);
        const label = await control.evaluate(
          (el) => el.closest('label')?.textContent?.trim() ?? el.outerHTML,
        );
        expect(await svgOf(figure), `${label} in figure ${i}`).not.toBe(before);
      }
    }
  });

  test('the explorer cursor reads the module values exactly', async () => {
    const explorers = w.page.locator('af-explorer');
    for (let i = 0; i < (await explorers.count()); i++) {
      const ex = explorers.nth(i);
      await goLive(w.page, ex);
      const state = JSON.parse((await ex.getAttribute('data-state')) ?? '{}') as {
        activation: ActivationId;
      };
      const plot = ex.locator('.plot');
      await plot.focus();
      await w.page.keyboard.press('ArrowRight');
      await w.page.keyboard.press('ArrowRight');
      await nextFrames(w.page);
      const params = await ex
        .locator('input[data-param]')
        .evaluateAll((els) =>
          Object.fromEntries(
            els.map((e) => [
              (e as HTMLInputElement).dataset.param,
              Number((e as HTMLInputElement).value),
            ]),
          ),
        );
      const x = Number(await ex.locator('[data-readout="x"]').innerText());
      const a = getActivation(state.activation);
      expect(await ex.locator('[data-readout="f"]').innerText()).toBe(String(a.f(x, params)));
      expect(await ex.locator('[data-readout="df"]').innerText()).toBe(String(a.df(x, params)));
      expect(await plot.getAttribute('aria-valuenow')).toBe(String(x));
    }
  });

  test('the cost benchmark measures in a worker', async () => {
    const bench = w.page.locator('af-cost-bench');
    if ((await bench.count()) === 0) return;
    await goLive(w.page, bench.first());
    await bench.locator('[data-action="run"]').click();
    await bench.and(w.page.locator('[data-measured="true"]')).waitFor({ timeout: 60_000 });
    expect(await bench.locator('[data-out="status"]').innerText()).toMatch(
      /^Measured on this device: ReLU [\d.]+ ns per element; Sigmoid [\d.]+× ReLU tuned, [\d.]+× as the textbook 1 \/ \(1 \+ Math\.exp\(-x\)\); Tanh /,
    );
    // Each textbook loop sits right under its tuned kernel, in the table as in the chart.
    const rows = await bench
      .locator('[data-out="rows"] tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
    const sigmoid = rows.findIndex((r) => r[0] === 'Sigmoid');
    expect(rows[sigmoid + 1]?.slice(0, 2)).toEqual(['Sigmoid, textbook', '1 / (1 + Math.exp(-x))']);
    expect(rows.filter((r) => r[0]?.endsWith(', textbook'))).toHaveLength(8);
    expect(await bench.locator('.plot svg').innerHTML()).toContain('Tanh, textbook');
    // The checkbox times f' instead of f, and the status says so.
    await bench.locator('[data-control="derivative"]').check();
    await bench.evaluate((el) => delete (el as HTMLElement).dataset.measured);
    await bench.locator('[data-action="run"]').click();
    await bench.and(w.page.locator('[data-measured="true"]')).waitFor({ timeout: 60_000 });
    expect(await bench.locator('[data-out="status"]').innerText()).toMatch(
      /^Measured on this device, timing f′: ReLU /,
    );
  });
});

test('the chain rule grows with w = 8, b = -4 and bounded outputs, and its weight slider brings it back down', async () => {
  const w = await openPage(browser, origin);
  const query =
    'sigmoid-chain.weight=8&sigmoid-chain.bias=-4&sigmoid-chain.mean=0.5&sigmoid-chain.spread=0';
  await w.page.goto(`${origin}${base}lessons/sigmoid/?${query}#fig-sigmoid-chain`, {
    waitUntil: 'networkidle',
  });
  const fig = w.page.locator('af-chain-rule');
  await goLive(w.page, fig);
  const read = (id: string) => fig.locator(`[data-readout="${id}"]`).innerText();
  // Ten layers of 8 · σ'(0) = 2, of 8 · tanh'(0) = 8; ReLU sits on its corner, where its slope is 0.
  expect(await read('sigmoid')).toBe((2 ** 10).toExponential(3));
  expect(await read('tanh')).toBe((8 ** 10).toExponential(3));
  expect(await read('relu')).toBe('0 (path blocked)');
  expect(await read('bound')).toBe((2 ** 10).toExponential(3));
  expect(await fig.locator('[data-out="weight"]').innerText()).toBe('8.0');
  // The log axis reaches above tanh's 8^10 ≈ 1.1e9 instead of cutting it at the top.
  const powers = (await fig.locator('.plot svg text').allTextContents())
    .filter((t) => /^1e-?\d+$/.test(t))
    .map((t) => Number(t.slice(2)));
  expect(Math.max(...powers)).toBeGreaterThanOrEqual(10);
  await fig.locator('[data-control="weight"]').evaluate((el) => {
    const input = el as HTMLInputElement;
    input.value = '1';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await nextFrames(w.page);
  expect(Number(await read('sigmoid'))).toBeLessThan(Math.pow(4, -10));
  expect(w.errors).toEqual([]);
  await w.close();
});

test('the theme toggle switches the charts to dark colours', async () => {
  // A page with the site header: embed pages have no theme toggle (they follow the reader's scheme).
  const path = pagesWithWidgets.find((p) => !p.startsWith('embed/')) ?? '';
  const w = await openPage(browser, origin, { colorScheme: 'light' });
  await w.page.goto(`${origin}${base}${path}`, { waitUntil: 'networkidle' });
  const strokeOfFirstCurve = () =>
    w.page.evaluate(() => {
      const el = document.querySelector('figure.af-figure svg [stroke^="var(--curve-1"]');
      return el ? getComputedStyle(el).stroke : null;
    });
  expect(await strokeOfFirstCurve()).toBe('rgb(31, 111, 208)');
  await w.page.locator('[data-theme-toggle]').click();
  expect(await w.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  expect(await strokeOfFirstCurve()).toBe('rgb(136, 168, 248)');
  await w.page.reload({ waitUntil: 'networkidle' });
  expect(await w.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  await w.close();
});

test("a figure's code view shows the real source of the function it plots", async () => {
  const w = await openPage(browser, origin);
  await w.page.goto(`${origin}${base}lessons/sigmoid/`, { waitUntil: 'networkidle' });
  const view = w.page
    .locator('af-explorer')
    .first()
    .locator('xpath=ancestor::figure')
    .locator('details[data-source-view]');
  await view.locator('summary').click();
  await view.and(w.page.locator('[data-filled="true"]')).waitFor();
  const code = await view.locator('pre').first().innerText();
  expect(code).toContain("id: 'sigmoid'");
  // the mathematics: the scalar f and f' the figure samples, and the formulas it typesets
  expect(code).toContain('export function sigmoidSlope');
  expect(code).toContain('latex:');
  // the vectorised kernels are in their own file (kernels/), not in the record a reader studies
  expect(code).not.toContain('fInto');
  expect(w.errors).toEqual([]);
  await w.close();
});
