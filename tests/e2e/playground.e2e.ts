/**
 * The training playground in a real browser: training lowers the loss, pause stops the epoch
 * counter, a URL replays the same run bit for bit, a diverging run stops with a message, bad URL
 * values are reported, controls write the URL, the lesson demos train and quote their claims'
 * committed results. The main thread while it trains is timed in playground-jank.e2e.ts, apart from
 * the other browser tests.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  useBrowser,
  useWatchedPage,
  openPage,
  type WatchedPage,
  scrollToCentre,
} from '../support/browser.ts';

const origin = inject('origin');
const base = inject('base');
const url = (query = ''): string => `${origin}${base}playground/${query}`;
const browser = useBrowser();

/** Opens a page, scrolls the first playground into view and waits until it is live. */
async function live(
  w: WatchedPage,
  address: string,
  selector = '#fig-playground',
): Promise<Locator> {
  await w.page.goto(address, { waitUntil: 'networkidle' });
  const fig = w.page.locator(selector);
  await scrollToCentre(fig);
  await fig.locator('af-playground[data-live="true"]').waitFor({ timeout: 20_000 });
  return fig;
}

const epochOf = async (fig: Locator): Promise<number> =>
  Number(await fig.locator('[data-out="epoch"]').innerText());
const readout = (fig: Locator, name: string, run = 0): Promise<string> =>
  fig.locator(`[data-out="${name}"][data-run="${run}"]`).innerText();

async function waitForEpoch(page: Page, fig: Locator, atLeast: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  while ((await epochOf(fig)) < atLeast) {
    if (Date.now() > deadline) throw new Error(`epoch stayed below ${atLeast}`);
    await page.waitForTimeout(50);
  }
}

/** Presses Step n times, each time waiting for the counter to move, and returns the readouts. */
async function stepN(page: Page, fig: Locator, n: number): Promise<string[]> {
  for (let k = 1; k <= n; k++) {
    await fig.locator('[data-action="step"]').click();
    await waitForEpoch(page, fig, k);
  }
  await page.waitForTimeout(100);
  return [
    await epochOf(fig),
    await readout(fig, 'train-loss'),
    await readout(fig, 'test-loss'),
    await readout(fig, 'accuracy'),
  ].map(String);
}

describe('/playground/', () => {
  const w = useWatchedPage(browser, origin);

  test('play lowers the loss and pause stops the epoch counter', async () => {
    const fig = await live(w, url());
    const before = Number(await readout(fig, 'train-loss'));
    // One step loads the drawing code and starts the worker; then every view opens and trains.
    await fig.locator('[data-action="step"]').click();
    await waitForEpoch(w.page, fig, 1);
    await fig
      .locator('details')
      .evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    await fig.locator('[data-action="play"]').click();
    await waitForEpoch(w.page, fig, 30);
    const after = Number(await readout(fig, 'train-loss'));
    expect(after).toBeLessThan(before);
    await fig.locator('[data-action="pause"]').click();
    await w.page.waitForTimeout(300);
    const paused = await epochOf(fig);
    await w.page.waitForTimeout(700);
    expect(await epochOf(fig)).toBe(paused);
    expect(await fig.locator('[data-view="histograms"] svg').count()).toBeGreaterThan(0);
    // The diagram: one map per hidden unit (two layers of six), painted on its one canvas.
    expect(
      await fig
        .locator('[data-neuron]')
        .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-neuron'))),
    ).toEqual([
      ...[0, 1, 2, 3, 4, 5].map((i) => `1:${i}`),
      ...[0, 1, 2, 3, 4, 5].map((i) => `2:${i}`),
    ]);
    const painted = await fig.locator('canvas.pg-net-maps').evaluate((c) => {
      const { data } = (c as HTMLCanvasElement)
        .getContext('2d')!
        .getImageData(0, 0, (c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height);
      let opaque = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) opaque++;
      return opaque;
    });
    expect(painted).toBeGreaterThan(12 * 400);
  });

  test('reloading the URL replays the same run exactly', async () => {
    const address = url('?train.seed=7&train.act=relu&train.data=xor');
    const fig = await live(w, address);
    const first = await stepN(w.page, fig, 5);
    await w.page.reload({ waitUntil: 'networkidle' });
    const again = w.page.locator('#fig-playground');
    await scrollToCentre(again);
    await again.locator('af-playground[data-live="true"]').waitFor();
    expect(await stepN(w.page, again, 5)).toEqual(first);
    expect(first[0]).toBe('5');
  });

  test('a diverging run pauses with a message and a one-click way out', async () => {
    const fig = await live(w, url('?train.lr=10'));
    await fig.locator('[data-action="play"]').click();
    const notice = fig.locator('[data-out="notice"]');
    await notice.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await notice.innerText()).toContain('diverged');
    expect(await fig.locator('[data-action="play"]').isDisabled()).toBe(true);
    await notice.locator('[data-action="defaults"]').click();
    await expect.poll(() => notice.isHidden()).toBe(true);
    expect(w.page.url()).not.toContain('train.lr');
    expect(await epochOf(fig)).toBe(0);
  });

  test('bad URL values fall back to defaults with a notice; controls write the URL and reset', async () => {
    const fig = await live(w, url('?train.act=nope&train.lr=abc&train.seed=3'));
    const notice = fig.locator('[data-out="url-notice"]');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.innerText()).toContain('train.act');
    expect(await fig.locator('[data-param="act"]').inputValue()).toBe('tanh');
    expect(await fig.locator('[data-param="seed"]').inputValue()).toBe('3');
    await fig.locator('[data-action="step"]').click();
    await waitForEpoch(w.page, fig, 1);
    await fig.locator('[data-param="act"]').selectOption('gelu');
    await expect.poll(() => w.page.url()).toContain('train.act=gelu');
    expect(await epochOf(fig)).toBe(0);
    // Keyboard: every control is reachable and Enter on a focused button acts.
    await fig.locator('[data-action="play"]').focus();
    await w.page.keyboard.press('Enter');
    await waitForEpoch(w.page, fig, 3);
    await fig.locator('[data-action="pause"]').click();
    const unlabelled = await fig
      .locator('select, input:not([type="hidden"])')
      .evaluateAll((els) => els.filter((e) => !e.closest('label')).length);
    expect(unlabelled).toBe(0);
  });

  test('clicking the boundary adds a training point of the chosen class, kept in the URL', async () => {
    const fig = await live(w, url('?train.seed=4'));
    await fig.locator('[data-add-class]').selectOption('0');
    const plot = fig.locator('[data-view="boundary"][data-run="0"]');
    const box = await plot.locator('svg').boundingBox();
    if (!box) throw new Error('no boundary plot');
    // The middle of the square plot is the origin of the plane.
    await plot.click({ position: { x: box.width / 2, y: box.height / 2 } });
    await expect.poll(() => w.page.url()).toContain('train.pts=');
    const value = await fig.locator('[data-param="pts"]').inputValue();
    const [x, y, c] = value.split(',').map(Number);
    expect(Math.abs(x ?? NaN)).toBeLessThan(0.1);
    expect(Math.abs(y ?? NaN)).toBeLessThan(0.1);
    expect(c).toBe(0);
    // A link carries the point: reload and it is still part of the run.
    const live2 = await live(w, w.page.url());
    expect(await live2.locator('[data-param="pts"]').inputValue()).toBe(value);
    expect(await live2.locator('[data-out="url-notice"]').isVisible()).toBe(false);
    await live2.locator('[data-action="clear-points"]').click();
    await expect.poll(() => w.page.url()).not.toContain('train.pts=');
  });
});

describe('/playground/ network, inputs and problems', () => {
  const w = useWatchedPage(browser, origin);

  test('the diagram adds neurons and layers, switches inputs, selects a neuron, and a reload rebuilds it from the URL', async () => {
    const fig = await live(w, url('?train.seed=2'));
    // A linked state is drawn at once: the diagram is rebuilt from the worker's first snapshot
    // (data-shape then names what it shows). A click that straddles a rebuild (mousedown on the
    // old node, mouseup on the new) is no click, as a CI run showed.
    await fig.locator('[data-view="network"][data-shape]').waitFor({ state: 'attached' });
    const neurons = fig.locator('[data-neuron]');
    expect(await neurons.count()).toBe(12);
    await fig.locator('[data-units="0:1"]').click();
    await expect.poll(() => w.page.url()).toContain('train.shape=7%2C6');
    await fig.locator('[data-action="step"]').click();
    await expect.poll(() => neurons.count()).toBe(13);
    await fig.locator('[data-layers="1"]').click();
    await expect.poll(() => w.page.url()).toContain('train.shape=7%2C6%2C6');
    // Rebuilt again for the new layer before the next click.
    await expect.poll(() => neurons.count()).toBe(19);
    await fig.locator('[data-feature="x1sq"]').click();
    await expect.poll(() => w.page.url()).toContain('train.feat=x1%2Cx2%2Cx1sq');
    await expect
      .poll(() => fig.locator('[data-feature="x1sq"]').getAttribute('aria-checked'))
      .toBe('true');
    expect(await neurons.count()).toBe(19);
    // Keyboard: focus reads a neuron's value; Enter selects it and shows its pre-activations.
    await fig.locator('[data-neuron="3:2"]').focus();
    await expect
      .poll(() => fig.locator('[data-out="net-hover"]').innerText())
      .toMatch(
        /^Hidden layer 3, neuron 3: output .* bias .*Incoming weights from hidden layer 2: #1 −?\d/,
      );
    await w.page.keyboard.press('Enter');
    await expect.poll(() => fig.locator('[data-view="unit"] svg').count()).toBeGreaterThan(0);
    expect(await fig.locator('[data-out="unit-state"]').innerText()).toMatch(
      /^Selected: hidden 3, neuron 3, (active|dead|inactive)/,
    );
    // Hovering a link reads its weight.
    const first = fig.locator('[data-feature="x1"]');
    const box = await first.boundingBox();
    if (!box) throw new Error('no input node');
    await w.page.mouse.move(box.x + box.width + 6, box.y + box.height / 2 + 1);
    await expect
      .poll(() => fig.locator('[data-out="net-hover"]').innerText())
      .toMatch(/^Weight from input x₁ to hidden 1, neuron \d+: −?\d/);
    expect(await fig.locator('.pg-link-hover').isVisible()).toBe(true);
    const again = await live(w, w.page.url());
    expect(await again.locator('[data-neuron]').count()).toBe(19);
    expect(await again.locator('[data-out="url-notice"]').isHidden()).toBe(true);
    expect(await again.locator('[data-param="shape"]').inputValue()).toBe('7,6,6');
    expect(w.errors).toEqual([]);
  });

  test('regression, the train/test ratio, show test data and discretise come from the URL and go back to it', async () => {
    const fig = await live(
      w,
      url(
        '?train.data=reg-gauss&train.ratio=50&train.showtest=no&train.discrete=yes&train.feat=x1%2Cx2%2Csinx1',
      ),
    );
    expect(await fig.locator('[data-out="url-notice"]').isHidden()).toBe(true);
    expect(await fig.locator('[data-problem]').inputValue()).toBe('regression');
    expect(await fig.locator('[data-param="showtest"]').isChecked()).toBe(false);
    expect(await fig.locator('[data-param="discrete"]').isChecked()).toBe(true);
    await stepN(w.page, fig, 2);
    // No classes, no accuracy: the row is hidden and its value is a dash.
    expect(await fig.locator('[data-out="accuracy"]').isHidden()).toBe(true);
    expect(await fig.locator('[data-out="accuracy"]').textContent()).toBe('— / —');
    expect(Number(await readout(fig, 'test-loss'))).toBeGreaterThan(0);
    await fig.locator('[data-param="showtest"]').check();
    await expect.poll(() => w.page.url()).not.toContain('train.showtest');
    await fig.locator('[data-problem]').selectOption('classification');
    await expect.poll(() => w.page.url()).not.toContain('train.data');
    expect(await fig.locator('[data-param="data"]').inputValue()).toBe('circle');
    // Bad values: defaults, and the notice names each.
    const bad = await live(w, url('?train.shape=0,99&train.feat=x9&train.ratio=5'));
    const notice = await bad.locator('[data-out="url-notice"]').innerText();
    for (const name of ['train.shape', 'train.feat', 'train.ratio']) expect(notice).toContain(name);
    expect(await bad.locator('[data-neuron]').count()).toBe(12);
    expect(w.errors).toEqual([]);
  });
});

test('at 1280x800 the controls, the network and the output fit one screen; at 390 px they stack, controls first', async () => {
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    const w = await openPage(browser, origin, { viewport: { width, height } });
    await w.page.goto(url(), { waitUntil: 'networkidle' });
    await w.page.locator('af-playground[data-live="true"]').waitFor({ timeout: 20_000 });
    const box = await w.page.evaluate(() => {
      const r = (s: string) => document.querySelector(s)!.getBoundingClientRect();
      return {
        scroll: document.documentElement.scrollWidth,
        bar: r('.pg-bar'),
        net: r('.pg-net'),
        out: r('.pg-output .plot[data-view="boundary"]'),
        loss: r('.pg-loss'),
        data: r('.pg-data .pg-fields'),
      };
    });
    expect(box.scroll).toBe(width);
    if (width === 1280) {
      for (const part of [box.bar, box.net, box.out, box.loss, box.data])
        expect(part.bottom).toBeLessThanOrEqual(height);
      // Side by side: data | network | output.
      expect(box.data.right).toBeLessThanOrEqual(box.net.left);
      expect(box.net.right).toBeLessThanOrEqual(box.out.left);
    } else {
      expect(box.bar.bottom).toBeLessThanOrEqual(box.data.top);
      expect(box.data.bottom).toBeLessThanOrEqual(box.net.top);
      expect(box.net.bottom).toBeLessThanOrEqual(box.out.top);
    }
    expect(w.errors).toEqual([]);
    await w.close();
  }
});

test('a running playground pauses offscreen and resumes when scrolled back', async () => {
  const w = await openPage(browser, origin, { viewport: { width: 1280, height: 700 } });
  const fig = await live(
    w,
    `${origin}${base}lessons/introduction/`,
    '#fig-demo-linear-vs-nonlinear',
  );
  const element = fig.locator('af-playground');
  await fig.locator('[data-action="play"]').click();
  await waitForEpoch(w.page, fig, 5);
  await w.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect.poll(() => element.getAttribute('data-status')).toBe('paused');
  const epoch = await epochOf(fig);
  await w.page.waitForTimeout(500);
  expect(await epochOf(fig)).toBe(epoch);
  await scrollToCentre(fig);
  await expect.poll(() => element.getAttribute('data-status')).toBe('running');
  await fig.locator('[data-action="pause"]').click();
  expect(w.errors).toEqual([]);
  await w.close();
});

/** The committed `npm run claims` results that every demo figure quotes. */
const claimResults = (
  JSON.parse(readFileSync('bench/results/claims.json', 'utf8')) as {
    claims: { id: string; figure: string; held: number[]; seeds: number[] }[];
  }
).claims;

describe.each([
  ['lessons/introduction/', 'linear-vs-nonlinear', 2],
  ['lessons/sigmoid/', 'step-vs-sigmoid', 2],
  ['lessons/sigmoid/', 'vanishing-gradients', 3],
  ['lessons/relu/', 'dead-relu', 3],
  ['lessons/tanh/', 'zero-centring', 4],
  ['lessons/tanh/', 'centring-deep', 4],
  ['lessons/tanh/', 'tanh-saturation', 2],
])('demo on /%s', (path, demo, runs) => {
  test(`${demo} states its claims with the seeds they held on, as committed`, async () => {
    const w = await openPage(browser, origin);
    await w.page.goto(`${origin}${base}${path}`, { waitUntil: 'networkidle' });
    const expected = claimResults.filter((r) => r.figure === `demo-${demo}`);
    expect(expected.length).toBeGreaterThan(0);
    const items = w.page.locator(`#fig-demo-${demo} figcaption [data-claim]`);
    expect(await items.count()).toBe(expected.length);
    for (const r of expected) {
      const item = items.and(w.page.locator(`[data-claim="${r.id}"]`));
      // A figure off screen may skip rendering (content-visibility) and have no innerText until
      // it is scrolled to and painted: read what a reader would see there.
      await scrollToCentre(item);
      await expect
        .poll(() => item.innerText())
        .toContain(`Holds on ${r.held.length} of ${r.seeds.length} seeds (npm run claims)`);
    }
    expect(w.errors).toEqual([]);
    await w.close();
  });

  test(`${demo} trains its ${runs} runs when the reader presses play`, async () => {
    const w = await openPage(browser, origin);
    const fig = await live(w, `${origin}${base}${path}`, `#fig-demo-${demo}`);
    expect(await fig.locator('[data-out="train-loss"]').count()).toBe(runs);
    await fig.locator('[data-action="play"]').click();
    await waitForEpoch(w.page, fig, 20);
    await fig.locator('[data-action="pause"]').click();
    for (let i = 0; i < runs; i++) expect(await readout(fig, 'train-loss', i)).not.toBe('—');
    if (demo === 'dead-relu') expect(await readout(fig, 'slope', 2)).toMatch(/^-?\d/);
    expect(w.errors).toEqual([]);
    await w.close();
  });
});

test('the league table runs on demand in a worker and shows every seed of every cell', async () => {
  const w = await openPage(browser, origin);
  await w.page.goto(`${origin}${base}lessons/conclusion/`, { waitUntil: 'networkidle' });
  const league = w.page.locator('af-league-table');
  await scrollToCentre(league);
  const start = Date.now();
  await league.locator('[data-action="run"]').click();
  await league.locator('tbody tr').first().waitFor({ timeout: 60_000 });
  await league.and(w.page.locator('[data-done="true"]')).waitFor({ timeout: 240_000 });
  console.log(`league table: ${((Date.now() - start) / 1000).toFixed(1)} s`);
  expect(await league.locator('[data-out="status"]').innerText()).toMatch(
    /^Done: 720 training runs in \d+ s in this browser, on \d background threads?\.$/,
  );
  const rows = await league.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      name: tr.querySelector('th')?.textContent ?? '',
      cells: [...tr.querySelectorAll('td')].map((td) => ({
        dots: td.querySelectorAll('circle').length,
        median: Number((td as HTMLElement).dataset.median),
        text: td.querySelector('b')?.textContent + ' ' + td.querySelector('.range')?.textContent,
      })),
    })),
  );
  expect(rows).toHaveLength(18);
  // Several workers finish in any order; the rows still read in the lessons' order.
  expect([rows[0]?.name, rows[2]?.name, rows[17]?.name]).toEqual([
    'Sigmoid',
    'ReLU',
    'Step (Heaviside)',
  ]);
  for (const row of rows) {
    expect(row.cells).toHaveLength(4);
    for (const c of row.cells) {
      expect(c.dots).toBe(10);
      expect(c.text).toMatch(/^\d+ (all|\d+–\d+)$/);
    }
  }
  // The first pattern the Conclusion reads off the table (claim league-small-slopes-stall).
  const circle = (name: string) => rows.find((r) => r.name === name)?.cells[0]?.median ?? NaN;
  expect(circle('Sigmoid')).toBeLessThan(0.7);
  expect(circle('Tanh')).toBeGreaterThan(0.95);
  expect(w.errors).toEqual([]);
  await w.close();
}, 300_000);
