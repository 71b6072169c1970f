/**
 * Saving and loading playground networks as a hostile or unlucky reader would: a network trained
 * with the reader's own activation exports and loads back, continuing bit for bit; a file that is
 * wrong anywhere (even where only the engine can tell) leaves the run, the address and the
 * controls as they were, with the reason on screen. A 50 MB file, refused from its size without a
 * long main-thread task, is timed in playground-jank.e2e.ts, with nothing else on the machine.
 */
import { expect, inject, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openPage, useBrowser, scrollToCentre } from '../support/browser.ts';

const origin = inject('origin');
const base = inject('base');
const browser = useBrowser();
const customQuery = '?train.act=custom&train.expr=x*sigmoid(x)&train.seed=4';

async function live(page: Page, query: string): Promise<Locator> {
  await page.goto(`${origin}${base}playground/${query}`, { waitUntil: 'networkidle' });
  const fig = page.locator('#fig-playground');
  await scrollToCentre(fig);
  await fig.locator('af-playground[data-live="true"]').waitFor({ timeout: 20_000 });
  return fig;
}

const epochOf = async (fig: Locator): Promise<number> =>
  Number(await fig.locator('[data-out="epoch"]').innerText());

/** Presses Step until the counter reads `target`, one epoch at a time. */
async function stepTo(fig: Locator, target: number): Promise<void> {
  while ((await epochOf(fig)) < target) {
    const before = await epochOf(fig);
    await fig.locator('[data-action="step"]').click();
    await expect.poll(() => epochOf(fig), { timeout: 20_000 }).toBe(before + 1);
  }
}

/** Everything a reader sees of a run: epoch, losses, accuracy. */
const readouts = async (fig: Locator): Promise<string[]> =>
  Promise.all(
    ['epoch', 'train-loss', 'test-loss', 'accuracy'].map((name) =>
      fig.locator(`[data-out="${name}"]`).first().innerText(),
    ),
  );

async function exportNetwork(page: Page, fig: Locator): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    fig.getByRole('button', { name: 'Export network (JSON)' }).click(),
  ]);
  const path = await file.path();
  const { readFileSync } = await import('node:fs');
  return readFileSync(path);
}

test('a network trained with a custom activation exports, loads back and continues bit for bit', async () => {
  const w = await openPage(browser, origin);
  const fig = await live(w.page, customQuery);
  await fig.locator('[data-action="play"]').click();
  await expect.poll(() => epochOf(fig), { timeout: 20_000 }).toBeGreaterThan(5);
  await fig.locator('[data-action="pause"]').click();
  await expect.poll(() => fig.locator('af-playground').getAttribute('data-status')).toBe('paused');
  const body = await exportNetwork(w.page, fig);
  // Read after the export: a snapshot posted before the worker took the pause can still arrive
  // after Pause shows, and the worker answers the export only after its paused snapshot.
  const savedAt = await epochOf(fig);
  const file = JSON.parse(body.toString('utf8')) as {
    config: { expr: string };
    networks: { epoch: number; spec: { customActivation: unknown } }[];
  };
  expect(file.config.expr).toBe('x*sigmoid(x)');
  expect(file.networks[0]?.spec.customActivation).toEqual({ label: 'x*sigmoid(x)' });
  expect(file.networks[0]?.epoch).toBe(savedAt);
  // The page keeps working after the export: Play is enabled and trains on.
  expect(await fig.locator('[data-action="play"]').isDisabled()).toBe(false);
  await stepTo(fig, savedAt + 4);
  const continued = await readouts(fig);

  const fresh = await openPage(browser, origin);
  const other = await live(fresh.page, '?train.act=relu');
  await other
    .locator('[data-network="load"]')
    .setInputFiles({ name: 'custom.json', mimeType: 'application/json', buffer: body });
  await expect
    .poll(() => other.locator('[data-network-status]').innerText())
    .toContain('Loaded custom.json');
  await expect.poll(() => epochOf(other)).toBe(savedAt);
  expect(fresh.page.url()).toContain('train.act=custom');
  expect(await other.locator('[data-param="act"]').inputValue()).toBe('custom');
  await stepTo(other, savedAt + 4);
  expect(await readouts(other)).toEqual(continued);
  expect([...w.errors, ...fresh.errors]).toEqual([]);
  await w.close();
  await fresh.close();
});

test('a file that fails anywhere changes nothing: run, address and controls stay, the status says why', async () => {
  const w = await openPage(browser, origin);
  const fig = await live(w.page, '?train.seed=3');
  await stepTo(fig, 3);
  const body = await exportNetwork(w.page, fig);
  const good = JSON.parse(body.toString('utf8')) as {
    config: Record<string, unknown>;
    networks: { params: unknown[]; spec: Record<string, unknown> }[];
  };
  const net = good.networks[0]!;

  // Another run is on screen when the damaged files arrive: its state must survive them all.
  const fig2 = await live(w.page, '?train.seed=9&train.act=gelu&train.layers=3');
  await stepTo(fig2, 2);
  const address = w.page.url();
  const before = await readouts(fig2);
  const controls = (): Promise<string[]> =>
    fig2
      .locator('[data-param]')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  const controlsBefore = await controls();
  const status = fig2.locator('[data-network-status]');
  const damaged: [string, unknown, RegExp][] = [
    [
      'one value missing',
      { ...good, networks: [{ ...net, params: net.params.slice(1) }] },
      /expected \d+ values, got \d+/,
    ],
    [
      'bogus loss',
      { ...good, networks: [{ ...net, spec: { ...net.spec, loss: 'bogus' } }] },
      /bad loss bogus/,
    ],
    [
      'null weight',
      { ...good, networks: [{ ...net, params: [null, ...net.params.slice(1)] }] },
      /parameter 0 is null, not a finite number/,
    ],
    ['epoch 1e308', { ...good, networks: [{ ...net, epoch: 1e308 }] }, /epoch 1e\+308/],
    [
      'object setting',
      { ...good, config: { ...good.config, lr: { toString: 'x' } } },
      /setting "lr" is an object/,
    ],
  ];
  for (const [name, json, reason] of damaged) {
    await fig2.locator('[data-network="load"]').setInputFiles({
      name: `${name}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(json)),
    });
    await expect.poll(() => status.innerText()).toMatch(reason);
    expect(await status.innerText()).toContain('Nothing was changed');
    expect(await status.getAttribute('data-error')).toBe('true');
    expect(w.page.url()).toBe(address);
    expect(await readouts(fig2)).toEqual(before);
    expect(await controls()).toEqual(controlsBefore);
    await status.evaluate((el) => (el.textContent = ''));
  }
  // The run is intact and still trains.
  expect(await fig2.locator('[data-action="play"]').isDisabled()).toBe(false);
  await stepTo(fig2, 3);
  expect(w.errors).toEqual([]);
  await w.close();
});
