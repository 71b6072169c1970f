/**
 * Accuracy of every activation's f and f' against the independent high-precision oracle in
 * tests/fixtures/activation-reference.json (regenerate with
 * `npx node scripts/gen-activation-reference.ts`).
 *
 * Contract: f within 4 ULP and f' within 8 ULP of the correctly rounded value at every fixture
 * point, with two exceptions. Near a zero of f' (silu, gelu, gelu-tanh, mish minima; the points
 * carrying a 25-digit value in dfRoot.hp) an absolute error <= 4 * 2^-53 is accepted instead.
 * At an exact kink, f' may return either one-sided derivative (dfKinks).
 *
 * The worst error per function is printed at the end, for quoting.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { activationIds, getActivation } from '../../src/lib/activations/index.ts';
import {
  D,
  erfc,
  erfcContinuedFraction,
  erfcSeries,
  exactDecimal,
  normalCdf,
  reference,
  sigmoid,
  softplus,
  tanh,
  toDouble,
  type Dec,
} from '../support/reference-math.ts';
import { ulpDistance } from '../../src/lib/ulp.ts';

const F_ULPS = 4;
const DF_ULPS = 8;
const ROOT_ABS = 4 * 2 ** -53;

type Cell = number | string;
interface FixtureFunction {
  f: Cell[];
  df: Cell[];
  dfKinks?: Record<string, [Cell, Cell]>;
  dfRoot?: { root: string; hp: Record<string, string> };
}
interface Fixture {
  precision: number;
  count: number;
  x: number[];
  functions: Record<string, FixtureFunction>;
  special: { x: Cell[]; functions: Record<string, { f: Cell[]; df: Cell[] }> };
}

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/activation-reference.json', import.meta.url), 'utf8'),
) as Fixture;

/** A fixture cell as a double ("Infinity", "-Infinity", "NaN" are strings). */
const value = (c: Cell): number => (typeof c === 'number' ? c : Number(c));

interface Worst {
  ulps: number;
  x: number;
  /** Largest |error| at near-root points, in units of 2^-53 (df only). */
  rootAbs: number;
  rootX: number;
}
type Kind = 'f' | 'df' | 'fInto' | 'dfInto';
const summary = new Map<string, Partial<Record<Kind, Worst>>>();
const fixtureXs = Float64Array.from(fixture.x);

type Id = (typeof activationIds)[number];

/**
 * Scores f or df (scalar) or fInto / dfInto (the vectorised forms, run once over the whole
 * fixture array) against the reference, with the same budget for both forms.
 */
function measure(id: Id, kind: Kind): { worst: Worst; failures: string[] } {
  const act = getActivation(id);
  const entry = fixture.functions[id];
  if (!entry) throw new Error(`fixture has no ${id}`);
  const isDf = kind === 'df' || kind === 'dfInto';
  let fn: (x: number, i: number) => number;
  if (kind === 'f') fn = (x) => act.f(x);
  else if (kind === 'df') fn = (x) => act.df(x);
  else {
    const out = new Float64Array(fixtureXs.length);
    if (kind === 'fInto') act.fInto(fixtureXs, out);
    else act.dfInto(fixtureXs, out);
    fn = (_x, i) => out[i]!;
  }
  const expected = entry[isDf ? 'df' : 'f'];
  const kinks = isDf ? (entry.dfKinks ?? {}) : {};
  const hp = isDf ? (entry.dfRoot?.hp ?? {}) : {};
  const tol = isDf ? DF_ULPS : F_ULPS;
  const worst: Worst = { ulps: 0, x: NaN, rootAbs: 0, rootX: NaN };
  const failures: string[] = [];
  fixture.x.forEach((x, i) => {
    const got = fn(x, i);
    let exp = value(expected[i]!);
    let ulps = ulpDistance(got, exp);
    for (const alt of kinks[i] ?? []) {
      const u = ulpDistance(got, value(alt));
      if (u < ulps) [ulps, exp] = [u, value(alt)];
    }
    const where = `${id} ${kind}(${x}) = ${got}, expected ${exp}`;
    if (Number.isFinite(exp) && !Number.isFinite(got)) {
      failures.push(`${where}: non-finite for a finite reference`);
      return;
    }
    const h = hp[i];
    if (h !== undefined) {
      // near a zero of f': the absolute rule applies (the ULP rule is enough on its own)
      const abs = Number.isFinite(got) ? exactDecimal(got).minus(h).abs().toNumber() : Infinity;
      if (abs * 2 ** 53 > worst.rootAbs) [worst.rootAbs, worst.rootX] = [abs * 2 ** 53, x];
      if (ulps > tol && abs > ROOT_ABS) {
        failures.push(`${where} (near a zero of f'): |error| ${abs} > 4*2^-53, ${ulps} ULPs`);
      }
      return;
    }
    if (ulps > worst.ulps) [worst.ulps, worst.x] = [ulps, x];
    if (ulps > tol) failures.push(`${where}: ${ulps} ULPs > ${tol}`);
  });
  const s = summary.get(id) ?? {};
  s[kind] = worst;
  summary.set(id, s);
  return { worst, failures };
}

function report(failures: string[]): string {
  const shown = failures.slice(0, 12).join('\n');
  return failures.length > 12 ? `${shown}\n... and ${failures.length - 12} more` : shown;
}

test('the fixture covers exactly the registered activations', () => {
  expect(Object.keys(fixture.functions)).toEqual([...activationIds]);
  expect(Object.keys(fixture.special.functions)).toEqual([...activationIds]);
  expect(fixture.x.length).toBe(fixture.count);
});

describe.each([...activationIds])('%s', (id) => {
  test(`f within ${F_ULPS} ULP of the reference`, () => {
    const { failures } = measure(id, 'f');
    expect(failures, report(failures)).toEqual([]);
  });

  test(`df within ${DF_ULPS} ULP of the reference (4*2^-53 absolute near a zero of f')`, () => {
    const { failures } = measure(id, 'df');
    expect(failures, report(failures)).toEqual([]);
  });

  test(`fInto within ${F_ULPS} ULP of the reference at every fixture point`, () => {
    const { failures } = measure(id, 'fInto');
    expect(failures, report(failures)).toEqual([]);
  });

  test(`dfInto within ${DF_ULPS} ULP of the reference (4*2^-53 absolute near a zero of f')`, () => {
    const { failures } = measure(id, 'dfInto');
    expect(failures, report(failures)).toEqual([]);
  });

  test('limits at +-Infinity, NaN in NaN out (scalar and vectorised forms)', () => {
    const act = getActivation(id);
    const special = fixture.special.functions[id]!;
    const sx = Float64Array.from(fixture.special.x, value);
    const vf = act.fInto(sx, new Float64Array(sx.length));
    const vdf = act.dfInto(sx, new Float64Array(sx.length));
    const failures: string[] = [];
    sx.forEach((x, i) => {
      for (const kind of ['f', 'df', 'fInto', 'dfInto'] as const) {
        const got =
          kind === 'f' ? act.f(x) : kind === 'df' ? act.df(x) : kind === 'fInto' ? vf[i]! : vdf[i]!;
        const isDf = kind === 'df' || kind === 'dfInto';
        const exp = value(special[isDf ? 'df' : 'f'][i]!);
        const ok = Number.isFinite(exp)
          ? ulpDistance(got, exp) <= (isDf ? DF_ULPS : F_ULPS)
          : Object.is(got, exp) || (Number.isNaN(got) && Number.isNaN(exp));
        if (!ok) failures.push(`${id} ${kind}(${x}) = ${got}, expected ${exp}`);
      }
    });
    expect(failures, report(failures)).toEqual([]);
  });
});

afterAll(() => {
  if (summary.size === 0) return;
  const fmt = (w: Worst | undefined): string =>
    (!w
      ? ''
      : w.ulps === 0
        ? '   0 ULP (exact everywhere)'
        : `${String(w.ulps).padStart(4)} ULP at x = ${String(w.x)}`
    ).padEnd(40);
  const lines = [
    `Worst error against the oracle (${fixture.count} points; f <= ${F_ULPS} ULP, f' <= ${DF_ULPS} ULP):`,
    `${'id'.padEnd(13)} ${'form'.padEnd(8)} ${'f'.padEnd(40)} ${"f' (outside the window of its zero)".padEnd(40)} |f' error| in its zero's window, units of 2^-53`,
  ];
  for (const id of activationIds) {
    const s = summary.get(id);
    if (!s) continue;
    for (const [form, f, df] of [
      ['scalar', s.f, s.df],
      ['vector', s.fInto, s.dfInto],
    ] as const) {
      if (!f && !df) continue;
      const root =
        df && df.rootAbs > 0 ? `${df.rootAbs.toFixed(2)} at x = ${String(df.rootX)}` : '';
      lines.push(`${id.padEnd(13)} ${form.padEnd(8)} ${fmt(f)} ${fmt(df)} ${root}`);
    }
  }
  console.log(lines.join('\n'));
});

// ---------------------------------------------------------------------------------------------
// The oracle itself (tests/support/reference-math.ts) against known values and its own identities.

describe('reference oracle', () => {
  const close = (a: Dec, b: string, tol: string): boolean => a.minus(b).abs().lte(tol);

  test('known values', () => {
    expect(sigmoid(new D(0)).eq('0.5')).toBe(true);
    expect(erfc(new D(0)).eq(1)).toBe(true);
    expect(
      close(erfc(new D(1)), '0.157299207050285130658779364917390740703933002034', '1e-48'),
    ).toBe(true);
    expect(
      close(erfc(new D(-1)), '1.842700792949714869341220635082609259296066997966', '1e-48'),
    ).toBe(true);
    expect(
      close(normalCdf(new D(-1)), '0.158655253931457051414767454367962077522087033273', '1e-48'),
    ).toBe(true);
    expect(softplus(new D(0)).minus(D.ln(2)).abs().lte('1e-78')).toBe(true);
    // OEIS A073744 (the brief's '...604793552' is wrong from the 35th digit)
    expect(
      close(tanh(new D(1)), '0.76159415595576488811945828260479359041276859725794', '1e-49'),
    ).toBe(true);
    // PyTorch: F.gelu(torch.tensor(1.0, dtype=torch.float64)) = 0.8413447460685429
    expect(toDouble(reference['gelu']!.f(new D(1)))).toBe(0.8413447460685429);
    expect(toDouble(reference['selu']!.f(new D(-1e300)))).toBe(-1.7580993408473768);
  });

  test('erfc: series and continued fraction agree where they meet (z = 2..8)', () => {
    for (const z of [2, 3, 4, 5, 6, 7, 8]) {
      const a = erfcSeries(new D(z));
      const b = erfcContinuedFraction(new D(z));
      expect(a.minus(b).div(a).abs().lte('1e-75'), `z = ${z}`).toBe(true);
    }
  });

  test("f' is the derivative of f (central difference at 80 digits)", () => {
    const h = new D('1e-30');
    for (const [id, ref] of Object.entries(reference)) {
      for (const x of ['-37.9', '-2.5', '-1.2', '-0.7', '0.3', '1.9', '4.2', '25']) {
        const X = new D(x);
        const numeric = ref
          .f(X.plus(h))
          .minus(ref.f(X.minus(h)))
          .div(h.times(2));
        const analytic = ref.df(X);
        const err = numeric.minus(analytic).abs();
        // f is known to 80 digits, so the quotient to about 50 digits of max(|f|, |f'|)
        const scale = analytic.abs().plus(ref.f(X).abs()).plus('1e-400');
        expect(err.lte(scale.times('1e-40')), `${id} at ${x}`).toBe(true);
      }
    }
  });

  test('gelu-tanh approximates gelu to about 5e-4', () => {
    let max = 0;
    for (let i = -160; i <= 160; i++) {
      const X = new D(i).div(20);
      const d = reference['gelu']!.f(X).minus(reference['gelu-tanh']!.f(X)).abs().toNumber();
      max = Math.max(max, d);
    }
    expect(max).toBeGreaterThan(1e-5);
    expect(max).toBeLessThan(5e-4);
  });

  test('doubles convert exactly and round correctly (ties to even, underflow, overflow)', () => {
    for (const x of [0.1, -1 / 3, 5e-324, 2 ** -1022 - 2 ** -1074, Number.MAX_VALUE, -709.78]) {
      expect(toDouble(exactDecimal(x))).toBe(x);
    }
    expect(exactDecimal(0.1).toString()).toBe(
      '0.1000000000000000055511151231257827021181583404541015625',
    );
    expect(Object.is(toDouble(exactDecimal(-0)), -0)).toBe(true);
    const two = new (D.clone({ precision: 1000 }))(2); // exact powers of two
    expect(toDouble(two.pow(-1075))).toBe(0); // tie between 0 and 2^-1074: to even
    expect(toDouble(two.pow(-1075).times('1.000001'))).toBe(5e-324);
    expect(toDouble(two.pow(-1074).times(3).div(2))).toBe(1e-323); // tie: to even (2 * 2^-1074)
    expect(toDouble(two.pow(1024).minus(two.pow(970)))).toBe(Infinity); // MAX + ulp/2: to even
    expect(toDouble(two.pow(1024).minus(two.pow(970)).minus(1))).toBe(Number.MAX_VALUE);
    // (3 * 2^-53 + 3) / 6 = 0.5 + 2^-54 exactly: a tie, rounds to 0.5 (even)
    expect(toDouble(reference['hard-sigmoid']!.f(exactDecimal(3 * 2 ** -53)))).toBe(0.5);
  });
});
