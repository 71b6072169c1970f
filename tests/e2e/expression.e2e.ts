/**
 * The notebook cell in a real browser: typing redraws f and f'; a syntax error shows its message
 * and a caret and keeps the last valid plot; a reload restores the text (valid or not) from the
 * URL; parameters get sliders; the link to the playground trains the expression (loss falls);
 * a bad expression in a playground link falls back to tanh with a notice. Sharing the cell: a
 * copied link reproduces the expression and its settings in a fresh page, the embed pages (the
 * notebook's and the conclusion's) restore their query and post their height from an iframe, and
 * the CSV download holds the expression's values.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { parseHTML } from 'linkedom';
import {
  useBrowser,
  useWatchedPage,
  openPage,
  type WatchedPage,
  scrollToCentre,
} from '../support/browser.ts';
import { formulaGlyphCount, undeclaredFormulaFaces } from './formula-faces.ts';

const origin = inject('origin');
const base = inject('base');
const browser = useBrowser();

/** Opens the notebook page (with an optional query) and waits until the cell is live. */
async function liveCell(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${origin}${base}notebook/${query}`, { waitUntil: 'networkidle' });
  const cell = page.locator('af-expression-cell');
  await scrollToCentre(cell);
  await page.locator('af-expression-cell[data-live="true"]').waitFor({ timeout: 20_000 });
  return cell;
}

const plotOf = (cell: Locator): Promise<string> => cell.locator('.plot').innerHTML();
const shown = (cell: Locator): Promise<string | null> => cell.getAttribute('data-shown');

describe('/notebook/', () => {
  let w: WatchedPage;
  beforeAll(async () => {
    w = await openPage(browser, origin);
  });
  afterAll(async () => {
    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.close();
  });

  test("typing an expression redraws f and f' and the formula", async () => {
    const cell = await liveCell(w.page);
    const before = await plotOf(cell);
    await cell.locator('[data-control="expr"]').fill('max(0.1 * x, x)');
    await expect.poll(() => shown(cell)).toBe('max(0.1 * x, x)');
    expect(await plotOf(cell)).not.toBe(before);
    // f' is drawn dashed (Plot puts the dash pattern on the mark's group).
    expect(await cell.locator('.plot svg [stroke-dasharray="5,4"] path').count()).toBeGreaterThan(
      0,
    );
    await expect.poll(() => cell.locator('[data-formula]').innerText()).toContain('max');
    await expect
      .poll(() => new URL(w.page.url()).searchParams.get('expr.f'))
      .toBe('max(0.1 * x, x)');
  });

  test('a formula typeset in the browser asks only for declared faces (a long parameter name is in Main italic)', async () => {
    const cell = await liveCell(w.page);
    await cell.locator('[data-control="expr"]').fill('slope * x / (1 + exp(-beta * x))^2');
    await expect.poll(() => shown(cell)).toBe('slope * x / (1 + exp(-beta * x))^2');
    await expect.poll(() => cell.locator('[data-formula]').innerText()).toContain('slope');
    expect(await formulaGlyphCount(w.page, 'af-expression-cell')).toBeGreaterThan(5);
    expect(await undeclaredFormulaFaces(w.page, 'af-expression-cell')).toEqual([]);
  });

  test('a syntax error shows the message and a caret and keeps the last valid plot', async () => {
    const cell = await liveCell(w.page, '?expr.f=x*tanh(x)');
    const input = cell.locator('[data-control="expr"]');
    await expect.poll(() => shown(cell)).toBe('x*tanh(x)');
    const good = await plotOf(cell);
    await input.fill('x * (1 + ');
    const message = cell.locator('[data-error]');
    await message.waitFor({ state: 'visible' });
    expect(await message.innerText()).toMatch(/expected a number, x, a name or '\(' at column 10/i);
    expect(await cell.locator('[data-snippet]').innerText()).toContain('^');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await shown(cell)).toBe('x*tanh(x)');
    expect(await plotOf(cell)).toBe(good);
    // Fixing it clears the error.
    await input.fill('x * (1 + x)');
    await message.waitFor({ state: 'hidden' });
    expect(await input.getAttribute('aria-invalid')).toBe('false');
  });

  test('a reload restores the text from the URL, even when it does not parse', async () => {
    const cell = await liveCell(w.page);
    await cell.locator('[data-control="expr"]').fill('x * tanh(softplus(x)');
    await expect
      .poll(() => new URL(w.page.url()).searchParams.get('expr.f'))
      .toBe('x * tanh(softplus(x)');
    await w.page.reload({ waitUntil: 'networkidle' });
    const again = w.page.locator('af-expression-cell');
    await scrollToCentre(again);
    await w.page.locator('af-expression-cell[data-live="true"]').waitFor();
    expect(await again.locator('[data-control="expr"]').inputValue()).toBe('x * tanh(softplus(x)');
    expect(await again.locator('[data-error]').innerText()).toMatch(/expected '\)' at column 21/i);
    // Nothing valid was typed before the reload: the default is plotted.
    expect(await shown(again)).toBe('x * sigmoid(1.702 * x)');
  });

  test('named parameters get sliders whose values go into the URL', async () => {
    const cell = await liveCell(w.page, '?expr.f=x*sigmoid(beta*x)');
    const slider = cell.locator('input[data-param="beta"]');
    await slider.waitFor();
    await slider.fill('2.5');
    await expect.poll(() => new URL(w.page.url()).searchParams.get('expr.p')).toBe('beta:2.5');
    expect(await cell.locator('[data-action="train"]').getAttribute('href')).toContain(
      'train.exprp=beta%3A2.5',
    );
  });
});

describe('the playground trains a custom expression', () => {
  const w = useWatchedPage(browser, origin);

  test('the link from the cell trains it: the loss falls', async () => {
    const cell = await liveCell(w.page, '?expr.f=x*tanh(softplus(x))');
    await expect.poll(() => shown(cell)).toBe('x*tanh(softplus(x))');
    await cell.locator('[data-action="train"]').click();
    await w.page.waitForURL(/playground/);
    expect(new URL(w.page.url()).searchParams.get('train.expr')).toBe('x*tanh(softplus(x))');
    const fig = w.page.locator('#fig-playground');
    await scrollToCentre(fig);
    await fig.locator('af-playground[data-live="true"]').waitFor({ timeout: 20_000 });
    expect(await fig.locator('[data-out="url-notice"]').isHidden()).toBe(true);
    expect(await fig.locator('select[data-param="act"]').inputValue()).toBe('custom');
    expect(await fig.locator('input[data-param="expr"]').inputValue()).toBe('x*tanh(softplus(x))');
    expect(await fig.locator('input[data-param="expr"]').isVisible()).toBe(true);
    const loss = async (): Promise<number> =>
      Number(await fig.locator('[data-out="train-loss"][data-run="0"]').innerText());
    const epoch = async (): Promise<number> =>
      Number(await fig.locator('[data-out="epoch"]').innerText());
    await fig.locator('[data-action="step"]').click();
    await expect.poll(epoch).toBeGreaterThanOrEqual(1);
    const before = await loss();
    await fig.locator('[data-action="play"]').click();
    await expect.poll(epoch, { timeout: 20_000 }).toBeGreaterThanOrEqual(40);
    await fig.locator('[data-action="pause"]').click();
    expect(await loss()).toBeLessThan(before);
  });

  test('a bad expression in a playground link falls back to tanh with a notice', async () => {
    await w.page.goto(`${origin}${base}playground/?train.act=custom&train.expr=x%20*%20(1`, {
      waitUntil: 'networkidle',
    });
    const fig = w.page.locator('#fig-playground');
    await scrollToCentre(fig);
    await fig.locator('af-playground[data-live="true"]').waitFor({ timeout: 20_000 });
    const notice = fig.locator('[data-out="url-notice"]');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.innerText()).toMatch(/custom activation .*using tanh/);
    expect(await fig.locator('select[data-param="act"]').inputValue()).toBe('tanh');
  });
});

describe('sharing the cell', () => {
  test('a copied link reproduces the expression, its parameter and its comparison in a fresh page', async () => {
    const w = await openPage(browser, origin, {
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const cell = await liveCell(w.page);
    await cell.locator('[data-control="expr"]').fill('x * sigmoid(beta * x)');
    const slider = cell.locator('input[data-param="beta"]');
    await slider.waitFor();
    await slider.fill('2.5');
    await cell.locator('[data-control="compare"]').selectOption('gelu');
    await cell.locator('[data-control="range"]').selectOption('4');
    const figure = w.page.locator('#fig-expr');
    await expect.poll(() => new URL(w.page.url()).searchParams.get('expr.r')).toBe('4');
    await figure.getByRole('button', { name: 'Copy link' }).click();
    await expect
      .poll(() => figure.locator('[data-toolbar-status]').innerText())
      .toContain('copied');
    const link = new URL(await w.page.evaluate(() => navigator.clipboard.readText()));
    expect(link.pathname).toBe(`${base}notebook/`);
    expect(link.hash).toBe('#fig-expr');
    expect(Object.fromEntries(link.searchParams)).toEqual({
      'expr.f': 'x * sigmoid(beta * x)',
      'expr.p': 'beta:2.5',
      'expr.vs': 'gelu',
      'expr.r': '4',
    });

    const fresh = await openPage(browser, origin);
    await fresh.page.goto(link.href, { waitUntil: 'networkidle' });
    const again = fresh.page.locator('af-expression-cell');
    await scrollToCentre(again);
    await fresh.page.locator('af-expression-cell[data-live="true"]').waitFor({ timeout: 20_000 });
    expect(await again.locator('[data-control="expr"]').inputValue()).toBe('x * sigmoid(beta * x)');
    expect(await shown(again)).toBe('x * sigmoid(beta * x)');
    expect(await again.locator('input[data-param="beta"]').inputValue()).toBe('2.5');
    expect(await again.locator('[data-control="compare"]').inputValue()).toBe('gelu');
    expect(await again.locator('[data-control="range"]').inputValue()).toBe('4');
    expect(await fresh.page.locator('#fig-expr [data-url-notice]').isHidden()).toBe(true);
    expect(fresh.errors).toEqual([]);
    expect(w.errors).toEqual([]);
    await fresh.close();
    await w.close();
  });

  test('a bad setting in a link shows a notice; unparsable text stays with its error', async () => {
    const w = await openPage(browser, origin);
    const cell = await liveCell(w.page, '?expr.f=x*(1%2B&expr.vs=nope');
    const notice = w.page.locator('#fig-expr [data-url-notice]');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.innerText()).toContain('expr.vs=nope');
    expect(await cell.locator('[data-control="expr"]').inputValue()).toBe('x*(1+');
    expect(await cell.locator('[data-error]').isVisible()).toBe(true);
    expect(await shown(cell)).toBe('x * sigmoid(1.702 * x)');
    expect(w.errors).toEqual([]);
    await w.close();
  });

  test("the embed code points at the cell's embed page with its state", async () => {
    const w = await openPage(browser, origin, {
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await liveCell(w.page, '?expr.f=x*sigmoid(x)');
    const figure = w.page.locator('#fig-expr');
    await figure.getByRole('button', { name: 'Copy embed code' }).click();
    await expect
      .poll(() => figure.locator('[data-toolbar-status]').innerText())
      .toContain('copied');
    const code = await w.page.evaluate(() => navigator.clipboard.readText());
    const iframe = parseHTML(`<div>${code}</div>`).document.querySelector('iframe');
    expect(iframe?.getAttribute('src')).toBe(`${origin}${base}embed/expr/?expr.f=x*sigmoid%28x%29`);
    expect(iframe?.getAttribute('title')).toContain('Your own activation');
    await w.close();
  });

  test.each([
    { id: 'expr', query: 'expr.f=x*sigmoid(x)', text: 'x*sigmoid(x)', home: 'notebook/' },
    {
      id: 'conclusion-cell',
      query: 'own.f=log1p(exp(x))&own.vs=relu',
      text: 'log1p(exp(x))',
      home: 'lessons/conclusion/',
    },
  ])(
    'the embed page $id in an iframe restores its query and posts its height',
    async ({ id, query, text, home }) => {
      const w = await openPage(browser, origin);
      const host = `${origin}${base}__test-host.html`;
      await w.page.route(host, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><title>host</title><script>window.heights=[];addEventListener('message',function(e){window.heights.push(e.data)})</script><iframe src="${origin}${base}embed/${id}/?${query}" title="embed" width="640" height="300" style="border:0"></iframe>`,
        }),
      );
      await w.page.goto(host, { waitUntil: 'networkidle' });
      type Height = { type: string; id: string; height: number };
      const heights = (): Promise<Height[]> =>
        w.page.evaluate(() => (window as unknown as { heights: Height[] }).heights);
      await expect
        .poll(heights, { timeout: 15_000 })
        .toContainEqual(expect.objectContaining({ type: 'activation-notebook:height', id }));
      expect((await heights()).at(-1)?.height).toBeGreaterThan(300);
      const frame = w.page.frameLocator('iframe');
      await frame.locator('af-expression-cell[data-live="true"]').waitFor({ timeout: 20_000 });
      await expect
        .poll(() => frame.locator('af-expression-cell').getAttribute('data-shown'))
        .toBe(text);
      expect(await frame.locator('[data-control="expr"]').inputValue()).toBe(text);
      expect(await frame.locator('header, nav.lesson-sidebar, footer').count()).toBe(0);
      const back = frame.getByRole('link', { name: 'Open in Activation Notebook' });
      expect(await back.getAttribute('href')).toBe(`${base}${home}#fig-${id}`);
      // The playground opens in a tab, not inside the host's iframe.
      expect(await frame.locator('[data-action="train"]').getAttribute('target')).toBe('_blank');
      expect(w.errors).toEqual([]);
      await w.close();
    },
  );

  test('the embed page reads without JavaScript: the default expression, plotted at build time', async () => {
    const w = await openPage(browser, origin, { javaScriptEnabled: false });
    await w.page.goto(`${origin}${base}embed/expr/`);
    expect(await w.page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
    expect(await w.page.locator('figure .plot svg').count()).toBe(1);
    expect(await w.page.locator('[data-formula] .katex').count()).toBe(1);
    expect(await w.page.locator('af-widget-toolbar').isHidden()).toBe(true);
    await w.close();
  });

  test("the CSV download holds x, the expression's f and f', and the compared built-in", async () => {
    const w = await openPage(browser, origin);
    await liveCell(w.page, '?expr.f=x*sigmoid(beta*x)&expr.p=beta:2&expr.vs=relu&expr.r=4');
    const figure = w.page.locator('#fig-expr');
    const [file] = await Promise.all([
      w.page.waitForEvent('download'),
      figure.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(file.suggestedFilename()).toBe('expr.csv');
    const lines = readFileSync(await file.path(), 'utf8')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe("x,f(x) = x*sigmoid(beta*x),f'(x),ReLU f(x),ReLU f'(x)");
    expect(lines).toHaveLength(402);
    for (const line of [lines[1], lines[150], lines[401]]) {
      const [x, f, df, relu, drelu] = (line ?? '').split(',').map(Number) as [
        number,
        number,
        number,
        number,
        number,
      ];
      const s = 1 / (1 + Math.exp(-2 * x));
      expect(f).toBeCloseTo(x * s, 12);
      expect(df).toBeCloseTo(s + 2 * x * s * (1 - s), 12);
      expect(relu).toBe(Math.max(0, x));
      expect(drelu).toBe(x > 0 ? 1 : 0);
    }
    expect(lines[1]?.startsWith('-4,')).toBe(true);

    const [svg] = await Promise.all([
      w.page.waitForEvent('download'),
      figure.getByRole('button', { name: 'Download SVG' }).click(),
    ]);
    expect(svg.suggestedFilename()).toBe('expr.svg');
    expect(readFileSync(await svg.path(), 'utf8')).not.toContain('var(--');
    const [png] = await Promise.all([
      w.page.waitForEvent('download'),
      figure.getByRole('button', { name: 'Download PNG' }).click(),
    ]);
    expect(
      readFileSync(await png.path())
        .subarray(1, 4)
        .toString('latin1'),
    ).toBe('PNG');
    expect(w.errors).toEqual([]);
    await w.close();
  });
});
