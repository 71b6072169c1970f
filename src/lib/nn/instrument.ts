/**
 * Per-epoch instrumentation: gradient norms, pre-activation histograms, dead, inactive and
 * saturated units.
 *
 * Dead and inactive are kept apart so the ReLU family is judged fairly: a unit is dead when its
 * derivative f'(z) was exactly 0 on every example (no gradient reaches its weights, so it cannot
 * recover), and inactive when its pre-activation z was negative on every example. A dead ReLU is
 * both; an inactive Leaky ReLU or PReLU unit still passes its slope times the gradient and learns.
 *
 * State: one {@link EpochStats} (what the caller reads) plus per-unit flags and gradient sums,
 * all preallocated for the layout. Lifecycle: `beginEpoch` clears, `recordBatch` and
 * `recordGradients` accumulate once per batch, `finishEpoch` turns counts into fractions and
 * means. What can go stale: the stats object is reused, so a caller that keeps a reference sees
 * it change at the next instrumented epoch; between `beginEpoch` and `finishEpoch` it is partial.
 */
import type { Layout, Workspace } from './layout.ts';
import { HISTOGRAM, SATURATION_THRESHOLD, type EpochStats, type LayerStats } from './types.ts';

/** The stats plus the working flags behind them. */
export interface StatsAccumulator {
  /** What the model exposes. */
  readonly stats: EpochStats;
  /** Per layer, 1 while every f'(z) seen so far for the unit was exactly 0. */
  readonly dead: readonly Uint8Array[];
  /** Per layer, 1 while every pre-activation seen so far for the unit was negative. */
  readonly inactive: readonly Uint8Array[];
  /** Per layer, 1 while every |f'(z)| seen so far for the unit was below the threshold. */
  readonly saturated: readonly Uint8Array[];
  /** Per layer, sum over updates of the gradient norm. */
  readonly gradSums: Float64Array;
  /** Updates recorded this epoch. */
  updates: number;
}

/** Allocates the stats for a layout. */
export function createStatsAccumulator(layout: Layout): StatsAccumulator {
  const layers: LayerStats[] = layout.layers.map((l) => ({
    units: l.outSize,
    gradientNorm: 0,
    histogram: new Uint32Array(HISTOGRAM.bins),
    underflow: 0,
    overflow: 0,
    nan: 0,
    deadFraction: 0,
    inactiveFraction: 0,
    saturatedFraction: 0,
    slope: null,
  }));
  return {
    stats: { epoch: 0, layers },
    dead: layout.layers.map((l) => new Uint8Array(l.outSize)),
    inactive: layout.layers.map((l) => new Uint8Array(l.outSize)),
    saturated: layout.layers.map((l) => new Uint8Array(l.outSize)),
    gradSums: new Float64Array(layout.layers.length),
    updates: 0,
  };
}

/** Clears everything for a new epoch. */
export function beginEpoch(acc: StatsAccumulator): void {
  for (const s of acc.stats.layers) {
    s.histogram.fill(0);
    s.underflow = 0;
    s.overflow = 0;
    s.nan = 0;
  }
  for (const d of acc.dead) d.fill(1);
  for (const d of acc.inactive) d.fill(1);
  for (const d of acc.saturated) d.fill(1);
  acc.gradSums.fill(0);
  acc.updates = 0;
}

/**
 * Records one batch after its backward pass: `ws.z` and `ws.df` must hold the batch's
 * pre-activations and derivatives for every non-input layer.
 */
export function recordBatch(acc: StatsAccumulator, ws: Workspace): void {
  const { bins, min, max } = HISTOGRAM;
  const perUnit = bins / (max - min);
  const n = ws.n;
  acc.stats.layers.forEach((s, l) => {
    const z = ws.z[l + 1]!;
    const df = ws.df[l + 1]!;
    const dead = acc.dead[l]!;
    const inactive = acc.inactive[l]!;
    const saturated = acc.saturated[l]!;
    const hist = s.histogram;
    for (let j = 0; j < s.units; j++) {
      const o = j * n;
      for (let r = 0; r < n; r++) {
        const zr = z[o + r]!;
        if (zr < min) s.underflow++;
        else if (zr >= max) s.overflow++;
        else if (zr >= min) hist[Math.floor((zr - min) * perUnit)]!++;
        else s.nan++;
        // Written as negations so that a NaN (a diverged run) counts as neither dead nor inactive.
        if (!(df[o + r] === 0)) dead[j] = 0;
        if (!(zr < 0)) inactive[j] = 0;
        if (!(Math.abs(df[o + r]!) < SATURATION_THRESHOLD)) saturated[j] = 0;
      }
    }
  });
}

/** Adds each layer's gradient norm (weights and biases) for one update. */
export function recordGradients(acc: StatsAccumulator, layout: Layout, grads: Float64Array): void {
  layout.layers.forEach((layer, l) => {
    const end = layer.bOffset + layer.outSize;
    let s = 0;
    for (let k = layer.wOffset; k < end; k++) s += grads[k]! * grads[k]!;
    acc.gradSums[l]! += Math.sqrt(s);
  });
  acc.updates++;
}

/** Turns the epoch's counts into fractions and means, and notes each layer's PReLU slope. */
export function finishEpoch(
  acc: StatsAccumulator,
  epoch: number,
  slopeOf: (layer: number) => number | null,
): void {
  acc.stats.epoch = epoch;
  acc.stats.layers.forEach((s, l) => {
    const count = (flags: Uint8Array): number => flags.reduce((c, f) => c + f, 0);
    s.gradientNorm = acc.updates > 0 ? acc.gradSums[l]! / acc.updates : 0;
    s.deadFraction = count(acc.dead[l]!) / s.units;
    s.inactiveFraction = count(acc.inactive[l]!) / s.units;
    s.saturatedFraction = count(acc.saturated[l]!) / s.units;
    s.slope = slopeOf(l);
  });
}
