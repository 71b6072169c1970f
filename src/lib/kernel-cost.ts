/**
 * Measures what an activation costs per element, the same way everywhere: in the reader's
 * browser (a Web Worker), at build time (the property table) and in `npm run bench`; with the
 * textbook loops of `textbook-kernels.ts` beside the tuned kernels when asked. A kernel
 * runs over a fixed array repeatedly until a time budget is spent; the best of several rounds is
 * kept, since interference (GC, other tabs, JIT) only ever makes a round slower.
 */
import { activations } from './activations/index.ts';
import type { ActivationId } from './activations/types.ts';
import { textbookKernels, type Kernel } from './textbook-kernels.ts';

/**
 * Which code a measurement timed: the registry's tuned kernel (`fInto`/`dfInto`), the textbook
 * loop of `textbook-kernels.ts`, or the baseline copy (Float64Array.set, id `copy`).
 */
export type KernelForm = 'tuned' | 'textbook' | 'baseline';

/** One measured kernel. */
export interface KernelCost {
  /** An activation id, or `copy` for the baseline. */
  readonly id: ActivationId | 'copy';
  /** Which code was timed. */
  readonly form: KernelForm;
  /** Best observed nanoseconds per element. */
  readonly nsPerElement: number;
}

/** Options for {@link measureCosts}. */
export interface CostOptions {
  /** Elements per call (fits in L1/L2 so memory is not what we measure). */
  readonly size?: number;
  /** Time budget per round, milliseconds. */
  readonly roundMs?: number;
  /** Rounds per kernel; the fastest is reported. */
  readonly rounds?: number;
  /** Clock in milliseconds (performance.now in browsers and Node). */
  readonly now?: () => number;
  /** Measure f' instead of f. */
  readonly derivative?: boolean;
  /** Also time the textbook loop of every id that has one, right after its tuned kernel. */
  readonly textbook?: boolean;
}

/** Best-of-rounds nanoseconds per element of `run`, which processes `elements` per call. */
export function timeKernel(
  run: () => void,
  elements: number,
  roundMs: number,
  rounds: number,
  now: () => number,
): number {
  run(); // warm-up: let the JIT compile before the clock starts
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    let calls = 0;
    const start = now();
    let elapsed = 0;
    do {
      run();
      calls++;
      elapsed = now() - start;
    } while (elapsed < roundMs);
    best = Math.min(best, (elapsed * 1e6) / (calls * elements));
  }
  return best;
}

/**
 * Inputs spread evenly over [-8, 8), where every function does its real work (no constant
 * tails), in a shuffled order (fixed seed): the signs follow no pattern a branch predictor could
 * learn, as in a layer of a real network, so a kernel that branches on the sign pays for it here
 * too. (A stride order, as this once was, changes sign every 7 or 8 elements: predictable.)
 */
export function benchInputs(size: number): Float64Array {
  const xs = new Float64Array(size);
  for (let i = 0; i < size; i++) xs[i] = -8 + (16 * i) / size;
  let state = 0x9e3779b9;
  for (let i = size - 1; i > 0; i--) {
    // xorshift32, then a Fisher–Yates swap
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const j = (state >>> 0) % (i + 1);
    const t = xs[i]!;
    xs[i] = xs[j]!;
    xs[j] = t;
  }
  return xs;
}

/**
 * ns/element of the baseline copy and of each activation's vectorised form, in the given order
 * (with `textbook`, each followed by its textbook loop, so drift hits the pair alike).
 * `onResult` sees each result as soon as it is measured (a worker streams them to the page).
 *
 * Every kernel reads its arrays from a mutable object at each call. Arrays captured as constants
 * would let TurboFan inline a kernel into its timing closure and fold the arrays' checks into
 * constants, a saving no kernel called with a real layer's buffers gets (bench/README.md).
 */
export function measureCosts(
  ids: readonly ActivationId[],
  options: CostOptions = {},
  onResult?: (cost: KernelCost) => void,
): KernelCost[] {
  const size = options.size ?? 4096;
  const roundMs = options.roundMs ?? 15;
  const rounds = options.rounds ?? 5;
  const now = options.now ?? (() => performance.now());
  const io: { xs: Float64Array; out: Float64Array } = {
    xs: new Float64Array(0),
    out: new Float64Array(0),
  };
  io.xs = benchInputs(size);
  io.out = new Float64Array(size);
  const results: KernelCost[] = [];
  const time = (id: KernelCost['id'], form: KernelForm, run: () => void): void => {
    const cost: KernelCost = {
      id,
      form,
      nsPerElement: timeKernel(run, size, roundMs, rounds, now),
    };
    results.push(cost);
    onResult?.(cost);
  };
  time('copy', 'baseline', () => io.out.set(io.xs));
  for (const id of ids) {
    const a = activations[id];
    time(
      id,
      'tuned',
      options.derivative ? () => a.dfInto(io.xs, io.out) : () => a.fInto(io.xs, io.out),
    );
    const textbook = options.textbook ? textbookKernels[id] : undefined;
    if (textbook) {
      const loop: Kernel = options.derivative ? textbook.df : textbook.f;
      time(id, 'textbook', () => loop(io.xs, io.out));
    }
  }
  return results;
}
