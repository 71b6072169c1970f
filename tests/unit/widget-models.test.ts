/** The widgets' pure models: what they compute must back the claims the lessons make. */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { getActivation } from '../../src/lib/activations/index.ts';
import { activationIds } from '../../src/lib/activations/types.ts';
import { ulpDistance } from '../../src/lib/ulp.ts';
import {
  clamp,
  formatFull,
  readout,
  stepCursor,
  substituteParams,
} from '../../src/widgets/explorer/model.ts';
import { compareSeries, normalizeIds } from '../../src/widgets/compare/model.ts';
import {
  chainBounds,
  chainProducts,
  chainYDomain,
  floor,
  layerInputs,
  maxDepth,
  sigmoidBound,
  top,
  type ChainRuleState,
} from '../../src/widgets/chain-rule/model.ts';
import { maxResidual, morph } from '../../src/widgets/tanh-identity/model.ts';
import {
  pitfallByKey,
  pitfalls,
  symlogTicks,
  ulpGap,
} from '../../src/widgets/float-pitfalls/model.ts';

describe('explorer model', () => {
  test('the readout is the module value, not an interpolation', () => {
    const r = readout({ activation: 'gelu', halfRange: 8, params: {}, cursor: 0.37 });
    expect(r.f).toBe(getActivation('gelu').f(0.37));
    expect(r.df).toBe(getActivation('gelu').df(0.37));
  });
  test('parameters reach the readout', () => {
    const r = readout({
      activation: 'leaky-relu',
      halfRange: 8,
      params: { slope: 0.2 },
      cursor: -2,
    });
    expect(r.f).toBeCloseTo(-0.4, 15);
  });
  test('formatFull keeps every digit (round-trips) and shows -0', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true }),
        (v) => Object.is(Number(formatFull(v)), v) || (v === 0 && formatFull(v) === '-0'),
      ),
    );
    expect(formatFull(-0)).toBe('-0');
  });
  test('substituteParams replaces whole symbols only', () => {
    const spec = {
      name: 'alpha',
      label: 'alpha',
      symbol: '\\alpha',
      default: 1,
      min: 0,
      max: 3,
      step: 0.05,
    };
    expect(substituteParams('\\alpha(e^x - 1) + \\alphabet', [spec], { alpha: 0.5 })).toBe(
      '{0.50}(e^x - 1) + \\alphabet',
    );
  });
  test('every parametrised formula still renders after substitution', async () => {
    const { renderTex } = await import('../../src/lib/tex.ts');
    for (const id of activationIds) {
      const a = getActivation(id);
      const params = Object.fromEntries(a.params.map((p) => [p.name, p.max]));
      expect(() => renderTex(substituteParams(a.latex, a.params, params))).not.toThrow();
      expect(() => renderTex(substituteParams(a.dlatex, a.params, params))).not.toThrow();
    }
  });
  test('the keyboard cursor stays inside the range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -500, max: 500 }),
        fc.constantFrom(1, 2, 4, 8, 16),
        (steps, half) => {
          const c = stepCursor(
            { activation: 'relu', halfRange: half, params: {}, cursor: 0 },
            steps,
          );
          return c >= -half && c <= half;
        },
      ),
    );
    expect(clamp(NaN, -1, 1)).toBe(-1);
  });
});

describe('compare model', () => {
  test('ids are kept in teaching order and unknown ones dropped', () => {
    expect(normalizeIds(['relu', 'nope', 'sigmoid'])).toEqual(['sigmoid', 'relu']);
  });
  test("log mode plots |f'| at every sample, including where f' is negative", () => {
    const gelu = getActivation('gelu');
    const [s] = compareSeries({ ids: ['gelu'], mode: 'logdf', halfRange: 5 });
    if (!s) throw new Error('no series');
    expect(s.ys.length).toBeGreaterThan(100);
    // The series comes from the vectorised dfInto: once another test has built GELU's table it
    // takes the table path, within df's contract (activations/index.ts), not equal: 8 ULP, or a
    // few units of 2^-56 absolute near GELU's minimum, where df crosses zero.
    for (let i = 0; i < s.ys.length; i++) {
      const exact = Math.abs(gelu.df(s.xs[i]!));
      const y = s.ys[i]!;
      expect(ulpDistance(y, exact) <= 8 || Math.abs(y - exact) <= 2 ** -52, `x = ${s.xs[i]}`).toBe(
        true,
      );
    }
    // GELU dips below zero left of its minimum near x = -0.75: those samples are reflected
    expect(Array.from(s.xs).some((x) => x < -1 && gelu.df(x) < 0)).toBe(true);
  });
});

describe('chain rule model', () => {
  const within = ([lo, hi]: readonly [number, number]) =>
    fc.double({ min: lo, max: hi, noNaN: true });
  const anyState = fc.record({
    depth: fc.integer({ min: 1, max: maxDepth }),
    mean: within(chainBounds.mean),
    spread: within(chainBounds.spread),
    seed: fc.integer({ min: chainBounds.seed[0], max: chainBounds.seed[1] }),
    weight: within(chainBounds.weight),
    bias: within(chainBounds.bias),
  });
  const product = (s: ChainRuleState, id: 'sigmoid' | 'tanh' | 'relu') =>
    Array.from(chainProducts(s).find((p) => p.id === id)?.products ?? []);

  test('sigmoid products never exceed (|w|/4)^k, tanh never exceeds |w|^k, for any weight, bias and draw', () => {
    fc.assert(
      fc.property(anyState, (s) => {
        const w = Math.abs(s.weight);
        return (
          product(s, 'sigmoid').every((p, i) => p <= sigmoidBound(i + 1, s.weight) * (1 + 1e-12)) &&
          product(s, 'tanh').every((p, i) => p <= w ** (i + 1) * (1 + 1e-12))
        );
      }),
      { numRuns: 200 },
    );
  });

  test('with w = 1 and b = 0 each factor is the slope at the drawn input alone', () => {
    const s: ChainRuleState = { depth: 12, mean: 0.3, spread: 1.5, seed: 5, weight: 1, bias: 0 };
    const a = layerInputs(s);
    let p = 1;
    const expected = Array.from(
      { length: 12 },
      (_, i) => (p *= Math.abs(getActivation('tanh').df(a[i]!))),
    );
    expect(product(s, 'tanh')).toEqual(expected);
  });

  test('w = 8, b = -4 at input 1/2: the sigmoid doubles per layer while its output stays 1/2', () => {
    const s: ChainRuleState = { depth: 20, mean: 0.5, spread: 0, seed: 1, weight: 8, bias: -4 };
    expect(getActivation('sigmoid').f(8 * 0.5 - 4)).toBe(0.5);
    expect(product(s, 'sigmoid')).toEqual(Array.from({ length: 20 }, (_, i) => 2 ** (i + 1)));
    expect(product(s, 'tanh')).toEqual(Array.from({ length: 20 }, (_, i) => 8 ** (i + 1)));
    // ReLU at exactly z = 0 takes its left slope, 0: the path is blocked.
    expect(product(s, 'relu')).toEqual(new Array(20).fill(0));
  });

  test('with every pre-activation positive, the ReLU path carries the gradient unchanged', () => {
    expect(product({ depth: 30, mean: 2, spread: 0, seed: 1, weight: 1, bias: 0 }, 'relu')).toEqual(
      new Array(30).fill(1),
    );
  });

  test('the y range keeps today’s figure and rises above every growing product and bound', () => {
    expect(chainYDomain({ depth: 10, mean: 0, spread: 1, seed: 1, weight: 1, bias: 0 })).toEqual([
      floor,
      top,
    ]);
    fc.assert(
      fc.property(anyState, (s) => {
        const [lo, hi] = chainYDomain(s);
        const drawn = [
          ...chainProducts(s).flatMap((c) => Array.from(c.products)),
          ...Array.from({ length: Math.round(s.depth) }, (_, i) => sigmoidBound(i + 1, s.weight)),
        ];
        return lo === floor && hi >= top && drawn.every((v) => v < hi);
      }),
      { numRuns: 200 },
    );
  });
});

describe('tanh identity model', () => {
  test('the morph starts at sigma and ends at tanh', () => {
    for (const x of [-3, -0.5, 0, 0.25, 2]) {
      expect(morph(x, 0)).toBe(getActivation('sigmoid').f(x));
      expect(morph(x, 1)).toBeCloseTo(Math.tanh(x), 15);
    }
  });
  test('the residual is rounding noise: a few units of 2^-53 at most', () => {
    expect(maxResidual({ t: 1, halfRange: 16 })).toBeLessThan(8);
  });
});

describe('floating-point pitfalls', () => {
  test('a symlog axis is labelled at its ends, 0 and powers of ten, never two labels close', () => {
    expect(symlogTicks(-800, 800)).toEqual([-800, -100, -10, 0, 10, 100, 800]);
    expect(symlogTicks(-760, 40)).toEqual([-760, -100, -10, 0, 10, 40]);
    // 150 is within a factor of 2 of 100: the end's label alone.
    expect(symlogTicks(0, 150)).toEqual([0, 10, 150]);
    for (const p of pitfalls) {
      const [a, b] = p.domain;
      if (Math.max(-a, b) <= 100) continue;
      const at = symlogTicks(a, b).map((x) => Math.sign(x) * Math.log1p(Math.abs(x)));
      // Neighbours at least a fifth of the widest gap apart, in the scale's own units.
      const gaps = at.slice(1).map((x, i) => x - at[i]!);
      expect(Math.min(...gaps)).toBeGreaterThan(Math.max(...gaps) / 5);
    }
  });

  test('the exp-ratio tanh returns NaN at x = 800 while the module returns 1', () => {
    const p = pitfallByKey('tanh-exp-ratio');
    expect(p.textbook(800)).toBeNaN();
    expect(p.stable(800)).toBe(1);
  });
  test('1 / (1 + e^-x) loses the left tail; the module keeps it', () => {
    const p = pitfallByKey('sigmoid-left-tail');
    expect(p.textbook(-720)).toBe(0);
    expect(p.stable(-720)).toBeGreaterThan(0);
  });
  test('every pitfall really fails at one of its probes, by more than a million ULPs', () => {
    for (const p of pitfalls) {
      const worst = Math.max(...p.probes.map((x) => ulpGap(p, x)));
      expect(worst, p.key).toBeGreaterThan(1e6);
    }
  });
});

test('a plain-letter parameter symbol is replaced only as a token', () => {
  const spec = {
    name: 'a',
    label: 'slope',
    symbol: 'a',
    default: 0.25,
    min: 0,
    max: 1,
    step: 0.01,
  };
  expect(
    substituteParams('\\begin{cases} x & x > 0 \\\\ a x & \\text{else} \\end{cases}', [spec], {
      a: 0.5,
    }),
  ).toBe('\\begin{cases} x & x > 0 \\\\ {0.50} x & \\text{else} \\end{cases}');
});
