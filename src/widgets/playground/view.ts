/**
 * Draws a {@link ViewState} into the playground's markup: readouts, the notice, and every figure
 * the markup asks for (hosts marked `data-view` and `data-run`). Loaded on the first play or step.
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
import type { Dataset } from '../../lib/data/index.ts';
import { GRID, type Config } from './config.ts';
import { HISTOGRAM } from '../../lib/nn/index.ts';
import { BOUNDARY_MARGIN, boundaryOptions, type LayerFunction, deadOptions, formatLoss, formatShare, gradientOptions, histogramOptions, layerName, lossOptions } from './model.ts';
import { drawNeuronMaps, paintGrid, resolveColor } from './neuron-maps.ts';
import type { RunSnapshot, ViewState } from './protocol.ts';

/** Minimum time between two heavy redraws; one heavy view per turn, in rotation. */
const HEAVY_MS = 100;
/** Drawing time after which a frame stops starting new plots (the rest wait for the next frame). */
const FRAME_BUDGET_MS = 12;

/** What the view needs besides the state. */
export interface ViewContext {
  /** The custom element (markup root). */
  readonly root: HTMLElement;
  /** Settings and data of each run. */
  readonly runs: readonly {
    readonly label: string;
    readonly config: Config;
    readonly data: Dataset;
    /** The hidden layers' function (a compiled expression for a custom run), for the histograms. */
    readonly hidden: LayerFunction;
  }[];
  /** Renders Plot options into a host. */
  readonly draw: (host: HTMLElement, options: PlotOptions) => void;
  /** Time of the last heavy redraw (mutated here; owned by the element). */
  lastHeavy: number;
  /** How many heavy redraws so far, to pick the next view in rotation (mutated here). */
  heavyTurn: number;
}

const visible = (el: HTMLElement): boolean => el.offsetParent !== null && !el.closest('details:not([open])');
const widthOf = (el: HTMLElement): number => Math.max(200, Math.round(el.clientWidth));

/**
 * Redraws what changed since each figure was last drawn (a figure remembers the generation,
 * epoch and width it shows). Returns true when a heavy view is still stale, so the caller
 * schedules another frame instead of drawing it now.
 */
export function renderView(ctx: ViewContext, state: ViewState): boolean {
  const { root, runs, draw } = ctx;
  const rgb = [resolveColor(root, 'var(--curve-2)'), resolveColor(root, 'var(--bg)'), resolveColor(root, 'var(--curve-1)')] as const;
  const set = (sel: string, text: string): void => {
    for (const el of root.querySelectorAll(sel)) if (el.textContent !== text) el.textContent = text;
  };

  const first = state.runs[0]?.latest;
  set('[data-out="epoch"]', String(first?.epoch ?? 0));
  set('[data-out="status"]', state.status);
  root.dataset.status = state.status;
  state.runs.forEach((run, i) => {
    const s = run.latest;
    set(`[data-out="train-loss"][data-run="${i}"]`, formatLoss(s?.trainLoss));
    set(`[data-out="test-loss"][data-run="${i}"]`, formatLoss(s?.testLoss));
    set(`[data-out="accuracy"][data-run="${i}"]`, `${formatShare(s?.trainAccuracy)} / ${formatShare(s?.testAccuracy)}`);
    const slopes = s ? Array.from(s.slopes).filter((v) => Number.isFinite(v)) : [];
    set(`[data-out="slope"][data-run="${i}"]`, slopes.length === 0 ? '—' : slopes.map((v) => v.toFixed(3)).join(', '));
  });
  const notice = root.querySelector<HTMLElement>('[data-out="notice"]');
  if (notice) {
    notice.hidden = state.message === '';
    set('[data-out="message"]', state.message);
  }
  const play = root.querySelector<HTMLButtonElement>('[data-action="play"]');
  if (play) play.disabled = state.status === 'running' || state.status === 'diverged' || state.status === 'error';
  const pause = root.querySelector<HTMLButtonElement>('[data-action="pause"]');
  if (pause) pause.disabled = state.status !== 'running';

  const now = performance.now();
  const hosts = [...root.querySelectorAll<HTMLElement>('[data-view]')].filter(visible);
  const keyOf = (host: HTMLElement): string => {
    const s = state.runs[Number(host.dataset.run ?? 0)]?.latest;
    return s ? `${state.gen}:${s.epoch}:${s.diverged}:${host.clientWidth}:${runs.length}` : '';
  };
  const stale = hosts.filter((h) => keyOf(h) !== '' && h.dataset.drawn !== keyOf(h));
  const light = stale.filter((h) => h.dataset.view === 'loss' || h.dataset.view === 'boundary');
  const heavyStale = stale.filter((h) => !light.includes(h));
  // A heavy view left part-drawn (the histograms, a layer per plot) goes on first, every frame.
  const pending = heavyStale.find((h) => h.dataset.partial !== undefined);
  const turn = pending ?? (now - ctx.lastHeavy >= HEAVY_MS ? heavyStale[ctx.heavyTurn++ % Math.max(1, heavyStale.length)] : undefined);
  if (turn) ctx.lastHeavy = now;
  let more = heavyStale.some((h) => h !== turn);
  // A frame with a heavy view draws nothing else but the boundary's canvas (a fraction of a
  // millisecond): the loss plot waits a frame, so no frame pays for two plots.
  const alongside = turn ? light.filter((h) => h.dataset.view === 'boundary' && h.querySelector('canvas')) : light;
  if (alongside.length < light.length) more = true;
  for (const host of turn ? [...alongside, turn] : alongside) {
    // Several runs mean several plots: stop once this frame has had its share and finish next frame.
    if (performance.now() - now > FRAME_BUDGET_MS) {
      more = true;
      break;
    }
    const i = Number(host.dataset.run ?? 0);
    const run = runs[i];
    const s = state.runs[i]?.latest;
    const kind = host.dataset.view;
    if (!run || !s) continue;
    host.dataset.drawn = keyOf(host);
    const start = performance.now();
    if (!drawOne(host, kind)) {
      // Not finished within this frame: stays stale (and pending) for the next one.
      delete host.dataset.drawn;
      more = true;
    }
    // One User Timing entry per figure, so a slow view can be found in a real browser.
    performance.measure(`af-playground-${kind ?? ''}`, { start });
  }
  return more;

  /** Draws one view; false when it stopped part-way to keep the frame short (histograms only). */
  function drawOne(host: HTMLElement, kind: string | undefined): boolean {
    const i = Number(host.dataset.run ?? 0);
    const run = runs[i];
    const s = state.runs[i]?.latest;
    if (!run || !s) return true;
    if (kind === 'loss') {
      draw(host, lossOptions(state.runs.map((r) => r.history), runs.length > 1 ? runs.map((r) => r.label) : [''], widthOf(host)));
    } else if (kind === 'boundary') {
      // The SVG (axes and points) changes only with the data or the width; each snapshot repaints
      // just the 50×50 canvas under it, a fraction of a millisecond instead of a Plot render.
      const width = Math.min(widthOf(host), 420);
      const frameKey = `${state.gen}:${width}`;
      let canvas = host.querySelector('canvas');
      if (host.dataset.frame !== frameKey || !canvas) {
        host.dataset.frame = frameKey;
        const description = `Decision boundary of ${run.label} on the ${run.config.data} data; blue is the positive class, hollow dots are test points.`;
        draw(host, boundaryOptions({ grid: s.grid, side: GRID, train: run.data.train, test: run.data.test, width, cells: false, description }));
        canvas = document.createElement('canvas');
        canvas.setAttribute('aria-hidden', 'true');
        const inset = `${(100 * BOUNDARY_MARGIN) / width}%`;
        const size = `${(100 * (width - 2 * BOUNDARY_MARGIN)) / width}%`;
        Object.assign(canvas.style, { left: inset, top: inset, width: size, height: size });
        host.prepend(canvas);
      }
      paintGrid(canvas, s.grid, GRID, rgb);
    } else if (kind === 'gradients') {
      draw(host, gradientOptions(state.runs[i]?.history ?? { epoch: [], train: [], test: [], grad: [] }, widthOf(host), `gradient norm, ${run.label}`));
    } else if (kind === 'histograms') {
      return drawHistograms(host, s, [...s.units.map(() => run.hidden), run.config.out]);
    } else if (kind === 'dead') {
      draw(host, deadOptions(s.dead, s.inactive, s.units, widthOf(host)));
    } else if (kind === 'neurons') {
      drawNeuronMaps(host, s.neurons, s.units, rgb);
    }
    return true;
  }

  /**
   * The histograms, one plot per layer and one layer per frame. A pass (named by the key it
   * started at) ends when every layer has been drawn in it, from the newest snapshot each time;
   * until then the host is marked `partial` and goes on next frame. One 9-layer plot was the
   * longest main-thread task of a deep network's training; a layer costs a ninth of it.
   */
  function drawHistograms(host: HTMLElement, s: RunSnapshot, acts: readonly LayerFunction[]): boolean {
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
      draw(child, histogramOptions(s.histograms.subarray(l * bins, (l + 1) * bins), [acts[l] ?? 'linear'], widthOf(host), [names[l] ?? '']));
      drew = true;
    }
    delete host.dataset.partial;
    return true;
  }
}
