/**
 * Why a run stopped being finite, in a sentence. Blaming the learning rate is right for a run that
 * trained and then blew up, and wrong for one that was never finite: a custom activation that is
 * NaN or infinite somewhere (`sqrt(x)` below 0, `0/0`, `x^1e308`) or weights that are not numbers
 * break the network at epoch 0, before the learning rate has done anything. Pure: no DOM.
 */
import { DIVERGED_MESSAGE } from './protocol.ts';

/** What the reason needs of a run. */
export interface DivergedRun {
  /** Epochs trained when it stopped being finite. */
  readonly epoch: number;
  /** The network's parameters. */
  readonly params: Float64Array;
  /** The reader's expression and its compiled f and f', for a custom run. */
  readonly custom?: { readonly label: string; f(x: number): number; df(x: number): number };
}

/** Inputs tried, nearest 0 first: every 1/64 out to ±8, then far out to ±1e6. */
const probes: readonly number[] = (() => {
  const out = [0];
  for (let k = 1; k <= 512; k++) out.push(-k / 64, k / 64);
  for (const x of [10, 20, 50, 100, 1e3, 1e4, 1e6]) out.push(-x, x);
  return out;
})();

/**
 * The probe nearest 0 where the function is not finite, else where its derivative is not: the
 * function first, because "sqrt(x) is NaN at x = -0.02" says more than its infinite slope at 0.
 */
export function firstNonFinite(fn: {
  f(x: number): number;
  df(x: number): number;
}): { x: number; which: 'f' | "f'"; value: number } | undefined {
  for (const which of ['f', "f'"] as const) {
    for (const x of probes) {
      const value = which === 'f' ? fn.f(x) : fn.df(x);
      if (!Number.isFinite(value)) return { x, which, value };
    }
  }
  return undefined;
}

/** A sentence saying what is not finite in a run that stopped being finite. */
export function divergenceReason(run: DivergedRun): string {
  const start = run.epoch === 0;
  const bad = run.params.findIndex((v) => !Number.isFinite(v));
  if (start && bad >= 0) {
    return `The network cannot train: its weights are not all finite numbers (parameter ${bad} is ${run.params[bad]}) before any training. Reset, or load a network saved before it diverged.`;
  }
  const found = run.custom ? firstNonFinite(run.custom) : undefined;
  if (run.custom && found) {
    const where = `${found.which === 'f' ? '' : 'the derivative of '}the custom activation ${run.custom.label} is ${found.value} at x = ${found.x}`;
    return start
      ? `The network's output is not a finite number before any training: ${where}. Change the expression (or pick another activation); training is paused.`
      : `Training stopped at epoch ${run.epoch}: the loss is no longer a finite number, and ${where}. Change the expression, or lower the learning rate if it is high; training is paused.`;
  }
  if (start) {
    return `The network's output is not a finite number before any training: ${run.custom ? `the custom activation ${run.custom.label} overflows for an input it receives` : 'a value overflows'}. Change the settings; training is paused.`;
  }
  return DIVERGED_MESSAGE;
}
