/**
 * The element half of a league table (both `<af-league-table>` and `<af-digits-league>` extend
 * it): the run button, one worker pool at a time (shared/worker-pool.ts), and the attributes a
 * test or a timing script reads when a run ends (`data-done`, `data-seconds`). A second click
 * while the pool runs is ignored; leaving the page terminates the workers.
 */
import { poolSize, startWorkerPool, type WorkerPoolOptions } from './worker-pool.ts';

/** Most workers a league starts: beyond four, a phone or laptop gains little and heats up. */
const MAX_THREADS = 4;

export abstract class LeagueRunElement extends HTMLElement {
  #stop: (() => void) | null = null;

  connectedCallback(): void {
    const button = this.querySelector<HTMLButtonElement>('[data-action="run"]');
    if (!button) return;
    button.hidden = false;
    button.addEventListener('click', () => {
      if (this.#stop === null) this.run(button);
    });
  }

  disconnectedCallback(): void {
    this.#stop?.();
    this.#stop = null;
  }

  /** Builds the page side of a run and calls {@link startPool}; called on a click when idle. */
  protected abstract run(button: HTMLButtonElement): void;

  /** Workers for this device, at least `min`; `data-threads` on the element asks for a count. */
  protected threads(min: number): number {
    const asked = this.dataset.threads;
    return poolSize(navigator.hardwareConcurrency, {
      min,
      max: MAX_THREADS,
      requested: asked === undefined ? undefined : Number(asked),
    });
  }

  /** Starts the pool over `data-runs` runs; the button stays disabled until it ends. */
  protected startPool<Request, Message extends { readonly type: string }>(
    button: HTMLButtonElement,
    options: Omit<WorkerPoolOptions<Request, Message>, 'runs' | 'onEnd'>,
  ): void {
    button.disabled = true;
    this.dataset.done = 'false';
    this.#stop = startWorkerPool({
      ...options,
      runs: Number(this.dataset.runs) || 1,
      onEnd: (seconds) => {
        this.#stop = null;
        button.disabled = false;
        if (seconds !== null) this.dataset.seconds = seconds.toFixed(1);
        this.dataset.done = 'true';
      },
    });
  }
}
