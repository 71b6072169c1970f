/**
 * Observable Plot for the live figures, loaded once per page. Evaluating its module graph (with d3
 * and its first `Intl.NumberFormat`) was one task of 120-200 ms at 4x CPU when the first figure
 * woke. Here it comes in three steps: the locale table is built on a worker thread (see
 * intl-worker.ts), then d3's color schemes are evaluated (plot-d3.ts), then Plot's own, each
 * in a task of its own.
 */
import { yieldToMain } from './yield-to-main.ts';

type PlotModule = typeof import('./plot-runtime.ts');

/** Longest wait for the worker before Plot loads anyway (the table is then built on the page). */
const WARM_TIMEOUT_MS = 3000;

let plot: Promise<PlotModule> | undefined;

/** Plot's runtime, loading it on the first call. */
export function loadPlot(): Promise<PlotModule> {
  plot ??= (async () => {
    await warmLocales();
    await import('./plot-d3.ts');
    await yieldToMain();
    return import('./plot-runtime.ts');
  })();
  return plot;
}

/**
 * Resolves once a worker has built the number-format locale table, or at once where workers
 * cannot start, or after {@link WARM_TIMEOUT_MS}: a figure is never kept from waking.
 */
function warmLocales(): Promise<void> {
  if (typeof Worker === 'undefined') return Promise.resolve();
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./intl-worker.ts', import.meta.url), { type: 'module' });
    } catch {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      worker.terminate();
      resolve();
    };
    const timer = setTimeout(done, WARM_TIMEOUT_MS);
    worker.addEventListener('message', done);
    worker.addEventListener('error', done);
  });
}
