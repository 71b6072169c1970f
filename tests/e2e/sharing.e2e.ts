/**
 * Links, embeds and exports in a real browser: a copied link reproduces the figure in a fresh
 * page, a bad parameter shows a notice, an embed page posts its height from inside an iframe and
 * reads without JavaScript, the SVG/PNG/CSV downloads are real files (the SVG standalone, with
 * no CSS variable left in it), and a trained network exported as JSON loads back and trains on.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { parseHTML } from 'linkedom';
import { useBrowser, openPage, type WatchedPage, scrollToCentre } from '../support/browser.ts';

const origin = inject('origin');
const base = inject('base');
const lesson = `${origin}${base}lessons/relu/`;
const browser = useBrowser();

async function goLive(figure: Locator): Promise<void> {
  await scrollToCentre(figure);
  await figure.locator('[data-live="true"]').first().waitFor({ timeout: 15_000 });
}

/** A page whose clipboard the test can read back. */
function clipboardPage(): Promise<WatchedPage> {
  return openPage(browser, origin, { permissions: ['clipboard-read', 'clipboard-write'] });
}

async function clipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Clicks a toolbar button and returns the downloaded file's name and bytes. */
async function download(page: Page, button: Locator): Promise<{ name: string; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), body: readFileSync(path) };
}

describe('links that reproduce a figure', () => {
  test('a copied link restores the figure in a fresh page, scrolled to it', async () => {
    const w = await clipboardPage();
    await w.page.goto(lesson, { waitUntil: 'networkidle' });
    const figure = w.page.locator('#fig-relu-explorer');
    await goLive(figure);
    const entries = await w.page.evaluate(() => history.length);
    await figure.locator('[data-control="zoom"]').selectOption('8');
    await figure.locator('.plot').focus();
    for (let i = 0; i < 3; i++) await w.page.keyboard.press('ArrowRight');
    // Three steps of a fiftieth of the range (8) from the cursor's start at 1.
    await expect.poll(() => figure.locator('[data-readout="x"]').innerText()).toBe('1.44');
    const x = '1.44';
    await figure.getByRole('button', { name: 'Copy link' }).click();
    await expect
      .poll(() => figure.locator('[data-toolbar-status]').innerText())
      .toContain('copied');
    const link = await clipboard(w.page);
    const url = new URL(link);
    expect(url.pathname).toBe(`${base}lessons/relu/`);
    expect(url.hash).toBe('#fig-relu-explorer');
    expect(url.searchParams.get('relu-explorer.range')).toBe('8');
    expect([...url.searchParams.keys()].every((k) => k.startsWith('relu-explorer.'))).toBe(true);
    // The address bar follows too (debounced replaceState), without a new history entry.
    await expect
      .poll(() => w.page.evaluate(() => location.search))
      .toContain('relu-explorer.range=8');
    expect(await w.page.evaluate(() => history.length)).toBe(entries);

    const fresh = await openPage(browser, origin);
    await fresh.page.goto(link, { waitUntil: 'networkidle' });
    const again = fresh.page.locator('#fig-relu-explorer');
    await again.locator('[data-live="true"]').waitFor({ timeout: 15_000 });
    expect(await again.locator('[data-control="zoom"]').inputValue()).toBe('8');
    expect(await again.locator('[data-readout="x"]').innerText()).toBe(x);
    const box = await again.boundingBox();
    expect(box && box.y < 900 && box.y + box.height > 0).toBe(true);
    expect(await again.locator('[data-url-notice]').isHidden()).toBe(true);
    expect(fresh.errors).toEqual([]);
    expect(w.errors).toEqual([]);
    await fresh.close();
    await w.close();
  });

  test('every widget kind restores its state from a link', async () => {
    const cases: {
      path: string;
      id: string;
      query: string;
      check: (f: Locator) => Promise<void>;
    }[] = [
      {
        path: 'lessons/sigmoid/',
        id: 'sigmoid-chain',
        query: 'sigmoid-chain.depth=25&sigmoid-chain.seed=7',
        check: async (f) => expect(await f.locator('[data-out="depth"]').innerText()).toBe('25'),
      },
      {
        path: 'lessons/tanh/',
        id: 'tanh-identity',
        query: 'tanh-identity.t=0.25&tanh-identity.range=8',
        check: async (f) => expect(await f.locator('[data-out="t"]').innerText()).toBe('0.25'),
      },
      {
        path: 'lessons/tanh/',
        id: 'tanh-float',
        query: 'tanh-float.pitfall=softplus-log',
        check: async (f) =>
          expect(await f.locator('[data-control="pitfall"]').inputValue()).toBe('softplus-log'),
      },
      {
        path: 'lessons/tanh/',
        id: 'tanh-vs-sigmoid',
        query: 'tanh-vs-sigmoid.ids=relu%2Celu&tanh-vs-sigmoid.mode=df',
        check: async (f) => {
          expect(await f.locator('[data-control="mode"]').inputValue()).toBe('df');
          expect(
            await f
              .locator('.picker input:checked')
              .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
          ).toEqual(['relu', 'elu']);
        },
      },
    ];
    const w = await openPage(browser, origin);
    for (const c of cases) {
      await w.page.goto(`${origin}${base}${c.path}?${c.query}#fig-${c.id}`, {
        waitUntil: 'networkidle',
      });
      const figure = w.page.locator(`#fig-${c.id}`);
      await goLive(figure);
      await c.check(figure);
      expect(await figure.locator('[data-url-notice]').isHidden()).toBe(true);
    }
    expect(w.errors).toEqual([]);
    await w.close();
  });

  test('a garbage parameter shows a notice and the figure keeps its default', async () => {
    const w = await openPage(browser, origin);
    await w.page.goto(
      `${lesson}?relu-explorer.cursor=banana&relu-explorer.nope=1#fig-relu-explorer`,
      { waitUntil: 'networkidle' },
    );
    const figure = w.page.locator('#fig-relu-explorer');
    await goLive(figure);
    const notice = figure.locator('[data-url-notice]');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.innerText()).toContain('relu-explorer.cursor=banana');
    expect(await notice.innerText()).toContain('relu-explorer.nope');
    expect(await figure.locator('[data-readout="x"]').innerText()).toBe('1');
    expect(w.errors).toEqual([]);
    await w.close();
  });

  test('without a clipboard, the link is shown selected in a field', async () => {
    const w = await openPage(browser, origin);
    await w.page.addInitScript(() =>
      Object.defineProperty(navigator, 'clipboard', { value: undefined }),
    );
    await w.page.goto(lesson, { waitUntil: 'networkidle' });
    const figure = w.page.locator('#fig-relu-explorer');
    await goLive(figure);
    await figure.getByRole('button', { name: 'Copy link' }).click();
    const field = figure.locator('[data-copy-field]');
    await field.waitFor({ state: 'visible' });
    expect(await field.inputValue()).toBe(`${lesson}#fig-relu-explorer`);
    expect(
      await field.evaluate((el) => {
        const t = el as HTMLTextAreaElement;
        return (
          document.activeElement === t &&
          t.selectionStart === 0 &&
          t.selectionEnd === t.value.length
        );
      }),
    ).toBe(true);
    await w.close();
  });
});

describe('embeds', () => {
  test('the embed code points at the embed page with the figure state', async () => {
    const w = await clipboardPage();
    await w.page.goto(`${lesson}?relu-explorer.range=16`, { waitUntil: 'networkidle' });
    const figure = w.page.locator('#fig-relu-explorer');
    await goLive(figure);
    await figure.getByRole('button', { name: 'Copy embed code' }).click();
    await expect
      .poll(() => figure.locator('[data-toolbar-status]').innerText())
      .toContain('copied');
    const code = await clipboard(w.page);
    const { document } = parseHTML(`<div>${code}</div>`);
    const iframe = document.querySelector('iframe');
    expect(iframe?.getAttribute('src')).toBe(
      `${origin}${base}embed/relu-explorer/?relu-explorer.range=16`,
    );
    expect(iframe?.getAttribute('loading')).toBe('lazy');
    expect(Number(iframe?.getAttribute('height'))).toBeGreaterThan(200);
    expect(iframe?.getAttribute('title')).toContain('ReLU');
    expect(code).toContain('activation-notebook:height');
    await w.close();
  });

  test('an embed page in an iframe restores its state and posts its height', async () => {
    const w = await openPage(browser, origin);
    const host = `${origin}${base}__test-host.html`;
    const src = `${origin}${base}embed/relu-explorer/?relu-explorer.range=16`;
    await w.page.route(host, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>host</title><script>window.heights=[];addEventListener('message',function(e){window.heights.push(e.data)})</script><p>Host page</p><iframe src="${src}" title="embed" width="600" height="300" style="border:0"></iframe>`,
      }),
    );
    await w.page.goto(host, { waitUntil: 'networkidle' });
    await expect
      .poll(
        () =>
          w.page.evaluate(
            () =>
              (window as unknown as { heights: { type: string; id: string; height: number }[] })
                .heights,
          ),
        { timeout: 15_000 },
      )
      .toContainEqual(
        expect.objectContaining({ type: 'activation-notebook:height', id: 'relu-explorer' }),
      );
    const heights = await w.page.evaluate(
      () => (window as unknown as { heights: { height: number }[] }).heights,
    );
    expect(heights.at(-1)?.height).toBeGreaterThan(300);
    const frame = w.page.frameLocator('iframe');
    await frame.locator('[data-live="true"]').waitFor({ timeout: 15_000 });
    expect(await frame.locator('[data-control="zoom"]').inputValue()).toBe('16');
    expect(await frame.locator('header, nav.lesson-sidebar, footer').count()).toBe(0);
    const back = frame.getByRole('link', { name: 'Open in Activation Notebook' });
    expect(await back.getAttribute('href')).toBe(`${base}lessons/relu/#fig-relu-explorer`);
    expect(w.errors).toEqual([]);
    await w.close();
  });

  test('an embed page reads without JavaScript and is kept out of search', async () => {
    const w = await openPage(browser, origin, { javaScriptEnabled: false });
    await w.page.goto(`${origin}${base}embed/sigmoid-chain/`);
    expect(await w.page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
    expect(await w.page.locator('figure svg').count()).toBeGreaterThan(0);
    expect(await w.page.locator('af-widget-toolbar').isHidden()).toBe(true);
    expect(await w.page.locator('main').innerText()).toContain('Open in Activation Notebook');
    await w.close();
    const sitemap = await (await fetch(`${origin}${base}sitemap.xml`)).text();
    expect(sitemap).not.toContain('/embed/');
  });

  test('every figure of the lessons and the playground has an embed page', async () => {
    for (const id of [
      'relu-explorer',
      'intro-three',
      'tanh-identity',
      'tanh-float',
      'sigmoid-chain',
      'conclusion-overlay',
      'demo-dead-relu',
      'conclusion-cell',
      'expr',
      'playground',
    ]) {
      expect((await fetch(`${origin}${base}embed/${id}/`)).status, id).toBe(200);
    }
  });
});

describe('exports', () => {
  test('SVG, PNG and CSV downloads of a figure', async () => {
    const w = await openPage(browser, origin, { colorScheme: 'dark' });
    await w.page.goto(`${lesson}?relu-explorer.range=8`, { waitUntil: 'networkidle' });
    const figure = w.page.locator('#fig-relu-explorer');
    await goLive(figure);

    const svg = await download(w.page, figure.getByRole('button', { name: 'Download SVG' }));
    expect(svg.name).toBe('relu-explorer.svg');
    const text = svg.body.toString('utf8');
    expect(text).not.toContain('var(--');
    expect(text).not.toMatch(/currentcolor/i);
    // It parses as SVG, and the curve carries the dark theme's real colour.
    const parsed = await w.page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
      const root = doc.documentElement;
      return {
        tag: root.localName,
        error: doc.querySelector('parsererror') !== null,
        width: root.getAttribute('width'),
      };
    }, text);
    expect(parsed).toEqual({ tag: 'svg', error: false, width: expect.stringMatching(/^\d+/) });
    expect(text).toContain('rgb(136, 168, 248)');

    const png = await download(w.page, figure.getByRole('button', { name: 'Download PNG' }));
    expect(png.name).toBe('relu-explorer.png');
    expect(png.body.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.body.readUInt32BE(16)).toBe(2 * Number(parsed.width));

    const csv = await download(w.page, figure.getByRole('button', { name: 'Download CSV' }));
    const lines = csv.body.toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe("x,ReLU f(x),ReLU f'(x)");
    expect(lines).toHaveLength(402);
    expect(lines[1]).toBe('-8,0,0');
    expect(w.errors).toEqual([]);
    await w.close();
  });

  test('the playground exports its loss history and a network that loads back and trains on', async () => {
    const w = await openPage(browser, origin);
    await w.page.goto(`${origin}${base}playground/?train.seed=3`, { waitUntil: 'networkidle' });
    const figure = w.page.locator('#fig-playground');
    await goLive(figure);
    const epoch = figure.locator('[data-out="epoch"]');
    for (let i = 0; i < 3; i++)
      await figure.getByRole('button', { name: 'Step one epoch' }).click();
    await expect.poll(() => epoch.innerText()).toBe('3');

    const csv = await download(w.page, figure.getByRole('button', { name: 'Download CSV' }));
    const rows = csv.body.toString('utf8').trim().split('\r\n');
    expect(rows[0]).toBe('epoch,train,test');
    expect(rows.at(-1)?.split(',')[0]).toBe('3');

    const saved = await download(
      w.page,
      figure.getByRole('button', { name: 'Export network (JSON)' }),
    );
    const json = JSON.parse(saved.body.toString('utf8')) as {
      format: string;
      config: { seed: number };
      networks: { epoch: number }[];
    };
    expect(json.format).toBe('activation-notebook/playground-network');
    expect(json.config.seed).toBe(3);
    expect(json.networks[0]?.epoch).toBe(3);

    // Start over with other settings, then load the file: settings, URL and epoch come back.
    await w.page.goto(`${origin}${base}playground/`, { waitUntil: 'networkidle' });
    await goLive(w.page.locator('#fig-playground'));
    const input = w.page.locator('#fig-playground [data-network="load"]');
    await input.setInputFiles({
      name: 'net.json',
      mimeType: 'application/json',
      buffer: saved.body,
    });
    const status = w.page.locator('#fig-playground [data-network-status]');
    await expect.poll(() => status.innerText()).toContain('Loaded net.json');
    await expect
      .poll(() => w.page.locator('#fig-playground [data-out="epoch"]').innerText())
      .toBe('3');
    expect(await w.page.evaluate(() => location.search)).toContain('train.seed=3');
    await w.page.locator('#fig-playground').getByRole('button', { name: 'Step one epoch' }).click();
    await expect
      .poll(() => w.page.locator('#fig-playground [data-out="epoch"]').innerText())
      .toBe('4');

    await input.setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"nope"}'),
    });
    await expect
      .poll(() => status.innerText())
      .toContain('not a network saved by Activation Notebook');
    expect(await w.page.locator('#fig-playground [data-out="epoch"]').innerText()).toBe('4');
    expect(w.errors).toEqual([]);
    await w.close();
  });
});
