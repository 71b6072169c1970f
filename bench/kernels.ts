/**
 * Activation kernels: ns per element of each registry kernel (`fInto`) against the textbook
 * kernel written with Math.exp / Math.tanh / Math.log in the same run, and ReLU against a plain
 * array copy (a loop, and TypedArray.set). Ratios above 1 mean the registry is faster; the last
 * column is the registry's derivative kernel (`dfInto`, which training calls as often as `fInto`). `npx node bench/kernels.ts`.
 * The timing method (best of several rounds over a 4096-element array) is the one the site's
 * cost widget uses, from src/lib/kernel-cost.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { activations } from '../src/lib/activations/index.ts';
import type { ActivationId } from '../src/lib/activations/types.ts';
import { benchInputs, timeKernel } from '../src/lib/kernel-cost.ts';

const size = 4096;
const xs = benchInputs(size);
const out = new Float64Array(size);
const sqrt2OverPi = Math.sqrt(2 / Math.PI);

/** The shape of every kernel here, registry or textbook: a loop from one array into another. */
type Kernel = (xs: Float64Array, out: Float64Array) => void;

/**
 * The obvious one-liners a textbook (or the seed post) would write, each in its own loop. Not one
 * shared `loop(f)`: its call site would see every function, turn megamorphic and stop inlining,
 * which charges the textbook a call per element that the registry's kernels do not pay.
 * Each takes its arrays as arguments, as `fInto` does. A loop that closes over this module's
 * constant arrays lets TurboFan fold their map checks and bounds (~0.3-0.6 ns per element, more
 * than a whole ReLU), an advantage no kernel called with real buffers can have.
 */
const textbook: Partial<Record<ActivationId, Kernel>> = {
  sigmoid: (xs, out) => {
    for (let i = 0, n = xs.length; i < n; i++) out[i] = 1 / (1 + Math.exp(-xs[i]!));
  },
  tanh: (xs, out) => {
    for (let i = 0, n = xs.length; i < n; i++) out[i] = Math.tanh(xs[i]!);
  },
  softplus: (xs, out) => {
    for (let i = 0, n = xs.length; i < n; i++) out[i] = Math.log(1 + Math.exp(xs[i]!));
  },
  silu: (xs, out) => {
    for (let i = 0, n = xs.length; i < n; i++) out[i] = xs[i]! / (1 + Math.exp(-xs[i]!));
  },
  // GELU's textbook form is the tanh approximation (what most code writes for GELU).
  gelu: (xs, out) => {
    for (let i = 0, n = xs.length; i < n; i++) {
      const x = xs[i]!;
      out[i] = 0.5 * x * (1 + Math.tanh(sqrt2OverPi * (x + 0.044715 * x * x * x)));
    }
  },
  'gelu-tanh': (xs, out) => {
    for (let i = 0, n = xs.length; i < n; i++) {
      const x = xs[i]!;
      out[i] = 0.5 * x * (1 + Math.tanh(sqrt2OverPi * (x + 0.044715 * x * x * x)));
    }
  },
  mish: (xs, out) => {
    for (let i = 0, n = xs.length; i < n; i++) out[i] = xs[i]! * Math.tanh(Math.log(1 + Math.exp(xs[i]!)));
  },
  elu: (xs, out) => {
    for (let i = 0, n = xs.length; i < n; i++) out[i] = xs[i]! > 0 ? xs[i]! : Math.exp(xs[i]!) - 1;
  },
  relu: (xs, out) => {
    for (let i = 0, n = xs.length; i < n; i++) out[i] = xs[i]! > 0 ? xs[i]! : 0;
  },
};

/** Required speed-ups from the performance issue (registry vs textbook). */
const targets: Partial<Record<ActivationId, number>> = { sigmoid: 2, tanh: 2, softplus: 2, silu: 2, gelu: 1.5, 'gelu-tanh': 1.5, mish: 1.5 };

const now = () => performance.now();
const copy = timeKernel(() => out.set(xs), size, 40, 7, now);
// The same loop as the kernels with nothing in it: the peer for ReLU (TypedArray.set is a
// memcpy, which no element-by-element JavaScript loop can match; both are reported).
const copyLoopKernel: Kernel = (xs, out) => {
  for (let i = 0, n = xs.length; i < n; i++) out[i] = xs[i]!;
};
const copyLoop = timeKernel(() => copyLoopKernel(xs, out), size, 40, 7, now);
const rows = (Object.keys(textbook) as ActivationId[]).map((id) => {
  const tb = textbook[id];
  const registry = timeKernel(() => activations[id].fInto(xs, out), size, 40, 7, now);
  const derivative = timeKernel(() => activations[id].dfInto(xs, out), size, 40, 7, now);
  const reference = tb ? timeKernel(() => tb(xs, out), size, 40, 7, now) : NaN;
  return { id, registryNs: registry, textbookNs: reference, speedup: reference / registry, target: targets[id] ?? null, registryDfNs: derivative };
});

console.log(`array copy: loop ${copyLoop.toFixed(3)} ns/element, TypedArray.set ${copy.toFixed(3)} ns/element\n`);
console.log('| kernel | registry ns/el | textbook ns/el | speed-up | target | registry dfInto ns/el |\n| --- | ---: | ---: | ---: | --- | ---: |');
for (const r of rows) {
  const target = r.id === 'relu' ? `≤1.5× loop copy: ${(r.registryNs / copyLoop).toFixed(2)}× (set: ${(r.registryNs / copy).toFixed(1)}×)` : r.target ? `≥${r.target}× ${r.speedup >= r.target ? 'met' : 'NOT met'}` : '';
  console.log(`| ${r.id} | ${r.registryNs.toFixed(2)} | ${r.textbookNs.toFixed(2)} | ${r.speedup.toFixed(2)}× | ${target} | ${r.registryDfNs.toFixed(2)} |`);
}
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/kernels.json', `${JSON.stringify({ date: new Date().toISOString(), node: process.version, copyNs: copy, copyLoopNs: copyLoop, rows }, null, 2)}\n`);
