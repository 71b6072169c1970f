/**
 * The activation registry, table-driven: every check runs for every id in `activationIds`, so a
 * new activation needs a record and no new test code. Accuracy against the high-precision
 * oracle lives in activations-accuracy.test.ts; this file checks the contract around it
 * (registry, declared properties, identities, vectorised forms, formulas, spot values).
 */
import fc from 'fast-check';
import katex from 'katex';
import { describe, expect, test } from 'vitest';
import {
  activationIds,
  activations,
  getActivation,
  isActivationId,
  type Activation,
  type ActivationId,
} from '../../src/lib/activations/index.ts';
import { SELU_ALPHA, SELU_SCALE } from '../../src/lib/activations/elu-family.ts';
import { ulpDistance } from '../../src/lib/ulp.ts';

const ids = [...activationIds];
const MAX = Number.MAX_VALUE;

/** A spread of inputs: a dense grid, log-spaced magnitudes of both signs, and the edges. */
function samplePoints(): number[] {
  const xs: number[] = [];
  for (let i = -2000; i <= 2000; i++) xs.push(i / 100);
  for (let e = -323; e <= 308; e += 0.5) xs.push(10 ** e, -(10 ** e));
  xs.push(0, -0, 5e-324, -5e-324, 2 ** -1022, 1e-300, -1e-300, 1e300, -1e300, MAX, -MAX);
  xs.push(-745.2, -709.8, -700, -37.5, 37.5, 700, 709.8, 745.2, -3, 3, -1, 1, -1.5);
  return xs.sort((a, b) => a - b);
}
const points = samplePoints();

/** Points at least `gap` away from every kink (for derivative and identity checks). */
const awayFromKinks = (a: Activation, xs: readonly number[], gap: number): number[] =>
  xs.filter((x) => a.properties.kinks.every((k) => Math.abs(x - k) > gap));

/**
 * The smallest (sign 1) or largest (sign -1) value of f over the sample points, refined by a
 * golden-section search between the neighbours of the best point (for interior minima).
 */
function extremum(f: (x: number) => number, sign: 1 | -1): number {
  const g = (x: number): number => sign * f(x);
  let best = 0;
  points.forEach((x, i) => {
    if (g(x) < g(points[best]!)) best = i;
  });
  let lo = points[Math.max(0, best - 1)]!;
  let hi = points[Math.min(points.length - 1, best + 1)]!;
  const r = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 200 && hi - lo > 0; i++) {
    const m1 = hi - r * (hi - lo);
    const m2 = lo + r * (hi - lo);
    if (g(m1) < g(m2)) hi = m2;
    else lo = m1;
  }
  return sign * Math.min(g(lo), g(hi), g(points[best]!));
}

describe('registry', () => {
  test('holds exactly the listed ids, each once, in teaching order', () => {
    expect(Object.keys(activations)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(activations[id].id).toBe(id);
  });

  test('getActivation returns the record and throws on an unknown id, naming it', () => {
    for (const id of ids) expect(getActivation(id)).toBe(activations[id]);
    expect(() => getActivation('nope')).toThrow(new Error('unknown activation: nope'));
    expect(() => getActivation('toString')).toThrow('unknown activation: toString');
    expect(isActivationId('gelu')).toBe(true);
    expect(isActivationId('Gelu')).toBe(false);
  });

  test('the registry cannot be mutated', () => {
    expect(Object.isFrozen(activations)).toBe(true);
  });
});

describe.each(ids)('%s', (id: ActivationId) => {
  const a = activations[id];
  const p = a.properties;
  const f = (x: number): number => a.f(x);
  const df = (x: number): number => a.df(x);

  test('record shape: id matches key, one-line texts, sane parameters', () => {
    expect(a.id).toBe(id);
    expect(a.name.length).toBeGreaterThan(0);
    expect(a.summary).toMatch(/^[^\n]{10,120}$/);
    for (const s of a.params) {
      expect(s.min).toBeLessThanOrEqual(s.default);
      expect(s.default).toBeLessThanOrEqual(s.max);
      expect(s.step).toBeGreaterThan(0);
      expect(a.latex, `${s.name}'s symbol appears in the formula`).toContain(s.symbol);
    }
  });

  test('latex, dlatex and the range render with KaTeX', () => {
    for (const tex of [a.latex, a.dlatex, a.range.latex]) {
      expect(() => katex.renderToString(tex, { throwOnError: true }), tex).not.toThrow();
    }
  });

  test('NaN in, NaN out; no NaN and no spurious overflow for finite input', () => {
    expect(f(NaN)).toBeNaN();
    expect(df(NaN)).toBeNaN();
    // f may overflow only where it grows like x and |x| is already near the top of the range
    const bad = points.filter(
      (x) =>
        Number.isNaN(f(x)) ||
        !Number.isFinite(df(x)) ||
        (!Number.isFinite(f(x)) && Math.abs(x) < 1e308),
    );
    expect(bad).toEqual([]);
  });

  test('the declared range holds, including the limits at ±Infinity', () => {
    const { min, max, minInclusive, maxInclusive } = a.range;
    // an interior minimum is declared as its correctly rounded value; allow rounding of f there
    const lo = Number.isFinite(min) && minInclusive && min !== 0 ? min - 4 * ulp(min) : min;
    const outside = [...points, Infinity, -Infinity].filter((x) => !(f(x) >= lo && f(x) <= max));
    expect(outside).toEqual([]);
    // open ends are not reached at moderate x (far out, doubles round onto the bound)
    const grid = Array.from({ length: 1001 }, (_, i) => -5 + i / 100);
    expect(
      grid.filter((x) => (!minInclusive && f(x) <= min) || (!maxInclusive && f(x) >= max)),
    ).toEqual([]);
    // closed finite ends are attained
    if (minInclusive && Number.isFinite(min)) expect(extremum(f, 1)).toBeLessThan(min + 1e-12);
    if (maxInclusive && Number.isFinite(max)) expect(extremum(f, -1)).toBeGreaterThan(max - 1e-12);
    // bounded agrees with the range
    const below = Number.isFinite(min);
    const above = Number.isFinite(max);
    const expected = below && above ? 'both' : below ? 'below' : above ? 'above' : 'none';
    expect(p.bounded).toBe(expected);
  });

  test('monotonic is declared exactly when f never decreases', () => {
    let decreases = false;
    for (let i = 1; i < points.length; i++) {
      if (f(points[i]!) < f(points[i - 1]!)) decreases = true;
    }
    expect(decreases).toBe(!p.monotonic);
    if (p.monotonic) expect(points.filter((x) => !(df(x) >= 0))).toEqual([]);
  });

  test('zeroCentered is declared exactly when the mean output over a standard normal is within 0.05 of 0', () => {
    // Simpson's rule for E[f(Z)] on [-12, 12]; the tails beyond carry less than 1e-30.
    const n = 4800;
    const h = 24 / n;
    let sum = 0;
    for (let i = 0; i <= n; i++) {
      const z = -12 + i * h;
      const w = i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2;
      sum += w * f(z) * Math.exp(-0.5 * z * z);
    }
    const mean = (sum * h) / 3 / Math.sqrt(2 * Math.PI);
    expect(Math.abs(mean) <= 0.05).toBe(p.zeroCentered);
  });

  test('dfAtZero is what df(0) returns', () => {
    expect(df(0)).toBe(p.dfAtZero);
  });

  test("kinks: f' jumps across each declared kink, df there is a one-sided value", () => {
    for (const k of p.kinks) {
      const h = 1e-9;
      const left = df(k - h);
      const right = df(k + h);
      if (p.smoothness === 'discontinuous') {
        expect(f(k - h)).not.toBe(f(k + h));
      } else {
        expect(Math.abs(left - right), `at ${k}`).toBeGreaterThan(1e-3);
        const atK = df(k);
        expect(Math.min(Math.abs(atK - left), Math.abs(atK - right)), `df(${k})`).toBeLessThan(
          1e-6,
        );
      }
    }
    const smooth = p.smoothness === 'Cinf' || p.smoothness === 'C1';
    expect(p.kinks.length === 0).toBe(smooth);
  });

  test("deadRegion is declared exactly when f' is 0 on an interval", () => {
    const grid = points.filter((x) => Math.abs(x) <= 20);
    let run = 0;
    let longest = 0;
    for (const x of grid) {
      run = df(x) === 0 ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    expect(longest > 10).toBe(p.deadRegion !== null);
  });

  test("saturates names the tails where f' tends to 0", () => {
    const flat = (x: number): boolean => Math.abs(df(x)) < 1e-9 && Math.abs(df(1e3 * x)) < 1e-15;
    const side = flat(-1e6) ? (flat(1e6) ? 'both' : 'left') : flat(1e6) ? 'right' : 'none';
    expect(side).toBe(p.saturates);
    if (p.saturates === 'none') {
      expect(Math.abs(df(-1e6))).toBeGreaterThan(1e-3);
      expect(Math.abs(df(1e6))).toBeGreaterThan(1e-3);
    }
  });

  test('df matches a central finite difference away from kinks', () => {
    const xs = awayFromKinks(
      a,
      [-4.7, -3.4, -2.2, -1.3, -0.6, -0.2, 0.4, 1.1, 1.7, 2.5, 4.8, 7.5],
      0.05,
    );
    for (const x of xs) {
      const h = 1e-5 * Math.max(1, Math.abs(x));
      const numeric = (f(x + h) - f(x - h)) / (2 * h);
      expect(Math.abs(numeric - df(x)), `df(${x})`).toBeLessThan(
        1e-7 * Math.max(1, Math.abs(df(x))),
      );
    }
  });

  test('fInto / dfInto return out and agree with f / df (8 ULP; df 8 ULP or 2^-50 near a zero; zeros, limits, NaN exactly)', () => {
    // The vectorised forms use their own inlined exp, so they may differ from f / df in the last
    // bits; their accuracy against the oracle is checked in activations-accuracy.test.ts.
    const rnd = fc.sample(fc.double({ min: -40, max: 40, noNaN: true }), {
      numRuns: 4000,
      seed: 7,
    });
    // the ends of the vectorised kernels' fast ranges, where they hand over to the scalar ones
    const edges = [0.5, 0.6, 15, 20, 22, 37, 150, 350, 700].flatMap((v) =>
      [v, v * (1 + 2 ** -52), v * (1 - 2 ** -53)].flatMap((w) => [w, -w]),
    );
    const xs = new Float64Array([...points, ...rnd, ...edges, Infinity, -Infinity, NaN]);
    const params = Object.fromEntries(a.params.map((s) => [s.name, (s.min + s.max) / 2]));
    // zeros (with their sign), ±Infinity and NaN exactly; other values within the tolerance
    const agrees = (got: number, exp: number, ulps: number, abs: number): boolean =>
      Number.isFinite(exp) && exp !== 0
        ? ulpDistance(got, exp) <= ulps || Math.abs(got - exp) <= abs
        : Object.is(got, exp) || (Number.isNaN(got) && Number.isNaN(exp));
    for (const pr of [undefined, params]) {
      const out = new Float64Array(xs.length);
      expect(a.fInto(xs, out, pr)).toBe(out);
      // Each form is within 4 ULP of the truth (the fixture test), so they may differ by 8.
      expect(xs.filter((x, i) => !agrees(out[i]!, a.f(x, pr), 8, 0))).toEqual(new Float64Array());
      const dout = new Float64Array(xs.length);
      expect(a.dfInto(xs, dout, pr)).toBe(dout);
      expect(xs.filter((x, i) => !agrees(dout[i]!, a.df(x, pr), 8, 2 ** -50))).toEqual(
        new Float64Array(),
      );
    }
    expect(() => a.fInto(xs, new Float64Array(3))).toThrow(RangeError);
  });

  test('properties hold for arbitrary finite doubles (fast-check)', () => {
    const { min, max } = a.range;
    const lo = Number.isFinite(min) && a.range.minInclusive && min !== 0 ? min - 4 * ulp(min) : min;
    const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(finite, (x) => {
        const y = f(x);
        const d = df(x);
        return (
          !Number.isNaN(y) && Number.isFinite(d) && y >= lo && y <= max && (!p.monotonic || d >= 0)
        );
      }),
      { numRuns: 2000 },
    );
    if (p.monotonic) {
      fc.assert(
        fc.property(finite, finite, (x, y) => {
          const [s, t] = x <= y ? [x, y] : [y, x];
          return f(s) <= f(t);
        }),
        { numRuns: 2000 },
      );
    }
  });
});

/** One ULP of |x| (for tolerances). */
function ulp(x: number): number {
  const ax = Math.abs(x);
  if (ax < 2 ** -1022) return 2 ** -1074;
  return 2 ** (Math.floor(Math.log2(ax)) - 52);
}

/** |a - b| within `ulps` ULP of b, or within `abs` absolute (for cancelling identities). */
function near(a: number, b: number, ulps: number, abs = 0): boolean {
  return ulpDistance(a, b) <= ulps || Math.abs(a - b) <= abs;
}

describe('identities between records', () => {
  const xs = points.filter((x) => Math.abs(x) < 700);
  const sigmoid = activations.sigmoid;

  test('tanh(x) = 2σ(2x) - 1', () => {
    expect(
      xs.filter((x) => !near(activations.tanh.f(x), 2 * sigmoid.f(2 * x) - 1, 4, 4e-16)),
    ).toEqual([]);
  });

  test("softplus' = σ, and with β: softplus'(x) = σ(βx)", () => {
    const softplus = activations.softplus;
    expect(xs.filter((x) => !Object.is(softplus.df(x), sigmoid.f(x)))).toEqual([]);
    expect(xs.filter((x) => !Object.is(softplus.df(x, { beta: 2.5 }), sigmoid.f(2.5 * x)))).toEqual(
      [],
    );
  });

  test('SiLU(x) = x·σ(x)', () => {
    expect(xs.filter((x) => !near(activations.silu.f(x), x * sigmoid.f(x), 3))).toEqual([]);
  });

  test('SELU = λ·ELU with α = 1.6733', () => {
    const elu = (x: number): number => activations.elu.f(x, { alpha: SELU_ALPHA });
    expect(xs.filter((x) => !near(activations.selu.f(x), SELU_SCALE * elu(x), 3))).toEqual([]);
  });

  test('GELU-tanh stays within 5e-4 of GELU everywhere', () => {
    let worst = 0;
    for (let x = -10; x <= 10; x += 0.001) {
      worst = Math.max(worst, Math.abs(activations['gelu-tanh'].f(x) - activations.gelu.f(x)));
    }
    expect(worst).toBeLessThan(5e-4);
    expect(worst).toBeGreaterThan(1e-4);
  });

  test('leaky ReLU, PReLU and ELU honour their parameters', () => {
    expect(activations['leaky-relu'].f(-2, { slope: 0.2 })).toBe(-0.4);
    expect(activations['leaky-relu'].df(-2, { slope: 0.2 })).toBe(0.2);
    expect(activations.prelu.f(-2, { a: -0.5 })).toBe(1);
    expect(activations.elu.f(-Infinity, { alpha: 2 })).toBe(-2);
    expect(activations.softplus.f(1, { beta: 2 })).toBeCloseTo(Math.log1p(Math.exp(2)) / 2, 15);
  });
});

describe('known values', () => {
  const v = (id: ActivationId, x: number): number => activations[id].f(x);
  const d = (id: ActivationId, x: number): number => activations[id].df(x);

  test('exact and classic values', () => {
    expect(v('sigmoid', 0)).toBe(0.5);
    expect(d('sigmoid', 0)).toBe(0.25);
    expect(v('tanh', 0)).toBe(0);
    expect(Object.is(v('tanh', -0), -0)).toBe(true);
    expect(v('gelu', 0)).toBe(0);
    expect(v('gelu', 1)).toBe(0.8413447460685429); // PyTorch, float64
    expect(v('softplus', 0)).toBe(Math.LN2);
    expect(v('selu', 1)).toBe(SELU_SCALE);
    expect(d('selu', 1)).toBe(SELU_SCALE);
    expect(d('mish', 0)).toBe(0.6);
    expect(v('hard-swish', -1.5)).toBe(-0.375);
    expect(v('hard-sigmoid', 0)).toBe(0.5);
    expect(v('hard-swish', 3)).toBe(3);
    expect(v('step', 0)).toBe(1);
    expect(v('step', -5e-324)).toBe(0);
  });

  test('limits at ±Infinity', () => {
    expect(v('silu', -Infinity) === 0).toBe(true);
    expect(v('hard-swish', -Infinity) === 0).toBe(true);
    expect(v('elu', -Infinity)).toBe(-1);
    expect(d('softplus', Infinity)).toBe(1);
    expect(v('gelu', -Infinity) === 0).toBe(true);
    expect(v('mish', -Infinity) === 0).toBe(true);
    expect(v('softsign', -Infinity)).toBe(-1);
    expect(v('tanh', 800)).toBe(1);
  });

  test('subnormal inputs', () => {
    // x/2 + c·x² with c > 0 lies just above the tie, so the correct rounding is 5e-324
    expect(v('gelu', 5e-324)).toBe(5e-324);
    expect(v('silu', 5e-324)).toBe(5e-324);
    expect(v('silu', 1e-310)).toBe(5e-311);
    expect(v('tanh', 5e-324)).toBe(5e-324);
    expect(d('softsign', 5e-324)).toBe(1);
  });

  test('where the textbook formulas fail', () => {
    expect(d('sigmoid', 40)).toBeGreaterThan(4e-18); // σ(1 - σ) gives 0
    expect(d('tanh', 20)).toBeGreaterThan(1e-17); // 1 - tanh² gives 0
    expect(v('softplus', 710)).toBe(710); // log(1 + e^x) gives Infinity
    expect(v('softplus', -40)).toBe(4.248354255291589e-18); // log(1 + e^x) gives 0
    expect(v('elu', 1e-10)).toBe(1e-10);
    expect(v('elu', -1e-10)).toBe(Math.expm1(-1e-10)); // e^x - 1 keeps ~7 digits
    // -30·Φ(-30) = -1.472e-196; x/2·(1 + erf(x/√2)) cancels to 0 here
    expect(v('gelu', -30)).toBeCloseTo(-1.472014178144456e-196, 200);
    expect(v('gelu', -30) / -1.472014178144456e-196).toBeCloseTo(1, 14);
    expect(d('softsign', 1e200)).toBe(0); // 1e-400 underflows
    expect(ulpDistance(d('softsign', 1e160), 1e-320)).toBeLessThanOrEqual(1); // (1 + |x|)² overflows
  });
});
