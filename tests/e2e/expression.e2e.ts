/**
 * The notebook cell in a real browser: typing redraws f and f'; a syntax error shows its message
 * and a caret and keeps the last valid plot; a reload restores the text (valid or not) from the
 * URL; parameters get sliders; the link to the playground trains the expression (loss falls);
 * a bad expression in a playground link falls back to tanh with a notice.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openPage, type WatchedPage } from './browser.ts';

const origin = inject('origin');
const base = inject('base');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the notebook page (with an optional query) and waits until the cell is live. */
async function liveCell(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${origin}${base}notebook/${query}`, { waitUntil: 'networkidle' });
  const cell = page.locator('af-expression-cell');
  await cell.scrollIntoViewIfNeeded();
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

  test('typing an expression redraws f and f\' and the formula', async () => {
    const cell = await liveCell(w.page);
    const before = await plotOf(cell);
    await cell.locator('[data-control="expr"]').fill('max(0.1 * x, x)');
    await expect.poll(() => shown(cell)).toBe('max(0.1 * x, x)');
    expect(await plotOf(cell)).not.toBe(before);
    // f' is drawn dashed (Plot puts the dash pattern on the mark's group).
    expect(await cell.locator('.plot svg [stroke-dasharray="5,4"] path').count()).toBeGreaterThan(0);
    await expect.poll(() => cell.locator('[data-formula]').innerText()).toContain('max');
    await expect.poll(() => new URL(w.page.url()).searchParams.get('expr.f')).toBe('max(0.1 * x, x)');
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
    await expect.poll(() => new URL(w.page.url()).searchParams.get('expr.f')).toBe('x * tanh(softplus(x)');
    await w.page.reload({ waitUntil: 'networkidle' });
    const again = w.page.locator('af-expression-cell');
    await again.scrollIntoViewIfNeeded();
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
    expect(await cell.locator('[data-action="train"]').getAttribute('href')).toContain('train.exprp=beta%3A2.5');
  });
});

describe('the playground trains a custom expression', () => {
  let w: WatchedPage;
  beforeAll(async () => {
    w = await openPage(browser, origin);
  });
  afterAll(async () => {
    expect(w.errors).toEqual([]);
    await w.close();
  });

  test('the link from the cell trains it: the loss falls', async () => {
    const cell = await liveCell(w.page, '?expr.f=x*tanh(softplus(x))');
    await expect.poll(() => shown(cell)).toBe('x*tanh(softplus(x))');
    await cell.locator('[data-action="train"]').click();
    await w.page.waitForURL(/playground/);
    expect(new URL(w.page.url()).searchParams.get('train.expr')).toBe('x*tanh(softplus(x))');
    const fig = w.page.locator('#fig-playground');
    await fig.scrollIntoViewIfNeeded();
    await fig.locator('af-playground[data-live="true"]').waitFor({ timeout: 20_000 });
    expect(await fig.locator('[data-out="url-notice"]').isHidden()).toBe(true);
    expect(await fig.locator('select[data-param="act"]').inputValue()).toBe('custom');
    expect(await fig.locator('input[data-param="expr"]').inputValue()).toBe('x*tanh(softplus(x))');
    expect(await fig.locator('input[data-param="expr"]').isVisible()).toBe(true);
    const loss = async (): Promise<number> => Number(await fig.locator('[data-out="train-loss"][data-run="0"]').innerText());
    const epoch = async (): Promise<number> => Number(await fig.locator('[data-out="epoch"]').innerText());
    await fig.locator('[data-action="step"]').click();
    await expect.poll(epoch).toBeGreaterThanOrEqual(1);
    const before = await loss();
    await fig.locator('[data-action="play"]').click();
    await expect.poll(epoch, { timeout: 20_000 }).toBeGreaterThanOrEqual(40);
    await fig.locator('[data-action="pause"]').click();
    expect(await loss()).toBeLessThan(before);
  });

  test('a bad expression in a playground link falls back to tanh with a notice', async () => {
    await w.page.goto(`${origin}${base}playground/?train.act=custom&train.expr=x%20*%20(1`, { waitUntil: 'networkidle' });
    const fig = w.page.locator('#fig-playground');
    await fig.scrollIntoViewIfNeeded();
    await fig.locator('af-playground[data-live="true"]').waitFor({ timeout: 20_000 });
    const notice = fig.locator('[data-out="url-notice"]');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.innerText()).toMatch(/custom activation .*using tanh/);
    expect(await fig.locator('select[data-param="act"]').inputValue()).toBe('tanh');
  });
});
