/**
 * Writes tests/fixtures/activation-reference.json: an independent high-precision oracle for every
 * activation f and f' (PyTorch definitions, default parameters), against which
 * tests/unit/activations-accuracy.test.ts measures the module's error in ULPs.
 *
 *   npx node scripts/gen-activation-reference.ts      (Node 22 strips the types; about 30 s)
 *
 * Method. The inputs are a fixed, deterministic set of a few thousand doubles (a grid and seeded
 * pseudo-random points on [-10, 10] and wider intervals, one point per decade from 1e-323 to
 * 1e308 of each sign, subnormals, the exp overflow/underflow edges, the corners of the piecewise
 * functions, and the zeros of f' for silu, gelu, gelu-tanh and mish). Each x is converted to a
 * Decimal exactly (from its bits, not its shortest string), and f(x), f'(x) are evaluated in
 * decimal.js at 80 significant digits with formulas that do not cancel (tests/support/reference-math.ts;
 * erfc by its series and continued fraction, which agree to 100+ digits where they meet), or
 * exactly (2000 digits) for the piecewise-rational functions. The stored value is the correctly
 * rounded double (ties to even, underflow to +-0, overflow to +-Infinity); every rounding is
 * re-checked against the neighbouring doubles with exact arithmetic. No double-precision
 * arithmetic is used on any value before that final rounding.
 *
 * Format (compact JSON):
 *   x                    the inputs, ascending; doubles as JSON numbers written by String(),
 *                        except -0, written as the JSON number -0 (JSON.parse keeps the sign)
 *   functions[id].f/.df  the correctly rounded f(x[i]) and f'(x[i]); non-finite values as the
 *                        strings "Infinity", "-Infinity", "NaN"
 *   functions[id].dfKinks   { "i": [left, right] }: x[i] is a kink of f; df may return either
 *                        one-sided derivative (df[i] holds the value at the defining branch)
 *   functions[id].dfRoot    for functions whose f' has a zero: its location (40 digits) and,
 *                        for each x[i] with |x - root| < 1 and |f'(x)| < 1/8, f'(x) to 25
 *                        significant digits ("hp"), where the test accepts an absolute error
 *   special.x, special.functions[id].f/.df
 *                        f and f' at +Infinity, -Infinity and NaN (limits, worked out by hand)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import Decimal from 'decimal.js';
import {
  D,
  PRECISION,
  exactDecimal,
  limits,
  reference,
  toDigits,
  toDouble,
  type Dec,
} from '../tests/support/reference-math.ts';
import { activationIds } from '../src/lib/activations/types.ts';
import { nextDown, nextUp, stepUlps } from '../src/lib/ulp.ts';

const started = Date.now();
const OUT = new URL('../tests/fixtures/activation-reference.json', import.meta.url);

// ---------------------------------------------------------------------------------------------
// Deterministic pseudo-random doubles: SplitMix64 with a fixed seed.

let state = 0x5eed_ac71_0a7e_2025n;
const MASK64 = (1n << 64n) - 1n;
function next64(): bigint {
  state = (state + 0x9e3779b97f4a7c15n) & MASK64;
  let z = state;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return z ^ (z >> 31n);
}
/** A double uniform on [0, 1) with all 53 bits random. */
function random01(): number {
  return Number(next64() >> 11n) / 2 ** 53;
}
function uniform(lo: number, hi: number): number {
  return lo + (hi - lo) * random01();
}

// ---------------------------------------------------------------------------------------------
// The inputs.

const xs: number[] = [];
const add = (...values: number[]): void => {
  for (const v of values) if (Number.isFinite(v)) xs.push(v);
};
const addBothSigns = (...values: number[]): void => {
  for (const v of values) add(v, -v);
};
/** c, c +- 1..n ULPs. */
const addUlpNeighbours = (c: number, n: number): void => {
  for (let k = -n; k <= n; k++) add(stepUlps(c, k));
};

// grid on [-10, 10], step 0.04
for (let i = 0; i <= 500; i++) add((i - 250) / 25);
// random, full-mantissa points
for (let i = 0; i < 500; i++) add(uniform(-10, 10));
for (let i = 0; i < 200; i++) add(uniform(-40, 40));
for (let i = 0; i < 150; i++) add(uniform(-800, 800));
// one point per decade, both signs, from the subnormals to the top of the range
for (let k = -323; k <= 308; k++) {
  const m = 1 + 9 * random01();
  addBothSigns(Number(`${m}e${k}`));
}
// special doubles
const MIN_NORMAL = 2 ** -1022;
const MIN_SUB = 2 ** -1074;
addBothSigns(
  0,
  5e-324,
  MIN_NORMAL,
  MIN_NORMAL - MIN_SUB,
  Number.MAX_VALUE,
  nextDown(Number.MAX_VALUE),
);
for (const k of [2, 3, 7, 1000, 2 ** 51 + 1]) addBothSigns(k * MIN_SUB);
addBothSigns(2 ** -53, 2 ** -26, Number.EPSILON, 1e-8, 0.5, 1, 2, 3, 6, 10, 2 ** 53, 2 ** 1023);
// exp overflow / underflow edges and other thresholds, densely, both signs
const edges = [
  709.782712893384, // ln(MAX_VALUE): e^x overflows just above
  745.1332191019411, // e^-x underflows to 0 just above
  744.4400719213812, // ln(1/MIN_SUB)
  708.3964185322641, // ln(1/MIN_NORMAL): e^-x becomes subnormal
  710,
  800,
  738.5, // x e^-x underflows (silu, mish, gelu-tanh tails)
  20,
  40,
  36.7368005696771, // 1 + e^-x rounds to 1
  18.714973875118524, // tanh(x) rounds to 1
  37.5,
  38,
  38.5, // gelu(-x) is subnormal in between
];
for (const c of edges) {
  for (let k = -5; k <= 5; k++) addBothSigns(c + k / 100);
  addUlpNeighbours(c, 3);
  addUlpNeighbours(-c, 3);
}
for (let i = 0; i <= 22; i++) add(-37.5 - i / 20);
for (let i = 0; i <= 32; i++) add(-738 - i / 4);
// kinks and corners, with their neighbours
for (const c of [0, 1, -1, 3, -3]) {
  addUlpNeighbours(c, 3);
  for (let j = 1; j <= 12; j += 1) add(c + 10 ** -j, c - 10 ** -j);
}
add(3 * 2 ** -53); // hard-sigmoid(x) is exactly a tie between two doubles here

// the zeros of f' (minima of silu, gelu, gelu-tanh, mish), found by bisection in Decimal
const rootBrackets: Readonly<Record<string, readonly [number, number]>> = {
  silu: [-2, -1],
  gelu: [-1, -0.5],
  'gelu-tanh': [-1, -0.5],
  mish: [-1.5, -1],
};
const roots: Record<string, Dec> = {};
for (const [id, [a, b]] of Object.entries(rootBrackets)) {
  const df = reference[id]!.df;
  let lo = new D(a);
  let hi = new D(b);
  const sLo = df(lo).isNeg();
  if (sLo === df(hi).isNeg()) throw new Error(`${id}: no sign change of f' in [${a}, ${b}]`);
  for (let i = 0; i < 200; i++) {
    const mid = lo.plus(hi).div(2);
    if (df(mid).isNeg() === sLo) lo = mid;
    else hi = mid;
  }
  const root = lo.plus(hi).div(2);
  roots[id] = root;
  const r = toDouble(root);
  addUlpNeighbours(r, 4);
  for (let j = 2; j <= 14; j++) add(r + 10 ** -j, r - 10 ** -j);
}

// dedupe (keeping -0 and +0 apart), sort ascending
const seen = new Set<string>();
const inputs = xs
  .filter((x) => {
    const key = Object.is(x, -0) ? '-0' : String(x);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  })
  .sort((p, q) => p - q || (Object.is(p, -0) ? -1 : Object.is(q, -0) ? 1 : 0));

// ---------------------------------------------------------------------------------------------
// Rounding check: r must be the double nearest to d, ties to even (exact arithmetic).

const DCHECK = D.clone({ precision: 2500 });
const TWO_1024 = new DCHECK(2).pow(1024);
const OVERFLOW_AT = TWO_1024.minus(new DCHECK(2).pow(970)); // MAX_VALUE + ulp/2 rounds to Infinity
const HALF_MIN_SUB = new DCHECK(2).pow(-1075);

function isEven(r: number): boolean {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, r);
  return (view.getBigUint64(0) & 1n) === 0n;
}
function checkRounding(d: Dec, r: number, what: string): void {
  const exact = new DCHECK(d);
  const fail = (): never => {
    throw new Error(`rounding check failed for ${what}: ${d.toString()} -> ${r}`);
  };
  if (Number.isNaN(r)) fail();
  if (!Number.isFinite(r)) {
    if (exact.abs().lt(OVERFLOW_AT)) fail();
    return;
  }
  if (r === 0) {
    if (exact.abs().gt(HALF_MIN_SUB)) fail();
    return;
  }
  const distance = (v: number): Decimal =>
    Number.isFinite(v) ? exact.minus(new DCHECK(exactDecimal(v))).abs() : TWO_1024;
  const here = distance(r);
  for (const v of [nextUp(r), nextDown(r)]) {
    const there = distance(v);
    if (there.lt(here) || (there.eq(here) && !isEven(r))) fail();
  }
}

// ---------------------------------------------------------------------------------------------
// Evaluate.

type Cell = number | string;
const cell = (r: number): Cell => (Number.isFinite(r) ? r : String(r));

interface FunctionEntry {
  f: Cell[];
  df: Cell[];
  dfKinks?: Record<string, [Cell, Cell]>;
  dfRoot?: { root: string; hp: Record<string, string> };
}

const exactInputs = inputs.map(exactDecimal);
const functions: Record<string, FunctionEntry> = {};
const EIGHTH = new D('0.125');
for (const id of activationIds) {
  const t0 = Date.now();
  const ref = reference[id];
  if (!ref) throw new Error(`no reference for ${id}`);
  const entry: FunctionEntry = { f: [], df: [] };
  const root = roots[id];
  const hp: Record<string, string> = {};
  const kinks: Record<string, [Cell, Cell]> = {};
  inputs.forEach((x, i) => {
    const X = exactInputs[i]!;
    const fx = ref.f(X);
    const dfx = ref.df(X);
    const rf = toDouble(fx);
    const rdf = toDouble(dfx);
    checkRounding(fx, rf, `${id} f(${x})`);
    checkRounding(dfx, rdf, `${id} df(${x})`);
    entry.f.push(cell(rf));
    entry.df.push(cell(rdf));
    const kink = ref.kinks.find((k) => k.x === x);
    if (kink) kinks[i] = [cell(toDouble(kink.left)), cell(toDouble(kink.right))];
    if (root && X.minus(root).abs().lt(1) && dfx.abs().lt(EIGHTH)) hp[i] = toDigits(dfx, 25);
  });
  if (Object.keys(kinks).length > 0) entry.dfKinks = kinks;
  if (root) entry.dfRoot = { root: toDigits(root, 40), hp };
  functions[id] = entry;
  console.log(`${id.padEnd(13)} ${String(Date.now() - t0).padStart(6)} ms`);
}

// special inputs: +Infinity, -Infinity, NaN
const special: Record<string, { f: Cell[]; df: Cell[] }> = {};
for (const id of activationIds) {
  const lim = limits[id];
  if (!lim) throw new Error(`no limits for ${id}`);
  const [fPos, fNeg, dfPos, dfNeg] = lim.map(toDouble) as [number, number, number, number];
  special[id] = { f: [cell(fPos), cell(fNeg), 'NaN'], df: [cell(dfPos), cell(dfNeg), 'NaN'] };
}

// ---------------------------------------------------------------------------------------------
// Write compact JSON by hand so -0 keeps its sign.

const num = (v: Cell): string =>
  typeof v === 'string' ? JSON.stringify(v) : Object.is(v, -0) ? '-0' : String(v);
const arr = (a: readonly Cell[]): string => `[${a.map(num).join(',')}]`;
const obj = (o: Record<string, string>): string =>
  `{${Object.entries(o)
    .map(([k, v]) => `${JSON.stringify(k)}:${v}`)
    .join(',')}}`;

const fnJson = activationIds.map((id) => {
  const e = functions[id]!;
  const parts: Record<string, string> = { f: arr(e.f), df: arr(e.df) };
  if (e.dfKinks) {
    const k: Record<string, string> = {};
    for (const [i, pair] of Object.entries(e.dfKinks)) k[i] = arr(pair);
    parts['dfKinks'] = obj(k);
  }
  if (e.dfRoot) {
    const hpJson: Record<string, string> = {};
    for (const [i, s] of Object.entries(e.dfRoot.hp)) hpJson[i] = JSON.stringify(s);
    parts['dfRoot'] = obj({ root: JSON.stringify(e.dfRoot.root), hp: obj(hpJson) });
  }
  return `${JSON.stringify(id)}:${obj(parts)}`;
});
const specialJson = activationIds.map(
  (id) => `${JSON.stringify(id)}:${obj({ f: arr(special[id]!.f), df: arr(special[id]!.df) })}`,
);

const header = {
  generatedBy:
    'scripts/gen-activation-reference.ts (decimal.js, see tests/support/reference-math.ts)',
  precision: PRECISION,
  rounding: 'correctly rounded to double, ties to even',
  encoding:
    'finite doubles are JSON numbers (-0 written as -0); non-finite values are the strings "Infinity", "-Infinity", "NaN"',
  count: inputs.length,
};
const json =
  `{${Object.entries(header)
    .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
    .join(',')},` +
  `"x":${arr(inputs)},\n` +
  `"functions":{\n${fnJson.join(',\n')}\n},\n` +
  `"special":{"x":["Infinity","-Infinity","NaN"],"functions":{\n${specialJson.join(',\n')}}}}\n`;

JSON.parse(json); // must be valid
mkdirSync(new URL('.', OUT), { recursive: true });
writeFileSync(OUT, json);
console.log(
  `wrote ${OUT.pathname}: ${inputs.length} points, ${(json.length / 1024).toFixed(0)} KiB, ` +
    `${((Date.now() - started) / 1000).toFixed(1)} s`,
);
