/**
 * Property-based fuzzing of the expression language. Two sources of input:
 * - random strings over the grammar's tokens plus junk (and arbitrary Unicode);
 * - random syntax trees printed to text.
 * Every input must give either a positioned error or a function that returns a number for every
 * x; no exception may escape; every parse must be fast. A printed tree must parse back to a tree
 * that prints the same and computes the same values bit for bit (precedence and associativity).
 *
 * Default run: a few thousand cases per property. `FUZZ_LONG=1` (npm run test:long): 100,000.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compileExpression,
  expressionToTex,
  MAX_LENGTH,
  parseExpression,
  printExpression,
  type BinaryOp,
  type ExprNode,
} from '../../src/lib/expr/index.ts';
import { renderTex } from '../../src/lib/tex.ts';

const LONG = process.env.FUZZ_LONG === '1';
const RUNS = LONG ? 100_000 : 2_500;
/** Generous, to stay clear of noise on a shared CI machine; typical parses take microseconds. */
const PARSE_BUDGET_MS = 50;
/** Vitest's per-test timeout: the long mode runs for tens of seconds. */
const TIMEOUT_MS = LONG ? 900_000 : 30_000;
const probes = [
  -1e308,
  -40,
  -3,
  -1,
  -0.5,
  -0,
  0,
  1e-300,
  0.5,
  1,
  2.5,
  40,
  1e308,
  Infinity,
  -Infinity,
  NaN,
];

const tokens = [
  'x',
  'x',
  'x',
  '1',
  '2.5',
  '0.1',
  '1e-3',
  '3E+2',
  '.5',
  '7.',
  'e',
  'pi',
  'a',
  'beta',
  'q',
  'r',
  's',
  '+',
  '-',
  '*',
  '/',
  '^',
  '(',
  '(',
  ')',
  ')',
  ',',
  ' ',
  'sigmoid',
  'tanh',
  'relu',
  'gelu_tanh',
  'softplus',
  'max',
  'min',
  'abs',
  'exp',
  'expm1',
  'log',
  'log1p',
  'sqrt',
  'erf',
  'erfc',
  'sin',
  'cosh',
  'leaky_relu',
  'step',
  'foo',
  'constructor',
  '__proto__',
  'toString',
  'gelu-tanh',
  '.',
  '$',
  '[',
  ']',
  '"',
  "'",
  '=',
  ';',
  '\u0000',
  'é',
  '∞',
  '\n',
  '1e',
  '1e+',
  '99999e999',
];

const tokenString = fc
  .array(fc.constantFrom(...tokens), { maxLength: 80 })
  .map((ts) => ts.join(''));
const anyString = fc.oneof(
  tokenString,
  fc.string({ maxLength: 220 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
);

/**
 * Parses with a stopwatch; returns the result and the elapsed milliseconds. A slow reading is
 * taken again (the fastest of three counts): a garbage-collection pause or another process on a
 * shared machine can stall any call, and the bound is about the parser, not the machine.
 */
function timedParse(text: string): { result: ReturnType<typeof parseExpression>; ms: number } {
  let t0 = performance.now();
  const result = parseExpression(text);
  let ms = performance.now() - t0;
  for (let retry = 0; retry < 3 && ms > 5; retry++) {
    t0 = performance.now();
    parseExpression(text);
    ms = Math.min(ms, performance.now() - t0);
  }
  return { result, ms };
}

function checkOutcome(text: string, result: ReturnType<typeof parseExpression>): void {
  if (!result.ok) {
    const { position, message } = result.error;
    expect(
      Number.isInteger(position) && position >= 0 && position <= Math.max(text.length, MAX_LENGTH),
    ).toBe(true);
    expect(message).toMatch(/at column \d+/);
    return;
  }
  const c = compileExpression(result.ast, { a: 0.5, beta: -2 });
  for (const x of probes) {
    expect(typeof c.f(x)).toBe('number');
    expect(typeof c.df(x)).toBe('number');
  }
}

describe('fuzzing random strings', () => {
  it(
    `never throws, always errs clearly or compiles, parses fast (${RUNS} strings)`,
    () => {
      let slowest = 0;
      fc.assert(
        fc.property(anyString, (text) => {
          const { result, ms } = timedParse(text);
          slowest = Math.max(slowest, ms);
          checkOutcome(text, result);
        }),
        { numRuns: RUNS },
      );
      console.log(`slowest parse of ${RUNS}: ${slowest.toFixed(3)} ms`);
      expect(slowest).toBeLessThan(PARSE_BUDGET_MS);
    },
    TIMEOUT_MS,
  );

  it('parses the worst 200-character inputs fast', () => {
    const worst = [
      '('.repeat(200),
      `${'-'.repeat(199)}x`,
      `${'x+'.repeat(99)}x `,
      `${'max(x,'.repeat(33)}`.slice(0, 200),
      `${'2^'.repeat(99)}x `,
      `${'sigmoid('.repeat(25)}`,
    ];
    for (const text of worst) {
      const { result, ms } = timedParse(text);
      expect(ms).toBeLessThan(PARSE_BUDGET_MS);
      checkOutcome(text, result);
    }
  });
});

const ops: readonly BinaryOp[] = ['+', '-', '*', '/', '^'];
const unary = [
  'sigmoid',
  'tanh',
  'relu',
  'abs',
  'exp',
  'log1p',
  'sqrt',
  'erf',
  'gelu_tanh',
  'softplus',
  'sin',
];
const at = { start: 0, end: 0 };

const leaf: fc.Arbitrary<ExprNode> = fc.oneof(
  fc.constant<ExprNode>({ type: 'x', ...at }),
  fc
    .double({ min: 0, max: 1e6, noNaN: true })
    .map((value): ExprNode => ({ type: 'num', value, ...at })),
  fc.integer({ min: 0, max: 9 }).map((value): ExprNode => ({ type: 'num', value, ...at })),
  fc.constantFrom('pi', 'e').map((name): ExprNode => ({ type: 'const', name, ...at })),
  fc.constantFrom('a', 'beta').map((name): ExprNode => ({ type: 'param', name, ...at })),
);

const tree = fc.letrec<{ node: ExprNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    tie('node').map((arg): ExprNode => ({ type: 'neg', arg, ...at })),
    fc
      .tuple(fc.constantFrom(...ops), tie('node'), tie('node'))
      .map(([op, left, right]): ExprNode => ({ type: 'bin', op, left, right, ...at })),
    fc
      .tuple(fc.constantFrom(...unary), tie('node'))
      .map(([name, arg]): ExprNode => ({ type: 'call', name, args: [arg], ...at })),
    fc
      .tuple(fc.constantFrom('min', 'max'), fc.array(tie('node'), { minLength: 2, maxLength: 3 }))
      .map(([name, args]): ExprNode => ({ type: 'call', name, args, ...at })),
  ),
})).node;

function same(a: number, b: number): boolean {
  return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
}

describe('fuzzing random syntax trees printed to text', () => {
  it(
    `parse(print(tree)) prints the same and computes the same (${RUNS} trees)`,
    () => {
      let slowest = 0;
      let parsed = 0;
      fc.assert(
        fc.property(tree, (node) => {
          const text = printExpression(node);
          const { result, ms } = timedParse(text);
          slowest = Math.max(slowest, ms);
          checkOutcome(text, result);
          if (text.length > MAX_LENGTH) {
            expect(result.ok).toBe(false);
            return;
          }
          if (!result.ok) {
            // Only the depth and size limits may reject a printed tree that fits the length.
            expect(result.error.message).toMatch(/nested more than|more than \d+ parts/);
            return;
          }
          parsed++;
          expect(printExpression(result.ast)).toBe(text);
          const original = compileExpression(node, {});
          const reparsed = compileExpression(result.ast, {});
          for (const x of [-2, -0.5, 0, 0.75, 3]) {
            expect(same(reparsed.f(x), original.f(x))).toBe(true);
            expect(same(reparsed.df(x), original.df(x))).toBe(true);
          }
        }),
        { numRuns: RUNS },
      );
      console.log(`slowest parse of ${RUNS}: ${slowest.toFixed(3)} ms`);
      expect(slowest).toBeLessThan(PARSE_BUDGET_MS);
      expect(parsed).toBeGreaterThan(RUNS / 2);
    },
    TIMEOUT_MS,
  );
});

describe('TeX of random trees', () => {
  it(
    'always renders with KaTeX in strict mode',
    () => {
      fc.assert(
        fc.property(tree, (node) => {
          expect(() => renderTex(expressionToTex(node), true)).not.toThrow();
        }),
        { numRuns: LONG ? 10_000 : 300 },
      );
    },
    TIMEOUT_MS,
  );
});
