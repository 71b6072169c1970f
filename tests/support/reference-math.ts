/**
 * High-precision reference mathematics for the activation oracle, in decimal.js only: no
 * double-precision arithmetic touches a value before the final rounding to a double.
 *
 * Every function takes an exact Decimal (see {@link exactDecimal}) and returns f(x) or f'(x) with
 * about PRECISION significant digits. Formulas are chosen so they never cancel catastrophically
 * (exp is only ever called on a non-positive argument, expm1/log1p use series for small
 * arguments, 1 - tanh^2 is written as 4e^(-2|y|)/(1 + e^(-2|y|))^2, ...), so the only loss of
 * relative accuracy is at genuine zeros of a derivative, where the test uses an absolute bound.
 *
 * Used by scripts/gen-activation-reference.ts and unit-tested by
 * tests/unit/activations-accuracy.test.ts.
 */
import Decimal from 'decimal.js';

/** Significant digits of every reference computation. */
export const PRECISION = 80;

/** Decimal with a very wide exponent range, so e^-745 and friends are far from underflow. */
export const D = Decimal.clone({
  precision: PRECISION,
  rounding: Decimal.ROUND_HALF_EVEN,
  minE: -9e15,
  maxE: 9e15,
});
export type Dec = Decimal;

/** A Decimal class with more digits, for intermediate steps that lose some. */
function withPrecision(digits: number): Decimal.Constructor {
  return D.clone({ precision: digits });
}
const DX = withPrecision(PRECISION + 30);
/**
 * Enough digits to hold every sum, product and quotient of the piecewise-rational activations
 * exactly (a double has at most 767 significant digits), or, for a quotient like (x + 3)/6 that
 * does not terminate, close enough that rounding to a double is still exact (ties included).
 */
const DR = withPrecision(2000);

const ZERO = new D(0);
const ONE = new D(1);
const TWO = new D(2);
const HALF = new D('0.5');

/** pi, sqrt(2), sqrt(2 pi), 2/sqrt(pi), sqrt(2/pi), to 200 digits (far more than needed). */
const DC = withPrecision(200);
const PI = DC.acos(-1);
const SQRT2 = DC.sqrt(2);
const SQRT_2PI = DC.sqrt(PI.times(2));
const TWO_OVER_SQRT_PI = new DC(2).div(DC.sqrt(PI));
const SQRT_2_OVER_PI = DC.sqrt(new DC(2).div(PI));

// ---------------------------------------------------------------------------------------------
// Doubles <-> Decimal, exactly.

const view = new DataView(new ArrayBuffer(8));

/** The exact value of the double x as a Decimal (all up to 767 significant digits). */
export function exactDecimal(x: number): Dec {
  if (!Number.isFinite(x)) throw new RangeError(`exactDecimal: ${x} is not finite`);
  if (x === 0) return Object.is(x, -0) ? new D('-0') : new D(0);
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  // x = mantissa * 2^exponent with an integer mantissa.
  const mantissa = biased === 0 ? fraction : fraction | 0x10000000000000n;
  const exponent = (biased === 0 ? 1 : biased) - 1075;
  // mantissa * 2^e = mantissa * 5^-e * 10^e for e < 0: an exact decimal string.
  const digits =
    exponent >= 0
      ? (mantissa << BigInt(exponent)).toString()
      : `${(mantissa * 5n ** BigInt(-exponent)).toString()}e${exponent}`;
  return new D(negative ? `-${digits}` : digits); // the constructor keeps every digit
}

/**
 * The double nearest to d (ties to even), with underflow to +-0 and overflow to +-Infinity.
 * V8 parses decimal strings with correct rounding for any length, and d has PRECISION digits.
 */
export function toDouble(d: Dec): number {
  if (d.isNaN()) return NaN;
  if (d.isZero()) return d.isNeg() ? -0 : 0;
  if (!d.isFinite()) return d.isNeg() ? -Infinity : Infinity;
  const r = Number(d.toString());
  return r === 0 && d.isNeg() ? -0 : r;
}

/** d rounded to `digits` significant digits, as a string (for near-root reference values). */
export function toDigits(d: Dec, digits: number): string {
  return d.toSignificantDigits(digits).toString();
}

// ---------------------------------------------------------------------------------------------
// Elementary building blocks.

/** e^t for t <= 0 (never overflows; far below 1e-9e15 it is 0). */
export function expNonPos(t: Dec): Dec {
  if (t.gt(0)) throw new RangeError('expNonPos: positive argument');
  if (t.lt(-1e16)) return ZERO;
  return D.exp(t);
}

/** e^t - 1 without cancellation: Taylor series for |t| < 1, e^t - 1 otherwise (t <= 0 there). */
export function expm1(t: Dec): Dec {
  if (t.isZero()) return t;
  if (t.abs().lt(1)) {
    const tx = new DX(t);
    let term = tx;
    let sum = tx;
    const eps = new DX(10).pow(-(PRECISION + 25));
    for (let k = 2; term.abs().gt(sum.abs().times(eps)); k++) {
      term = term.times(tx).div(k);
      sum = sum.plus(term);
    }
    return new D(sum).toSignificantDigits(PRECISION);
  }
  if (t.gt(0)) return D.exp(t).minus(1);
  return expNonPos(t).minus(1);
}

/** ln(1 + y) for y >= 0 without cancellation for tiny y. */
export function log1p(y: Dec): Dec {
  if (y.isZero()) return y;
  if (y.lt('1e-5')) {
    // alternating series, |terms| fall by >= 1e5 each step
    const yx = new DX(y);
    let power = yx;
    let sum = yx;
    const eps = new DX(10).pow(-(PRECISION + 25));
    for (let k = 2; ; k++) {
      power = power.times(yx).neg();
      const term = power.div(k);
      sum = sum.plus(term);
      if (term.abs().lt(sum.abs().times(eps))) break;
    }
    return new D(sum).toSignificantDigits(PRECISION);
  }
  return new D(DX.ln(new DX(y).plus(1))).toSignificantDigits(PRECISION);
}

/** Logistic sigma(x) = 1/(1 + e^-x), via e^-|x| so exp never overflows. */
export function sigmoid(x: Dec): Dec {
  if (x.gte(0)) return ONE.div(ONE.plus(expNonPos(x.neg())));
  const e = expNonPos(x);
  return e.div(ONE.plus(e));
}

/** sigma'(x) = sigma(x) sigma(-x) = e^-|x| / (1 + e^-|x|)^2, with no cancellation. */
export function sigmoidPrime(x: Dec): Dec {
  const e = expNonPos(x.abs().neg());
  return e.div(ONE.plus(e).pow(2));
}

/** tanh(y) = sign(y) (1 - e^-2|y|)/(1 + e^-2|y|), the numerator through expm1. */
export function tanh(y: Dec): Dec {
  if (y.isZero()) return y;
  const t = y.abs().times(-2);
  const r = expm1(t)
    .neg()
    .div(ONE.plus(expNonPos(t)));
  return y.isNeg() ? r.neg() : r;
}

/** sech^2(y) = 1 - tanh^2(y) = 4 e^-2|y| / (1 + e^-2|y|)^2, with no cancellation. */
export function sech2(y: Dec): Dec {
  const e = expNonPos(y.abs().times(-2));
  return e.times(4).div(ONE.plus(e).pow(2));
}

/** softplus(x) = ln(1 + e^x) = max(x, 0) + log1p(e^-|x|). */
export function softplus(x: Dec): Dec {
  const tail = log1p(expNonPos(x.abs().neg()));
  return x.gt(0) ? x.plus(tail) : tail;
}

// ---------------------------------------------------------------------------------------------
// erfc and the normal distribution (decimal.js has no erf).

/** Beyond this |z|, erfc(z) < e^-1e12: treated as 0 (it underflows any double by far). */
const ERFC_HUGE = new D('1e6');
/** Below this z, erfc uses the erf series; from it up, the continued fraction. */
export const ERFC_SWITCH = 5;

/**
 * erfc(z) = 1 - erf(z) for z >= 0 by the non-alternating series
 * erf(z) = 2/sqrt(pi) e^-z^2 sum_n 2^n z^(2n+1) / (1*3*...*(2n+1)),
 * with enough guard digits to absorb the cancellation 1 - erf(z) (about z^2/ln 10 digits).
 */
export function erfcSeries(z: Dec, digits = PRECISION): Dec {
  const guard = Math.ceil(z.toNumber() ** 2 / Math.LN10) + 20;
  const DW = withPrecision(digits + guard);
  const zw = new DW(z);
  const twoZ2 = zw.times(zw).times(2);
  if (zw.isZero()) return ONE;
  let term = zw;
  let sum = zw;
  const eps = new DW(10).pow(-(digits + guard));
  for (let n = 1; ; n++) {
    term = term.times(twoZ2).div(2 * n + 1);
    sum = sum.plus(term);
    if (term.lt(sum.times(eps))) break;
  }
  const erf = sum.times(DW.exp(zw.times(zw).neg())).times(new DW(TWO_OVER_SQRT_PI));
  return new D(new DW(1).minus(erf)).toSignificantDigits(digits);
}

/**
 * erfc(z) for z > 0 by the Laplace continued fraction
 * erfc(z) = e^-z^2 / sqrt(pi) * 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + ...)))),
 * evaluated with the modified Lentz algorithm until the last factor is 1 to digits + 10 places.
 */
export function erfcContinuedFraction(z: Dec, digits = PRECISION): Dec {
  const DW = withPrecision(digits + 20);
  const zw = new DW(z);
  const tiny = new DW('1e-1000');
  const eps = new DW(10).pow(-(digits + 10));
  // f = b0 + a1/(b1 + a2/(b2 + ...)) with b_i = z, a_n = n/2
  let f = zw;
  let c = zw;
  let d = new DW(0);
  for (let n = 1; n < 1_000_000; n++) {
    const a = new DW(n).div(2);
    d = zw.plus(d.times(a));
    if (d.isZero()) d = tiny;
    c = zw.plus(a.div(c));
    if (c.isZero()) c = tiny;
    d = new DW(1).div(d);
    const delta = c.times(d);
    f = f.times(delta);
    if (delta.minus(1).abs().lt(eps)) break;
  }
  const r = DW.exp(zw.times(zw).neg()).div(f.times(DW.sqrt(new DW(PI))));
  return new D(r).toSignificantDigits(digits);
}

/** The complementary error function erfc(z), for every real z. */
export function erfc(z: Dec): Dec {
  if (z.isZero()) return ONE;
  if (z.isNeg()) return TWO.minus(erfc(z.neg()));
  if (z.gt(ERFC_HUGE)) return ZERO;
  return z.lt(ERFC_SWITCH) ? erfcSeries(z) : erfcContinuedFraction(z);
}

/** Standard normal CDF Phi(x) = erfc(-x/sqrt 2)/2. */
export function normalCdf(x: Dec): Dec {
  const z = new DX(x).neg().div(SQRT2);
  return erfc(new D(z.toSignificantDigits(PRECISION + 20))).times(HALF);
}

/** Standard normal density phi(x) = e^(-x^2/2)/sqrt(2 pi). */
export function normalPdf(x: Dec): Dec {
  return expNonPos(x.times(x).times(HALF).neg()).div(SQRT_2PI);
}

// ---------------------------------------------------------------------------------------------
// The activations at PyTorch's default parameters: f and f' (derivative w.r.t. x).

export const LEAKY_SLOPE = new D('0.01');
export const PRELU_SLOPE = new D('0.25');
export const ELU_ALPHA = new D(1);
export const SELU_SCALE = new D('1.0507009873554804934193349852946');
export const SELU_ALPHA = new D('1.6732632423543772848170429916717');
export const GELU_TANH_K = new D('0.044715');
const GELU_TANH_C = new D(SQRT_2_OVER_PI.toSignificantDigits(PRECISION + 20));
const SIX = new D(6);

export interface ReferenceFunction {
  f(x: Dec): Dec;
  df(x: Dec): Dec;
  /** x where f' jumps, with the one-sided derivatives there. */
  kinks: readonly { x: number; left: Dec; right: Dec }[];
}

function piecewiseLinear(slope: Dec): ReferenceFunction {
  return {
    f: (x) => (x.gt(0) ? x : new DR(x).times(slope)),
    df: (x) => (x.gt(0) ? ONE : slope),
    kinks: [{ x: 0, left: slope, right: ONE }],
  };
}

/** gelu-tanh inner argument u = sqrt(2/pi) (x + 0.044715 x^3). */
function geluTanhU(x: Dec): Dec {
  return GELU_TANH_C.times(x.plus(GELU_TANH_K.times(x.pow(3))));
}

const hardSigmoidF = (x: Dec): Dec =>
  x.lte(-3) ? ZERO : x.gte(3) ? ONE : new DR(x).plus(3).div(6);

export const reference: Readonly<Record<string, ReferenceFunction>> = {
  sigmoid: { f: sigmoid, df: sigmoidPrime, kinks: [] },
  tanh: { f: tanh, df: sech2, kinks: [] },
  relu: piecewiseLinear(ZERO),
  'leaky-relu': piecewiseLinear(LEAKY_SLOPE),
  prelu: piecewiseLinear(PRELU_SLOPE),
  elu: {
    f: (x) => (x.gt(0) ? x : ELU_ALPHA.times(expm1(x))),
    df: (x) => (x.gt(0) ? ONE : ELU_ALPHA.times(expNonPos(x))),
    kinks: [], // alpha = 1: f' is continuous (1 on both sides of 0)
  },
  selu: {
    f: (x) =>
      x.gt(0) ? new DR(x).times(SELU_SCALE) : SELU_SCALE.times(SELU_ALPHA).times(expm1(x)),
    df: (x) => (x.gt(0) ? SELU_SCALE : SELU_SCALE.times(SELU_ALPHA).times(expNonPos(x))),
    kinks: [{ x: 0, left: SELU_SCALE.times(SELU_ALPHA), right: SELU_SCALE }],
  },
  gelu: {
    f: (x) => x.times(normalCdf(x)),
    df: (x) => normalCdf(x).plus(x.times(normalPdf(x))),
    kinks: [],
  },
  'gelu-tanh': {
    // 0.5 x (1 + tanh u) = x sigma(2u): no cancellation for large negative x
    f: (x) => x.times(sigmoid(geluTanhU(x).times(2))),
    df: (x) => {
      const u2 = geluTanhU(x).times(2);
      const du = GELU_TANH_C.times(ONE.plus(GELU_TANH_K.times(3).times(x.times(x))));
      return sigmoid(u2).plus(x.times(2).times(sigmoidPrime(u2)).times(du));
    },
    kinks: [],
  },
  silu: {
    f: (x) => x.times(sigmoid(x)),
    df: (x) => sigmoid(x).times(ONE.plus(x.times(sigmoid(x.neg())))),
    kinks: [],
  },
  softplus: { f: softplus, df: sigmoid, kinks: [] },
  mish: {
    f: (x) => x.times(tanh(softplus(x))),
    df: (x) => {
      const sp = softplus(x);
      return tanh(sp).plus(x.times(sech2(sp)).times(sigmoid(x)));
    },
    kinks: [],
  },
  softsign: {
    f: (x) => new DR(x).div(new DR(x).abs().plus(1)),
    df: (x) => new DR(1).div(new DR(x).abs().plus(1).pow(2)),
    kinks: [],
  },
  'hard-sigmoid': {
    f: hardSigmoidF,
    df: (x) => (x.gt(-3) && x.lt(3) ? ONE.div(SIX) : ZERO),
    kinks: [
      { x: -3, left: ZERO, right: ONE.div(SIX) },
      { x: 3, left: ONE.div(SIX), right: ZERO },
    ],
  },
  'hard-tanh': {
    f: (x) => (x.lt(-1) ? ONE.neg() : x.gt(1) ? ONE : x),
    df: (x) => (x.gt(-1) && x.lt(1) ? ONE : ZERO),
    kinks: [
      { x: -1, left: ZERO, right: ONE },
      { x: 1, left: ONE, right: ZERO },
    ],
  },
  'hard-swish': {
    f: (x) => (x.lte(-3) ? ZERO : x.gte(3) ? x : new DR(x).times(new DR(x).plus(3)).div(6)),
    df: (x) => (x.lte(-3) ? ZERO : x.gte(3) ? ONE : new DR(x).times(2).plus(3).div(6)),
    kinks: [
      { x: -3, left: ZERO, right: new D(-3).div(SIX) },
      { x: 3, left: new D(9).div(SIX), right: ONE },
    ],
  },
  linear: { f: (x) => x, df: () => ONE, kinks: [] },
  step: { f: (x) => (x.gte(0) ? ONE : ZERO), df: () => ZERO, kinks: [] },
};

/**
 * Limits at +-Infinity (exact, by hand) for the special-input table: [f(+inf), f(-inf),
 * f'(+inf), f'(-inf)]. NaN inputs map to NaN.
 */
export const limits: Readonly<Record<string, readonly [Dec, Dec, Dec, Dec]>> = {
  sigmoid: [ONE, ZERO, ZERO, ZERO],
  tanh: [ONE, ONE.neg(), ZERO, ZERO],
  relu: [new D(Infinity), ZERO, ONE, ZERO],
  'leaky-relu': [new D(Infinity), new D(-Infinity), ONE, LEAKY_SLOPE],
  prelu: [new D(Infinity), new D(-Infinity), ONE, PRELU_SLOPE],
  elu: [new D(Infinity), ELU_ALPHA.neg(), ONE, ZERO],
  selu: [new D(Infinity), SELU_SCALE.times(SELU_ALPHA).neg(), SELU_SCALE, ZERO],
  gelu: [new D(Infinity), ZERO, ONE, ZERO],
  'gelu-tanh': [new D(Infinity), ZERO, ONE, ZERO],
  silu: [new D(Infinity), ZERO, ONE, ZERO],
  softplus: [new D(Infinity), ZERO, ONE, ZERO],
  mish: [new D(Infinity), ZERO, ONE, ZERO],
  softsign: [ONE, ONE.neg(), ZERO, ZERO],
  'hard-sigmoid': [ONE, ZERO, ZERO, ZERO],
  'hard-tanh': [ONE, ONE.neg(), ZERO, ZERO],
  'hard-swish': [new D(Infinity), ZERO, ONE, ZERO],
  linear: [new D(Infinity), new D(-Infinity), ONE, ONE],
  step: [ONE, ZERO, ZERO, ZERO],
};
