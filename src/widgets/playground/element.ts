/**
 * `<af-playground>`: the live training playground (and, with several runs, each training demo).
 *
 * State: `data-state` holds the namespace, the preset settings and the runs (label + settings
 * patch); the URL overrides the preset, read and written through the shared URL codec with the
 * playground's table (config.ts `playgroundUrl`), and the controls go through the same codec.
 * Lifecycle: when first near the viewport it loads its modules, reads the URL, starts a worker and
 * asks for the epoch-0 snapshot; play/pause/step go to the worker; any settings change writes the
 * URL, resolves the runs once (resolve.ts) and reconfigures with a new generation, so snapshots of
 * the old run are dropped by the reducer. What can go stale: the worker's in-flight
 * snapshots (handled by the generation) and the offscreen pause (resumed only if it paused us).
 */
import type { Config } from './config.ts';
import type { ViewState, WorkerMessage, WorkerRequest } from './protocol.ts';
import type { ResolvedRun } from './resolve.ts';
import type { ViewContext } from './view.ts';
import type { NetworkHost } from './network-io.ts';
import type { CsvTable } from '../shared/csv.ts';
import { LiveFigure } from '../shared/live-figure.ts';
import { yieldToMain } from '../shared/yield-to-main.ts';
import { wireAddedPoints } from './added-points-ui.ts';
import { CustomLoader } from './custom-loader.ts';
import { readControls, wireProblem, writeControls } from './controls.ts';
import {
  queryWithState,
  stateFromQuery,
  stateFromRecord,
  type RestoredState,
} from '../shared/url-codec.ts';
import { readQuery, writeQuery } from '../shared/url-sync.ts';

/** What the .astro wrapper writes into `data-state`. */
export interface PlaygroundProps {
  /** URL namespace, e.g. `train`. */
  readonly namespace: string;
  /** Preset settings (defaults of this instance's URL parameters). */
  readonly base: Config;
  /** Runs trained together; each overrides some settings of the base. */
  readonly runs: readonly { readonly label: string; readonly patch: Partial<Config> }[];
  /** Side of the output map's grid (config.ts GRID or DEMO_GRID). */
  readonly grid: number;
}

type Modules = [
  typeof import('./config.ts'),
  typeof import('./protocol.ts'),
  typeof import('./resolve.ts'),
  typeof import('./custom.ts') | undefined,
  typeof import('./network-ui.ts') | undefined,
];

class PlaygroundElement extends LiveFigure<PlaygroundProps, Modules> {
  #view!: ViewState;
  #ctx: ViewContext | undefined;
  #worker: Worker | undefined;
  #started: Promise<void> | undefined;
  /** Resolves once the runs setup resolves are ready (see `setup`); training waits for it. */
  #configured: Promise<void> = Promise.resolve();
  #draw: typeof import('./view.ts') | undefined;
  #config!: Config;
  #offscreenPaused = false;
  #custom!: CustomLoader;
  /** The current runs, resolved once per change of settings (what the worker trains). */
  #runs: readonly ResolvedRun[] = [];
  /** The settings the URL gave when the modules loaded (read once, used by `setup`). */
  #restored: RestoredState<Config> | undefined;

  protected async loadModel(): Promise<Modules> {
    const diagram = this.querySelector('[data-view="network"]') !== null;
    const [config, protocol, resolve, network] = await Promise.all([
      import('./config.ts'),
      import('./protocol.ts'),
      import('./resolve.ts'),
      diagram ? import('./network-ui.ts') : undefined,
    ]);
    // The URL is read once, through the shared codec; a custom run needs the compiler from the start.
    const { namespace, base } = this.state;
    this.#restored = stateFromQuery(config.playgroundUrl, base, readQuery(), namespace);
    const custom = this.#restored.state.act === 'custom' ? await import('./custom.ts') : undefined;
    return [config, protocol, resolve, custom, network];
  }

  protected setup(): void {
    const [config, , , custom, network] = this.model;
    this.#custom = new CustomLoader(custom);
    const { namespace, base } = this.state;
    const parsed =
      this.#restored ?? stateFromQuery(config.playgroundUrl, base, readQuery(), namespace);
    // A custom activation that does not parse falls back to tanh, said in the same notice box.
    const checked = this.#custom.check(parsed.state, namespace);
    this.#showUrlNotices([...parsed.notices.map((n) => n.message), ...checked.notices]);
    this.#config = checked.config;
    writeControls(this, this.#config);
    for (const el of this.querySelectorAll('[data-param]'))
      el.addEventListener('change', () => this.#onControl());
    wireProblem(this, () => this.#onControl());
    network?.wireNetwork(
      {
        root: this,
        base: this.state.base,
        snapshot: () => this.#view.runs[0]?.latest ?? null,
        config: () => this.#config,
        changed: () => this.#onControl(),
        select: (unit) => this.#select(unit),
      },
      config,
    );
    const on = (action: string, fn: () => void): void => {
      for (const b of this.querySelectorAll(`[data-action="${action}"]`))
        b.addEventListener('click', fn);
    };
    on('play', () => void this.#start().then(() => this.#send('play')));
    on('pause', () => this.#send('pause'));
    on(
      'step',
      () =>
        void this.#start().then(() => this.#post({ type: 'step', gen: this.#view.gen, epochs: 1 })),
    );
    on('reset', () => this.#reset());
    on('defaults', () => this.#restoreDefaults());
    wireAddedPoints(this, this.model[0], on, () => this.#onControl());
    // Saving and loading trained networks (network-io.ts, loaded on first use).
    const io: NetworkHost = {
      patches: this.state.runs.map((r) => r.patch),
      worker: () => this.#start().then(() => this.#worker),
      gen: () => this.#view.gen,
      config: () => this.#config,
      load: (c, m) => void this.#start().then(() => this.#applyConfig(c, m)),
    };
    for (const el of this.closest('figure')?.querySelectorAll<HTMLElement>('[data-network]') ??
      []) {
      el.addEventListener(
        el instanceof HTMLInputElement ? 'change' : 'click',
        () => void import('./network-io.ts').then((m) => m.onNetworkAction(el, io)),
      );
    }
    for (const d of this.querySelectorAll('details'))
      d.addEventListener('toggle', () => this.schedule());
    // Training is pointless where nobody sees it and costs battery: pause offscreen, resume on return.
    new IntersectionObserver((entries) =>
      this.#onVisibility(entries.some((e) => e.isIntersecting)),
    ).observe(this);
    // Canvas pixels hold resolved colours, not variables: repaint everything when the theme flips.
    new MutationObserver(() => {
      for (const el of this.querySelectorAll<HTMLElement>('[data-drawn]')) delete el.dataset.drawn;
      this.schedule();
    }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    this.#view = this.model[1].initialView(this.state.runs.length);
    // Resolving the runs (data sets, first weights) is as much work again as the wiring above, so
    // it comes in a task of its own: together they made a task of 55-65 ms at 4x CPU while the
    // page loaded. Training waits for it (#start).
    this.#configured = yieldToMain().then(() => {
      this.#configure();
      // The build-time figure shows the preset; settings from the URL need the real epoch-0 state.
      if (queryWithState(config.playgroundUrl, base, this.#config, namespace) !== '')
        void this.#start();
    });
  }

  protected render(): void {
    // Heavy views draw one per frame; keep asking for frames until none is stale.
    if (this.#ctx && this.#view && this.#draw?.renderView(this.#ctx, this.#view))
      requestAnimationFrame(() => this.schedule());
  }

  /**
   * Loads the drawing code and starts the worker on the first play or step, not on sight: until
   * then the build-time figure is exact (epoch 0), and a reader who never trains downloads neither.
   */
  #start(): Promise<void> {
    this.#started ??= Promise.all([import('./view.ts'), this.#configured]).then(([view]) => {
      this.#draw = view;
      const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
      worker.addEventListener('message', (e: MessageEvent<WorkerMessage>) => this.#apply(e.data));
      worker.addEventListener('error', () =>
        this.#apply({
          type: 'error',
          gen: this.#view.gen,
          message: 'the background worker could not start',
        }),
      );
      this.#worker = worker;
      // The runs were resolved when the settings last changed: the worker gets those very ones.
      this.#postRuns();
    });
    return this.#started;
  }

  disconnectedCallback(): void {
    this.#worker?.terminate();
  }

  /** The loss history of every run (the CSV download). */
  override async exportCsv(): Promise<CsvTable> {
    const { lossCsv } = await import('./network-io.ts');
    return lossCsv(
      this.#view,
      this.state.runs.map((r) => r.label),
    );
  }

  #apply(event: Parameters<typeof import('./protocol.ts').reduce>[1]): void {
    const next = this.model[1].reduce(this.#view, event);
    if (next === this.#view) return;
    this.#view = next;
    if (next.status === 'diverged') this.dataset.diverged = 'true';
    this.schedule();
  }

  #post(request: WorkerRequest): void {
    this.#worker?.postMessage(request);
  }

  #send(type: 'play' | 'pause'): void {
    if (type === 'play') this.#offscreenPaused = false;
    this.#apply({ type });
    this.#post({ type, gen: this.#view.gen });
  }

  #onVisibility(visible: boolean): void {
    if (!visible && this.#view.status === 'running') {
      this.#send('pause');
      this.#offscreenPaused = true;
    } else if (visible && this.#offscreenPaused) {
      this.#send('play');
    }
  }

  /**
   * Starts a fresh run of the current settings (from saved `models` if given): new generation, new
   * worker session. The runs are resolved here, once: the worker trains on what the views draw.
   */
  #configure(models?: readonly unknown[]): void {
    const [config, , resolve] = this.model;
    const runs = resolve.resolveRuns(
      this.#config,
      this.state.runs.map((r) => r.patch),
    );
    this.#ctx = {
      root: this,
      runs: runs.map((run, i) => ({
        ...run,
        label: this.state.runs[i]?.label ?? '',
        activation: this.#custom.hidden(run.config, config.FALLBACK_ACTIVATION),
      })),
      draw: (host, options) => void this.draw(host, options),
      lastHeavy: 0,
      heavyTurn: 0,
      // The selected neuron survives a settings change; the diagram drops it if it no longer exists.
      selected: this.#ctx?.selected ?? null,
    };
    this.#runs = runs;
    delete this.dataset.diverged;
    this.#postRuns(models);
    this.schedule();
  }

  /** Sends the current runs to the worker (a no-op until it has started). */
  #postRuns(models?: readonly unknown[]): void {
    this.#post({
      type: 'configure',
      gen: this.#view.gen,
      runs: this.#runs,
      grid: this.state.grid,
      ...(models ? { models } : {}),
    });
  }

  #reset(models?: readonly unknown[]): void {
    this.#offscreenPaused = false;
    this.#view = this.model[1].reduce(this.#view, { type: 'reset' });
    this.#configure(models);
  }

  /** One-click way out of a bad state: the preset's settings, in the controls and the URL. */
  #restoreDefaults(): void {
    this.#applyConfig({ ...this.state.base });
  }

  /** Puts settings in the controls and the URL and restarts (from saved networks if given). */
  #applyConfig(next: Config, models?: readonly unknown[]): void {
    if (this.#custom.missingFor(next, () => this.#applyConfig(next, models))) return;
    const [config] = this.model;
    this.#config = next;
    writeControls(this, this.#config);
    this.#showUrlNotices([]);
    writeQuery(
      queryWithState(
        config.playgroundUrl,
        this.state.base,
        this.#config,
        this.state.namespace,
        readQuery(),
      ),
    );
    this.#reset(models);
    void this.#start();
  }

  /**
   * Reads every control through the URL codec, so a bad typed value gets the same notice as a bad
   * URL. Only settings that have a control here change; the rest keep their URL or preset value.
   */
  #onControl(): void {
    const [config] = this.model;
    const { namespace: ns, base } = this.state;
    const parsed = stateFromRecord(
      config.playgroundUrl,
      base,
      this.#config,
      readControls(this),
      ns,
    );
    if (this.#custom.missingFor(parsed.state, () => this.#onControl())) return;
    const checked = this.#custom.check(parsed.state, ns);
    this.#showUrlNotices([...parsed.notices.map((n) => n.message), ...checked.notices]);
    this.#config = checked.config;
    writeQuery(queryWithState(config.playgroundUrl, base, this.#config, ns, readQuery()));
    this.#reset();
    void this.#start();
  }

  /** Shows the pre-activations of one hidden unit (or hides the panel). */
  #select(unit: { layer: number; index: number } | null): void {
    if (this.#ctx) this.#ctx.selected = unit;
    const panel = this.querySelector<HTMLElement>('.pg-unit-panel');
    if (panel) panel.hidden = unit === null;
    const host = this.querySelector<HTMLElement>('[data-view="unit"]');
    if (host) delete host.dataset.drawn;
    void this.#start().then(() => this.schedule());
  }

  #showUrlNotices(messages: readonly string[]): void {
    const box = this.querySelector<HTMLElement>('[data-out="url-notice"]');
    if (!box) return;
    box.hidden = messages.length === 0;
    box.textContent = messages.join(' ');
  }
}

if (!customElements.get('af-playground')) customElements.define('af-playground', PlaygroundElement);
