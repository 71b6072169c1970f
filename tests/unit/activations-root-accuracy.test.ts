/**
 * Every vectorised kernel near every zero of f' (the minima of silu, gelu, gelu-tanh, mish, the
 * vertex of hard-swish...), against the 80-digit reference of tests/support/reference-math.ts. The
 * zeros are found here, from the reference alone (sign changes of f' on a grid, then bisection),
 * so a new activation is covered with no new test code.
 *
 * Near such a zero f' is a difference of two nearly equal terms, so no kernel can be within a
 * few ULP of a value that tends to 0. The contract here: fInto within 4 ULP; dfInto within 8 ULP
 * wherever |f'(x)| ≥ 2^-7 (the terms then cancel by at most a few bits, which a kernel must
 * absorb), and within 4·2^-53 absolute closer in (the fixture's rule for its root window). The
 * points: 128 steps of 2^-9 each side (out to ±0.25) and x = root ± 10^-j for j = 2..14, so the
 * ±0.1 band where GELU-tanh's table once lost 10 to 30 ULP is sampled densely.
 */
import { describe, expect, test } from 'vitest';
import { activationIds, getActivation } from '../../src/lib/activations/index.ts';
import { D, exactDecimal, reference, toDouble, type Dec } from '../support/reference-math.ts';
import { ulpDistance } from '../../src/lib/ulp.ts';

const F_ULPS = 4;
const DF_ULPS = 8;
const ROOT_ABS = 4 * 2 ** -53;
const CANCELLING = 2 ** -7;

/** The zeros of the reference f' in [-8, 8] where it changes sign, each to ~60 bits. */
function rootsOf(id: string): number[] {
  const df = reference[id]!.df;
  const sign = (x: number): number => Math.sign(df(exactDecimal(x)).toNumber());
  const grid = Array.from({ length: 257 }, (_, i) => -8 + i / 16);
  const signs = grid.map(sign);
  const roots: number[] = [];
  for (let i = 0; i + 1 < grid.length; i++) {
    const [a, b] = [signs[i]!, signs[i + 1]!];
    if (a === 0 && i > 0 && signs[i - 1]! * b < 0) roots.push(grid[i]!);
    if (a * b >= 0) continue;
    let lo: Dec = new D(grid[i]!);
    let hi: Dec = new D(grid[i + 1]!);
    for (let k = 0; k < 70; k++) {
      const mid = lo.plus(hi).div(2);
      if (Math.sign(df(mid).toNumber()) === a) lo = mid;
      else hi = mid;
    }
    roots.push(toDouble(lo.plus(hi).div(2)));
  }
  return roots;
}

/** The points checked around a root. */
function around(root: number): Float64Array {
  const xs = new Set<number>([root]);
  for (let k = 1; k <= 128; k++) xs.add(root + k * 2 ** -9).add(root - k * 2 ** -9);
  for (let j = 2; j <= 14; j++) xs.add(root + 10 ** -j).add(root - 10 ** -j);
  return Float64Array.from([...xs].sort((a, b) => a - b));
}

const withRoots = activationIds
  .map((id) => [id, rootsOf(id)] as const)
  .filter(([, roots]) => roots.length > 0);

test("the zeros of f' are found (silu, gelu, gelu-tanh and mish have minima)", () => {
  expect(withRoots.map(([id]) => id)).toEqual(
    expect.arrayContaining(['silu', 'gelu', 'gelu-tanh', 'mish']),
  );
});

describe.each(withRoots)('%s near the zeros of its derivative', (id, roots) => {
  const act = getActivation(id);
  // Networks prepare their kernels (tables) before training; check those paths.
  act.prepare?.();

  test.each(roots)(
    `fInto within ${F_ULPS} ULP, dfInto within ${DF_ULPS} ULP (4·2^-53 absolute where |f'| < 2^-7) around x = %s`,
    (root) => {
      const xs = around(root);
      const f = act.fInto(xs, new Float64Array(xs.length));
      const df = act.dfInto(xs, new Float64Array(xs.length));
      const failures: string[] = [];
      let worst = { ulps: 0, x: NaN };
      xs.forEach((x, i) => {
        const X = exactDecimal(x);
        const ef = toDouble(reference[id]!.f(X));
        const exactDf = reference[id]!.df(X);
        const edf = toDouble(exactDf);
        const uf = ulpDistance(f[i]!, ef);
        if (uf > F_ULPS) failures.push(`fInto(${x}) = ${f[i]}, expected ${ef}: ${uf} ULP`);
        const udf = ulpDistance(df[i]!, edf);
        if (Math.abs(edf) >= CANCELLING) {
          if (udf > worst.ulps) worst = { ulps: udf, x };
          if (udf > DF_ULPS)
            failures.push(`dfInto(${x}) = ${df[i]}, expected ${edf}: ${udf} ULP (|f'| ≥ 2^-7)`);
        } else {
          const abs = Number.isFinite(df[i]!)
            ? exactDecimal(df[i]!).minus(exactDf).abs().toNumber()
            : Infinity;
          if (abs > ROOT_ABS)
            failures.push(`dfInto(${x}) = ${df[i]}, expected ${edf}: |error| ${abs} > 4·2^-53`);
        }
      });
      console.log(
        `${id} around ${root}: worst dfInto ${worst.ulps === 0 ? '0 ULP (exact)' : `${worst.ulps} ULP at x = ${worst.x}`} where |f'| ≥ 2^-7`,
      );
      expect(failures.slice(0, 10)).toEqual([]);
    },
  );
});
