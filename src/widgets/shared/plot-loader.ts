/**
 * Observable Plot for the live figures, loaded once per page. Evaluating its module graph (with d3
 * and its first `Intl.NumberFormat`) was one task of 120-200 ms at 4x CPU when the first figure
 * woke; here the locale table is built on a worker thread first (see intl-worker.ts), so the
 * evaluation that remains on the main thread is Plot's and d3's own code.
 */
type PlotModule = typeof import('./plot-runtime.ts');

/** Longest wait for the worker before Plot loads anyway (the table is then built on the page). */
const WARM_TIMEOUT_MS = 3000;

let plot: Promise<PlotModule> | undefined;

/** Plot's runtime, loading it on the first call. */
export function loadPlot(): Promise<PlotModule> {
  plot ??= warmLocales().then(() => import('./plot-runtime.ts'));
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
