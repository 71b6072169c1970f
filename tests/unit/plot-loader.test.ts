/**
 * The live figures' Plot loader: Plot's module graph is evaluated only after a worker has built the
 * number-format locale table (or could not), so its first Intl.NumberFormat is cheap on the page,
 * and after d3's color schemes, in a step of their own.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

let plotImported = false;
/** The order the loader's modules were imported in. */
let imported: string[] = [];
/** Registers a fresh stand-in for Plot, so the next import of it is seen. */
function mockPlot(): void {
  vi.resetModules();
  plotImported = false;
  imported = [];
  vi.doMock('../../src/widgets/shared/plot-d3.ts', () => {
    imported.push('d3');
    return {};
  });
  vi.doMock('../../src/widgets/shared/plot-runtime.ts', () => {
    imported.push('plot');
    plotImported = true;
    return { plot: () => 'plot' };
  });
}

/** A stand-in Worker whose answer the test gives. */
class FakeWorker {
  static made: FakeWorker[] = [];
  static failToStart = false;
  readonly listeners = new Map<string, () => void>();
  terminated = false;
  constructor(readonly url: URL) {
    if (FakeWorker.failToStart) throw new Error('blocked by policy');
    FakeWorker.made.push(this);
  }
  addEventListener(type: string, listener: () => void): void {
    this.listeners.set(type, listener);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  mockPlot();
  FakeWorker.made = [];
  FakeWorker.failToStart = false;
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const loader = (): Promise<typeof import('../../src/widgets/shared/plot-loader.ts')> =>
  import('../../src/widgets/shared/plot-loader.ts');

describe('loadPlot', () => {
  it('imports Plot only once the locale worker has answered, then ends the worker', async () => {
    const { loadPlot } = await loader();
    const loaded = loadPlot();
    await settle();
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0]!.url.pathname).toMatch(/intl-worker\.ts$/);
    expect(plotImported).toBe(false);
    FakeWorker.made[0]!.listeners.get('message')!();
    expect((await loaded).plot).toBeTypeOf('function');
    expect(plotImported).toBe(true);
    // d3's color schemes first, so Plot's own evaluation is a task of its own.
    expect(imported).toEqual(['d3', 'plot']);
    expect(FakeWorker.made[0]!.terminated).toBe(true);
  });

  it('loads Plot once per page, however many figures ask', async () => {
    const { loadPlot } = await loader();
    const first = loadPlot();
    expect(loadPlot()).toBe(first);
    FakeWorker.made[0]!.listeners.get('message')!();
    await first;
    expect(FakeWorker.made).toHaveLength(1);
  });

  it('loads Plot anyway when the worker fails, cannot start, or does not answer', async () => {
    const failing = (await loader()).loadPlot();
    FakeWorker.made[0]!.listeners.get('error')!();
    await failing;
    expect(plotImported).toBe(true);

    mockPlot();
    FakeWorker.failToStart = true;
    await (await loader()).loadPlot();
    expect(plotImported).toBe(true);

    mockPlot();
    FakeWorker.failToStart = false;
    vi.useFakeTimers();
    const silent = (await loader()).loadPlot();
    await vi.advanceTimersByTimeAsync(2999);
    expect(plotImported).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await vi.runAllTimersAsync();
    await silent;
    expect(plotImported).toBe(true);
    expect(FakeWorker.made.at(-1)!.terminated).toBe(true);
  });
});
