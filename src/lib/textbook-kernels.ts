/**
 * The textbook kernels: each activation as a tutorial (or the seed post) would write it, with
 * `Math.exp`, `Math.tanh` and `Math.log`, in a plain loop. They are the peers the tuned kernels
 * are timed against, in the reader's browser (the cost widget) and in `npm run bench`; nothing
 * trains with them. They share the registry's shape, a loop from one array into another.
 *
 * Each loop is written out on its own, not as one shared `loop(f)`: that call site would see
 * every function, turn megamorphic and stop inlining, which would charge the textbook a call per
 * element that the tuned kernels do not pay.
 */
import type { ActivationId } from './activations/types.ts';

/** A loop from one array into another: `out[i] = g(xs[i])` for every i. */
export type Kernel = (xs: Float64Array, out: Float64Array) => void;

/** One textbook form: its formula in words, and loops for f and f'. */
export interface TextbookKernel {
  /** The function the textbook writes down, in plain text (`1 / (1 + Math.exp(-x))`). */
  readonly formula: string;
  /** The loop for f. */
  readonly f: Kernel;
  /** The loop for f' as the same textbook writes it (through f where the formula allows). */
  readonly df: Kernel;
}

const sqrt2OverPi = Math.sqrt(2 / Math.PI);
const geluCubic = 0.044715;

/** GELU's tanh approximation and its derivative, written out as most code writes GELU. */
const geluTanhFormula: TextbookKernel = {
  formula: '0.5 x (1 + Math.tanh(√(2/π) (x + 0.044715 x³)))',
  f: (xs, out) => {
    for (let i = 0, n = xs.length; i < n; i++) {
      const x = xs[i]!;
      out[i] = 0.5 * x * (1 + Math.tanh(sqrt2OverPi * (x + geluCubic * x * x * x)));
    }
  },
  df: (xs, out) => {
    for (let i = 0, n = xs.length; i < n; i++) {
      const x = xs[i]!;
      const t = Math.tanh(sqrt2OverPi * (x + geluCubic * x * x * x));
      out[i] = 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * sqrt2OverPi * (1 + 3 * geluCubic * x * x);
    }
  },
};

/**
 * The textbook forms of the activations that need a transcendental function. GELU has none of
 * its own: the tanh approximation is what most code writes for GELU, so both GELU rows compare
 * against it. The piecewise-linear functions are left out: their textbook form is the formula the
 * registry already runs.
 */
export const textbookKernels: Partial<Record<ActivationId, TextbookKernel>> = {
  sigmoid: {
    formula: '1 / (1 + Math.exp(-x))',
    f: (xs, out) => {
      for (let i = 0, n = xs.length; i < n; i++) out[i] = 1 / (1 + Math.exp(-xs[i]!));
    },
    df: (xs, out) => {
      for (let i = 0, n = xs.length; i < n; i++) {
        const s = 1 / (1 + Math.exp(-xs[i]!));
        out[i] = s * (1 - s);
      }
    },
  },
  tanh: {
    formula: 'Math.tanh(x)',
    f: (xs, out) => {
      for (let i = 0, n = xs.length; i < n; i++) out[i] = Math.tanh(xs[i]!);
    },
    df: (xs, out) => {
      for (let i = 0, n = xs.length; i < n; i++) {
        const t = Math.tanh(xs[i]!);
        out[i] = 1 - t * t;
      }
    },
  },
  elu: {
    formula: 'x > 0 ? x : Math.exp(x) - 1',
    f: (xs, out) => {
      for (let i = 0, n = xs.length; i < n; i++)
        out[i] = xs[i]! > 0 ? xs[i]! : Math.exp(xs[i]!) - 1;
    },
    df: (xs, out) => {
      for (let i = 0, n = xs.length; i < n; i++) out[i] = xs[i]! > 0 ? 1 : Math.exp(xs[i]!);
    },
  },
  gelu: geluTanhFormula,
  'gelu-tanh': geluTanhFormula,
  silu: {
    formula: 'x / (1 + Math.exp(-x))',
    f: (xs, out) => {
      for (let i = 0, n = xs.length; i < n; i++) out[i] = xs[i]! / (1 + Math.exp(-xs[i]!));
    },
    df: (xs, out) => {
      for (let i = 0, n = xs.length; i < n; i++) {
        const x = xs[i]!;
        const s = 1 / (1 + Math.exp(-x));
        out[i] = s * (1 + x * (1 - s));
      }
    },
  },
  softplus: {
    formula: 'Math.log(1 + Math.exp(x))',
    f: (xs, out) => {
      for (let i = 0, n = xs.length; i < n; i++) out[i] = Math.log(1 + Math.exp(xs[i]!));
    },
    df: (xs, out) => {
      for (let i = 0, n = xs.length; i < n; i++) out[i] = 1 / (1 + Math.exp(-xs[i]!));
    },
  },
  mish: {
    formula: 'x · Math.tanh(Math.log(1 + Math.exp(x)))',
    f: (xs, out) => {
      for (let i = 0, n = xs.length; i < n; i++)
        out[i] = xs[i]! * Math.tanh(Math.log(1 + Math.exp(xs[i]!)));
    },
    df: (xs, out) => {
      for (let i = 0, n = xs.length; i < n; i++) {
        const x = xs[i]!;
        const t = Math.tanh(Math.log(1 + Math.exp(x)));
        out[i] = t + (x * (1 - t * t)) / (1 + Math.exp(-x));
      }
    },
  },
};
