/**
 * The fan-out both league tables share: one Web Worker per share of the work, one progress bar
 * over every training run, a status line, and the wall time at the end.
 *
 * Protocol (each league worker speaks it, whatever else its messages carry): one `run` message
 * per finished training run, any number of result messages (passed on to the page), one `done`
 * when its share is finished, or one `error` with a message, which stops every worker.
 * Lifecycle: `startWorkerPool` creates the workers and posts each its request; the returned
 * `stop` terminates them (also called when the pool finishes or fails). State lives in the
 * closure of one call: nothing at module level, so two tables on a page never share a count.
 */

/** How many workers a table starts. */
export interface PoolSizeOptions {
  /** Fewest workers (a league splits its work at least this far when the device reports less). */
  readonly min: number;
  /** Most workers: beyond a few, a phone or laptop gains little and heats up. */
  readonly max: number;
  /**
   * A count asked for explicitly (the element's `data-threads`, used to time the league on one
   * worker); honoured from 1 to `max`, ignored when absent or not a positive integer.
   */
  readonly requested?: number | undefined;
}

/** Workers for a device reporting `cores` logical cores (`navigator.hardwareConcurrency`). */
export function poolSize(cores: number | undefined, options: PoolSizeOptions): number {
  const { min, max, requested } = options;
  if (requested !== undefined && Number.isInteger(requested) && requested >= 1) {
    return Math.min(max, requested);
  }
  const reported = cores !== undefined && Number.isFinite(cores) && cores >= 1 ? cores : min;
  return Math.max(1, Math.min(max, Math.max(min, Math.floor(reported))));
}

/** `2 background threads`, `1 background thread`. */
export const threadsLabel = (count: number): string =>
  `${count} background thread${count === 1 ? '' : 's'}`;

/** The messages of the protocol above; other message types are results for the page. */
export type PoolControl =
  | { readonly type: 'run' }
  | { readonly type: 'done' }
  | { readonly type: 'error'; readonly message: string };

/** Counts of a pool in progress. */
export interface PoolTally {
  /** Training runs finished, over all workers. */
  readonly runs: number;
  /** Workers that have sent `done`. */
  readonly finished: number;
}

/**
 * The tally after one message: `run` counts a run, `done` a worker; anything else leaves it.
 * The pool is complete when `finished` reaches the number of workers.
 */
export function tally(state: PoolTally, type: string): PoolTally {
  if (type === 'run') return { runs: state.runs + 1, finished: state.finished };
  if (type === 'done') return { runs: state.runs, finished: state.finished + 1 };
  return state;
}

/** What a table gives the pool. */
export interface WorkerPoolOptions<Request, Message extends { readonly type: string }> {
  /** One request per worker, posted as the worker starts. */
  readonly requests: readonly Request[];
  /** Creates one worker (the caller's `new Worker(new URL(…), { type: 'module' })`). */
  readonly createWorker: () => Worker;
  /** The bar over every run; shown, and its maximum set to `runs`. */
  readonly progress: HTMLProgressElement;
  /** The status line: progress while running, then the outcome. */
  readonly status: Element;
  /** Runs in the whole league (the bar's maximum). */
  readonly runs: number;
  /** Each message that is not `run`, `done` or `error` (a finished row), in arrival order. */
  readonly onResult: (message: Message) => void;
  /** Called once, when every worker is done (with the wall time) or one failed (with null). */
  readonly onEnd: (seconds: number | null) => void;
}

/** Starts the pool; returns a function that terminates every worker. */
export function startWorkerPool<Request, Message extends { readonly type: string }>(
  options: WorkerPoolOptions<Request, Message>,
): () => void {
  const { requests, progress, status, runs: total } = options;
  const threads = threadsLabel(requests.length);
  const workers: Worker[] = [];
  let state: PoolTally = { runs: 0, finished: 0 };
  let ended = false;
  const stop = (): void => {
    for (const w of workers) w.terminate();
    workers.length = 0;
  };
  const end = (text: string, seconds: number | null): void => {
    if (ended) return;
    ended = true;
    stop();
    status.textContent = text;
    options.onEnd(seconds);
  };
  progress.hidden = false;
  progress.max = total;
  progress.value = 0;
  status.textContent = `Training in ${threads}…`;
  const started = performance.now();
  const onMessage = (event: MessageEvent<Message>): void => {
    if (ended) return;
    const m = event.data;
    state = tally(state, m.type);
    if (m.type === 'run') {
      progress.value = state.runs;
      status.textContent = `Training in ${threads}: ${state.runs} of ${total} runs done.`;
    } else if (m.type === 'done') {
      if (state.finished < requests.length) return;
      const seconds = (performance.now() - started) / 1000;
      end(
        `Done: ${state.runs} training runs in ${seconds.toFixed(0)} s in this browser, on ${threads}.`,
        seconds,
      );
    } else if (m.type === 'error') {
      const reason = (m as { readonly message?: unknown }).message;
      end(`The league stopped: ${String(reason)}.`, null);
    } else {
      options.onResult(m);
    }
  };
  for (const request of requests) {
    const worker = options.createWorker();
    workers.push(worker);
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', () =>
      end('The league could not start in this browser.', null),
    );
    worker.postMessage(request);
  }
  return stop;
}
