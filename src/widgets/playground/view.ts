/**
 * Draws a {@link ViewState} into the playground's markup: readouts, the notice, and every figure
 * the markup asks for (hosts marked `data-view` and `data-run`). Loaded on the first play or step.
 * Each kind of view is one entry of a typed table (`renderers`, keyed by {@link ViewId}).
 *
 * Cost control: the boundary repaints only its 50×50 canvas per snapshot (its SVG of axes and
 * points is redrawn only when the data or width changes); the loss curve redraws per snapshot;
 * a frame starts no new plot after FRAME_BUDGET_MS; the instrumentation views and
 * the neuron maps redraw one at a time, in rotation, at most every HEAVY_MS and only while
 * visible (a closed <details> is skipped); a frame that draws one of them draws no other plot
 * (the loss waits a frame), and the histograms go one layer per frame (8 hidden layers were one
 * plot of 9 facets). So a frame stays under the 50 ms long-task threshold at the largest
 * settings (tests/e2e/playground-jank.e2e.ts measures it).
 */
import type { PlotOptions } from '@observablehq/plot';
import { MAX_LAYERS, MAX_WIDTH, EXTENT, type Config } from './config.ts';
import { HISTOGRAM } from '../../lib/nn/index.ts';
import { diagramLayout, diagramMarkup, linkPaths, linksOf, LINK_WIDTHS } from './diagram.ts';
import { parseFeatures } from './features.ts';
import {
  BOUNDARY_MARGIN,
  boundaryOptions,
  type LayerFunction,
  deadOptions,
  formatLoss,
  formatShare,
  gradientOptions,
  histogramOptions,
  layerName,
  lossOptions,
} from './model.ts';
import {
  drawDiagramMaps,
  drawNeuronMaps,
  paintGrid,
  resolveColor,
  type Rgb,
} from './neuron-maps.ts';
import type { ViewKind } from './presets.ts';
import type { RunSnapshot, ViewState } from './protocol.ts';
import type { ResolvedRun } from './resolve.ts';
import { UNIT_DEAD, UNIT_INACTIVE } from './unit-flags.ts';

/** Minimum time between two heavy redraws; one heavy view per turn, in rotation. */
const HEAVY_MS = 100;
/** Drawing time after which a frame stops starting new plots (the rest wait for the next frame). */
const FRAME_BUDGET_MS = 12;

/** Every figure the markup can ask for (`data-view`): the per-run ones a preset lists, and more. */
export type ViewId = ViewKind | 'loss' | 'network' | 'unit';

/** One run as the views draw it: resolved once (resolve.ts), with its label and function. */
export interface ViewRun extends ResolvedRun {
  /** The run's label in the preset. */
  readonly label: string;
  /** The hidden layers' function (a compiled expression for a custom run), for the histograms. */
  readonly activation: LayerFunction;
}

/** What the view needs besides the state. */
export interface ViewContext {
  /** The custom element (markup root). */
  readonly root: HTMLElement;
  /** Settings, data and function of each run. */
  readonly runs: readonly ViewRun[];
  /** Renders Plot options into a host. */
  readonly draw: (host: HTMLElement, options: PlotOptions) => void;
  /** Time of the last heavy redraw (mutated here; owned by the element). */
  lastHeavy: number;
  /** How many heavy redraws so far, to pick the next view in rotation (mutated here). */
  heavyTurn: number;
  /** The map colours (negative, neutral, positive) resolved for a theme (mutated here). */
  colors?: { readonly theme: string; readonly rgb: readonly [Rgb, Rgb, Rgb] };
  /** The hidden unit whose pre-activations are shown (layer from 1), or null (owned by the element). */
  selected: { readonly layer: number; readonly index: number } | null;
}

const visible = (el: HTMLElement): boolean =>
  el.offsetParent !== null && !el.closest('details:not([open])');
const widthOf = (el: HTMLElement): number => Math.max(200, Math.round(el.clientWidth));

/**
 * Redraws what changed since each figure was last drawn (a figure remembers the generation,
 * epoch and width it shows). Returns true when a heavy view is still stale, so the caller
 * schedules another frame instead of drawing it now.
 */
export function renderView(ctx: ViewContext, state: ViewState): boolean {
  const { root, runs } = ctx;
  // Resolving a colour forces a style pass: do it once per theme, not once per frame.
  const theme = `${document.documentElement.dataset.theme ?? ''}:${matchMedia('(prefers-color-scheme: dark)').matches}`;
  if (ctx.colors?.theme !== theme)
    ctx.colors = {
      theme,
      rgb: [
        resolveColor(root, 'var(--curve-2)'),
        resolveColor(root, 'var(--bg)'),
        resolveColor(root, 'var(--curve-1)'),
      ],
    };
  const { rgb } = ctx.colors;
  const set = (sel: string, text: string): void => {
    for (const el of root.querySelectorAll(sel)) if (el.textContent !== text) el.textContent = text;
  };

  // The problem picker follows the dataset (it is not a setting of its own).
  const problem = root.querySelector<HTMLSelectElement>('[data-problem]');
  const wanted = runs[0]?.regression ? 'regression' : 'classification';
  if (problem && problem.value !== wanted) problem.value = wanted;
  const first = state.runs[0]?.latest;
  set('[data-out="epoch"]', String(first?.epoch ?? 0));
  set('[data-out="status"]', state.status);
  root.dataset.status = state.status;
  state.runs.forEach((run, i) => {
    const s = run.latest;
    set(`[data-out="train-loss"][data-run="${i}"]`, formatLoss(s?.trainLoss));
    set(`[data-out="test-loss"][data-run="${i}"]`, formatLoss(s?.testLoss));
    set(
      `[data-out="accuracy"][data-run="${i}"]`,
      `${formatShare(s?.trainAccuracy)} / ${formatShare(s?.testAccuracy)}`,
    );
    const slopes = s ? Array.from(s.slopes).filter((v) => Number.isFinite(v)) : [];
    set(
      `[data-out="slope"][data-run="${i}"]`,
      slopes.length === 0 ? '—' : slopes.map((v) => v.toFixed(3)).join(', '),
    );
  });
  const notice = root.querySelector<HTMLElement>('[data-out="notice"]');
  if (notice) {
    notice.hidden = state.message === '';
    set('[data-out="message"]', state.message);
  }
  const play = root.querySelector<HTMLButtonElement>('[data-action="play"]');
  if (play)
    play.disabled =
      state.status === 'running' || state.status === 'diverged' || state.status === 'error';
  const pause = root.querySelector<HTMLButtonElement>('[data-action="pause"]');
  if (pause) pause.disabled = state.status !== 'running';

  const now = performance.now();
  const hosts = [...root.querySelectorAll<HTMLElement>('[data-view]')].filter(
    (h) => visible(h) && isViewId(h.dataset.view),
  );
  const keyOf = (host: HTMLElement): string => {
    const s = state.runs[Number(host.dataset.run ?? 0)]?.latest;
    return s ? `${state.gen}:${s.epoch}:${s.diverged}:${host.clientWidth}:${runs.length}` : '';
  };
  const kindOf = (host: HTMLElement): ViewId => host.dataset.view as ViewId;
  const stale = hosts.filter((h) => keyOf(h) !== '' && h.dataset.drawn !== keyOf(h));
  const light = stale.filter((h) => renderers[kindOf(h)].light);
  const heavyStale = stale.filter((h) => !light.includes(h));
  // A heavy view left part-drawn (the histograms, a layer per plot) goes on first, every frame.
  const pending = heavyStale.find((h) => h.dataset.partial !== undefined);
  const turn =
    pending ??
    (now - ctx.lastHeavy >= HEAVY_MS
      ? heavyStale[ctx.heavyTurn++ % Math.max(1, heavyStale.length)]
      : undefined);
  if (turn) ctx.lastHeavy = now;
  let more = heavyStale.some((h) => h !== turn);
  // A frame with a heavy view draws nothing else but the boundary's canvas (a fraction of a
  // millisecond): the loss plot waits a frame, so no frame pays for two plots.
  // The network diagram waits too: with a heavy view beside it, it was the longest frame at the largest size.
  const alongside = turn
    ? light.filter((h) => kindOf(h) === 'boundary' && h.querySelector('canvas'))
    : light;
  if (alongside.length < light.length) more = true;
  for (const host of turn ? [...alongside, turn] : alongside) {
    // Several runs mean several plots: stop once this frame has had its share and finish next frame.
    if (performance.now() - now > FRAME_BUDGET_MS) {
      more = true;
      break;
    }
    const index = Number(host.dataset.run ?? 0);
    const run = runs[index];
    const snapshot = state.runs[index]?.latest;
    const kind = kindOf(host);
    if (!run || !snapshot) continue;
    host.dataset.drawn = keyOf(host);
    const start = performance.now();
    if (!renderers[kind].draw({ host, ctx, state, index, run, snapshot, rgb })) {
      // Not finished within this frame: stays stale (and pending) for the next one.
      delete host.dataset.drawn;
      more = true;
    }
    // One User Timing entry per figure, so a slow view can be found in a real browser.
    performance.measure(`af-playground-${kind}`, { start });
  }
  return more;
}

/** What a renderer gets: the host to draw into and the run it shows. */
interface ViewArgs {
  /** The element marked `data-view`. */
  readonly host: HTMLElement;
  /** The view context (a renderer may update its mutable fields). */
  readonly ctx: ViewContext;
  /** The whole view state (the loss plot shows every run). */
  readonly state: ViewState;
  /** Index of the run (`data-run`). */
  readonly index: number;
  /** The run's settings and data. */
  readonly run: ViewRun;
  /** The run's latest snapshot. */
  readonly snapshot: RunSnapshot;
  /** The map colours (negative, neutral, positive). */
  readonly rgb: readonly [Rgb, Rgb, Rgb];
}

/** How one kind of view is drawn. */
interface ViewRenderer {
  /**
   * Light views (a plot or a canvas of a few ms) redraw with every snapshot; heavy ones one at a
   * time, in rotation, at most every HEAVY_MS.
   */
  readonly light: boolean;
  /** Draws the view; false when it stopped part-way to keep the frame short (histograms only). */
  draw(args: ViewArgs): boolean;
}

/**
 * Every view a playground's markup can ask for (`data-view`), and how it is drawn: adding a view
 * is one entry here, and the compiler checks that every {@link ViewId} has one.
 */
const renderers: { readonly [K in ViewId]: ViewRenderer } = {
  loss: {
    light: true,
    draw({ host, ctx, state }) {
      const { runs } = ctx;
      ctx.draw(
        host,
        lossOptions(
          state.runs.map((r) => r.history),
          runs.length > 1 ? runs.map((r) => r.label) : [''],
          widthOf(host),
          Number(host.dataset.height ?? 170),
        ),
      );
      return true;
    },
  },
  // The network diagram is light too: a dozen path updates and one canvas, a few ms at the largest size.
  network: {
    light: true,
    draw({ host, ctx, run, snapshot, rgb }) {
      drawNetwork(host, run.config, snapshot, rgb, ctx);
      return true;
    },
  },
  boundary: { light: true, draw: drawBoundary },
  unit: {
    light: false,
    draw({ host, ctx, run, snapshot }) {
      drawUnit(host, ctx, snapshot, run.activation);
      return true;
    },
  },
  gradients: {
    light: false,
    draw({ host, ctx, state, index, run }) {
      ctx.draw(
        host,
        gradientOptions(
          state.runs[index]?.history ?? { epoch: [], train: [], test: [], grad: [] },
          widthOf(host),
          `gradient norm, ${run.label}`,
        ),
      );
      return true;
    },
  },
  histograms: {
    light: false,
    draw: ({ host, ctx, run, snapshot }) =>
      drawHistograms(host, ctx, snapshot, [
        ...snapshot.units.map(() => run.activation),
        run.config.out,
      ]),
  },
  dead: {
    light: false,
    draw({ host, ctx, snapshot: s }) {
      ctx.draw(host, deadOptions(s.dead, s.inactive, s.units, widthOf(host)));
      return true;
    },
  },
  neurons: {
    light: false,
    draw({ host, snapshot: s, rgb }) {
      drawNeuronMaps(host, s.neurons, s.units, rgb);
      return true;
    },
  },
};

/** Whether a `data-view` value names a view this module draws. */
function isViewId(kind: string | undefined): kind is ViewId {
  return kind !== undefined && Object.hasOwn(renderers, kind);
}

/**
 * The boundary: the SVG (axes and points) changes only with the data or the width; each snapshot
 * repaints just the GRID×GRID canvas under it, a fraction of a millisecond instead of a Plot render.
 */
function drawBoundary({ host, ctx, state, run, snapshot: s, rgb }: ViewArgs): boolean {
  const width = Math.min(widthOf(host), 420);
  const frameKey = `${state.gen}:${width}`;
  let canvas = host.querySelector('canvas');
  if (host.dataset.frame !== frameKey || !canvas) {
    host.dataset.frame = frameKey;
    const { regression } = run;
    const description = regression
      ? `Predicted value of ${run.label} over the plane on the ${run.config.data} data; blue is positive, orange negative; dots are shaded by their value.`
      : `Decision boundary of ${run.label} on the ${run.config.data} data; blue is the positive class${run.config.showtest === 'no' ? '' : ', hollow dots are test points'}.`;
    ctx.draw(
      host,
      boundaryOptions({
        grid: s.grid,
        side: s.gridSide,
        train: run.data.train,
        test: run.data.test,
        width,
        cells: false,
        description,
        showTest: run.config.showtest !== 'no',
        regression,
      }),
    );
    canvas = document.createElement('canvas');
    canvas.setAttribute('aria-hidden', 'true');
    const inset = `${(100 * BOUNDARY_MARGIN) / width}%`;
    const size = `${(100 * (width - 2 * BOUNDARY_MARGIN)) / width}%`;
    Object.assign(canvas.style, { left: inset, top: inset, width: size, height: size });
    host.prepend(canvas);
  }
  paintGrid(canvas, s.grid, s.gridSide, rgb, run.config.discrete === 'yes');
  return true;
}

/** The selected unit's pre-activation histogram over f and f', and its state in words. */
function drawUnit(
  host: HTMLElement,
  ctx: ViewContext,
  s: RunSnapshot,
  hidden: LayerFunction,
): void {
  const sel = ctx.selected;
  if (!sel) return;
  const { bins } = HISTOGRAM;
  const unit = s.units.slice(0, sel.layer - 1).reduce((a, b) => a + b, 0) + sel.index;
  const flags = s.unitFlags[unit] ?? 0;
  const name = `hidden ${sel.layer}, neuron ${sel.index + 1}`;
  const state =
    flags & UNIT_DEAD
      ? 'dead: f′(z) = 0 on every training point, so no gradient reaches its weights'
      : flags & UNIT_INACTIVE
        ? 'inactive (z < 0 on every training point) but not dead: its f′ is not 0 there, so it still learns'
        : 'active';
  const text = host.parentElement?.querySelector<HTMLElement>('[data-out="unit-state"]');
  if (text) text.textContent = `Selected: ${name}, ${state}.`;
  ctx.draw(
    host,
    histogramOptions(
      s.unitHistograms.subarray(unit * bins, (unit + 1) * bins),
      [hidden],
      widthOf(host),
      [name],
    ),
  );
}

/**
 * The histograms, one plot per layer and one layer per frame. A pass (named by the key it
 * started at) ends when every layer has been drawn in it, from the newest snapshot each time;
 * until then the host is marked `partial` and goes on next frame. One 9-layer plot was the
 * longest main-thread task of a deep network's training; a layer costs a ninth of it.
 */
function drawHistograms(
  host: HTMLElement,
  ctx: ViewContext,
  s: RunSnapshot,
  acts: readonly LayerFunction[],
): boolean {
  const names = acts.map((_, l) => layerName(l, acts.length));
  if (host.dataset.layers !== names.join(',')) {
    host.dataset.layers = names.join(',');
    host.replaceChildren(...names.map(() => document.createElement('div')));
  }
  const pass = host.dataset.partial ?? host.dataset.drawn ?? '';
  const { bins } = HISTOGRAM;
  let drew = false;
  for (const [l, child] of [...host.children].entries()) {
    if (!(child instanceof HTMLElement) || child.dataset.pass === pass) continue;
    if (drew) {
      host.dataset.partial = pass;
      return false;
    }
    child.dataset.pass = pass;
    ctx.draw(
      child,
      histogramOptions(
        s.histograms.subarray(l * bins, (l + 1) * bins),
        [acts[l] ?? 'linear'],
        widthOf(host),
        [names[l] ?? ''],
      ),
    );
    drew = true;
  }
  delete host.dataset.partial;
  return true;
}

/**
 * Draws the network diagram: its markup again only when the shape or the inputs change (the
 * reader's controls there work by delegation, so nothing is lost), then per snapshot the link
 * paths, the maps' canvas and the dead/inactive marks.
 */
function drawNetwork(
  host: HTMLElement,
  config: Config,
  s: RunSnapshot,
  rgb: readonly [Rgb, Rgb, Rgb],
  ctx: ViewContext,
): void {
  const hidden = s.units;
  const features = parseFeatures(config.feat);
  const shape = `${hidden.join(',')}|${features.join(',')}`;
  if (host.dataset.shape !== shape) {
    host.dataset.shape = shape;
    const focused =
      document.activeElement instanceof Element && host.contains(document.activeElement)
        ? document.activeElement
        : null;
    const focusKey =
      focused?.getAttribute('data-layers') ??
      focused?.getAttribute('data-units') ??
      focused?.getAttribute('data-feature');
    host.innerHTML = diagramMarkup({
      hidden,
      features,
      params: s.params,
      extent: EXTENT,
      maxLayers: MAX_LAYERS,
      maxWidth: MAX_WIDTH,
    });
    // Keep keyboard focus on the control that changed the shape, so + can be pressed again.
    if (focusKey)
      host
        .querySelector<HTMLElement>(
          `[data-layers="${focusKey}"], [data-units="${focusKey}"], [data-feature="${focusKey}"]`,
        )
        ?.focus();
    // A selected neuron that still exists stays selected; one that was removed is forgotten.
    const sel = ctx.selected;
    const g = sel ? host.querySelector(`[data-neuron="${sel.layer}:${sel.index}"]`) : null;
    if (g) g.setAttribute('aria-pressed', 'true');
    else if (sel) {
      ctx.selected = null;
      const unit = ctx.root.querySelector<HTMLElement>('[data-view="unit"]');
      if (unit) unit.closest<HTMLElement>('.pg-unit-panel')!.hidden = true;
    }
  }
  const layout = diagramLayout(hidden);
  const paths = linkPaths(linksOf(layout, features, s.params));
  for (let k = 0; k < LINK_WIDTHS.length; k++) {
    host.querySelector(`[data-links="positive-${k}"]`)?.setAttribute('d', paths.positive[k] ?? '');
    host.querySelector(`[data-links="negative-${k}"]`)?.setAttribute('d', paths.negative[k] ?? '');
  }
  const canvas = host.querySelector<HTMLCanvasElement>('canvas.pg-net-maps');
  if (canvas)
    drawDiagramMaps(
      canvas,
      layout,
      s.neurons,
      { values: s.grid, side: s.gridSide, discrete: config.discrete === 'yes' },
      rgb,
    );
  host.querySelectorAll<SVGElement>('[data-neuron]').forEach((g, unit) => {
    const flags = s.unitFlags[unit] ?? 0;
    const dead = (flags & UNIT_DEAD) !== 0 ? 'true' : 'false';
    const inactive = (flags & UNIT_INACTIVE) !== 0 ? 'true' : 'false';
    if (g.dataset.dead !== dead) g.dataset.dead = dead;
    if (g.dataset.inactive !== inactive) g.dataset.inactive = inactive;
  });
}
