/**
 * The numerical building blocks under the activation records: the error-free transformations
 * (checked exactly with BigInt arithmetic) and the normal distribution, erf and erfc (checked
 * against published values and their own symmetries; GELU's accuracy against the 80-digit
 * oracle covers the same code in activations-accuracy.test.ts).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  divDD,
  expDD,
  halfRoundUp,
  twoProdErr,
  twoSumErr,
} from '../../src/lib/activations/double-double.ts';
import { erf, erfc, normalCdf, normalPdf } from '../../src/lib/activations/special.ts';
import { ulpDistance } from '../../src/lib/ulp.ts';

const view = new DataView(new ArrayBuffer(8));

/** A finite double as an exact integer multiple of 2^-1074. */
function units(x: number): bigint {
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exp = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & 0xfffffffffffffn;
  const mag = exp === 0 ? frac : (frac | (1n << 52n)) << BigInt(exp - 1);
  return bits >> 63n ? -mag : mag;
}

/** Doubles with exponents well inside the range, so sums and products neither overflow nor underflow. */
const moderate = fc
  .tuple(
    fc.double({ min: 1, max: 2, noNaN: true }),
    fc.integer({ min: -300, max: 300 }),
    fc.boolean(),
  )
  .map(([m, e, neg]) => (neg ? -1 : 1) * m * 2 ** e);

describe('error-free transformations', () => {
  test('twoSumErr: a + b = s + err exactly', () => {
    fc.assert(
      fc.property(moderate, moderate, (a, b) => {
        const s = a + b;
        return units(a) + units(b) === units(s) + units(twoSumErr(a, b, s));
      }),
      { numRuns: 5000 },
    );
  });

  test('twoProdErr: a·b = p + err exactly', () => {
    fc.assert(
      fc.property(moderate, moderate, (a, b) => {
        const p = a * b;
        return units(a) * units(b) === (units(p) + units(twoProdErr(a, b, p))) << 1074n;
      }),
      { numRuns: 5000 },
    );
  });

  test('divDD and expDD recover what a plain division or exp would lose', () => {
    // 1/(1 + 2^-53) = 1 - 2^-53 + ...: as a plain double the denominator is 1 and the answer 1
    expect(divDD(1, 0, 1, 2 ** -53)).toBe(1 - 2 ** -53);
    expect(divDD(3, 0, 7, 0)).toBe(3 / 7);
    // e^(0 + 1.5·2^-53) = 1 + 1.5·2^-53 + ..., which rounds up to 1 + 2^-52
    expect(expDD(0, 1.5 * 2 ** -53)).toBe(1 + 2 ** -52);
    expect(expDD(-700, 0)).toBe(Math.exp(-700));
  });

  test('halfRoundUp breaks ties upward and is exact otherwise', () => {
    expect(halfRoundUp(5e-324)).toBe(5e-324);
    expect(Object.is(halfRoundUp(-5e-324), -0)).toBe(true);
    expect(halfRoundUp(3 * 5e-324)).toBe(2 * 5e-324);
    expect(halfRoundUp(4 * 5e-324)).toBe(2 * 5e-324);
    expect(Object.is(halfRoundUp(-0), -0)).toBe(true);
  });
});

describe('normal distribution, erf, erfc', () => {
  /** Within `n` ULP of the double nearest the decimal `s`. */
  const close = (got: number, s: string, n = 2): boolean => ulpDistance(got, Number(s)) <= n;

  test('published values', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(erf(0)).toBe(0);
    expect(erfc(0)).toBe(1);
    expect(close(normalPdf(0), '0.398942280401432677939946059934381868475858631164', 1)).toBe(true);
    expect(close(normalCdf(-1), '0.158655253931457051414767454367962077522087033273')).toBe(true);
    expect(close(normalCdf(1.96), '0.975002104851779563787176307604')).toBe(true);
    expect(close(erfc(1), '0.157299207050285130658779364917390740703933002034')).toBe(true);
    expect(close(erf(0.5), '0.520499877813046537682746653891964528736451575757')).toBe(true);
    expect(close(erfc(5), '1.53745979442803485018834348538768e-12')).toBe(true);
    expect(close(normalCdf(-10), '7.61985302416052606597334325e-24')).toBe(true);
    expect(close(normalCdf(-37), '5.72557122252457682268319254827e-300')).toBe(true);
  });

  test('tails reach the subnormals and then 0, never NaN', () => {
    expect(normalCdf(-38.4)).toBeGreaterThan(0);
    expect(normalCdf(-38.4)).toBeLessThan(2 ** -1022);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(erfc(27)).toBeGreaterThan(0);
    expect(erfc(-Infinity)).toBe(2);
    expect(erf(-Infinity)).toBe(-1);
    expect(normalPdf(Infinity)).toBe(0);
    for (const f of [normalCdf, normalPdf, erf, erfc]) expect(f(NaN)).toBeNaN();
  });

  test('symmetries: Φ(x) + Φ(-x) = 1, erf odd, erfc(-x) = 2 - erfc(x), φ even', () => {
    for (let x = -8; x <= 8; x += 0.01) {
      expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1)).toBeLessThan(3e-16);
      expect(erf(-x)).toBe(-erf(x));
      if (x >= 0) expect(ulpDistance(erfc(-x), 2 - erfc(x))).toBeLessThanOrEqual(1);
      expect(normalPdf(-x)).toBe(normalPdf(x));
    }
  });

  test('Φ is non-decreasing and φ is its slope', () => {
    let prev = 0;
    for (let x = -39; x <= 9; x += 0.001) {
      const y = normalCdf(x);
      expect(y).toBeGreaterThanOrEqual(prev);
      prev = y;
    }
    for (const x of [-3.3, -1.1, -0.2, 0.7, 2.4]) {
      const h = 1e-5;
      expect(Math.abs((normalCdf(x + h) - normalCdf(x - h)) / (2 * h) - normalPdf(x))).toBeLessThan(
        1e-10,
      );
    }
  });
});
