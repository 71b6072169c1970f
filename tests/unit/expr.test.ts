/**
 * The expression language: parsing and precedence, positioned errors, the safety whitelist,
 * derivatives by automatic differentiation against the registry and against hand derivatives,
 * the kink conventions, TeX, and the URL form of parameters. Fuzzing is in expr-fuzz.test.ts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { activationIds, getActivation } from '../../src/lib/activations/index.ts';
import {
  compileExpression,
  compileSource,
  decodeParams,
  encodeParams,
  expressionToTex,
  MAX_DEPTH,
  parseExpression,
  printExpression,
  type CompiledExpression,
} from '../../src/lib/expr/index.ts';
import { renderTex } from '../../src/lib/tex.ts';

function compiled(text: string, params: Record<string, number> = {}): CompiledExpression {
  const r = compileSource(text, params);
  if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
  return r.compiled;
}

function printed(text: string): string {
  const r = parseExpression(text);
  if (!r.ok) throw new Error(r.error.message);
  return printExpression(r.ast);
}

const sigmoid = getActivation('sigmoid');

describe('parsing and precedence', () => {
  it.each([
    ['-x^2', -4],
    ['2^3^2', 512],
    ['2^-1', 0.5],
    ['-2^2', -4],
    ['(-2)^2', 4],
    ['1 - 2 - 3', -4],
    ['8 / 4 / 2', 1],
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['--x', 2],
    ['2 * -x', -4],
    ['1e-3 * 1000', 1],
    ['.5 + 1.', 1.5],
    ['2E2', 200],
    ['max(1, x, 3)', 3],
    ['min(1, x, -3)', -3],
    ['abs(-x)', 2],
    ['pi - pi + e - e', 0],
  ])('%s at x = 2 is %d', (text, value) => {
    expect(compiled(text).f(2)).toBeCloseTo(value, 12);
  });

  it('prints with the fewest parentheses that parse back the same', () => {
    expect(printed('((x)) * ((2 + 3))')).toBe('x * (2 + 3)');
    expect(printed('-(x^2)')).toBe('-x^2');
    expect(printed('(-x)^2')).toBe('(-x)^2');
    expect(printed('(2^3)^2')).toBe('(2^3)^2');
    expect(printed('2^(3^2)')).toBe('2^3^2');
    expect(printed('a - (b - c)')).toBe('a - (b - c)');
  });

  it('collects named parameters in order of first use and compiles their values', () => {
    const r = parseExpression('x * sigmoid(beta * x) + a * beta');
    expect(r.ok && r.params).toEqual(['beta', 'a']);
    expect(compiled('a * x', { a: 3 }).f(2)).toBe(6);
    expect(compiled('a * x').f(2)).toBe(2);
  });

  it('calls every registry activation by its underscore id with the registry values', () => {
    for (const id of activationIds) {
      const c = compiled(`${id.replaceAll('-', '_')}(x)`);
      const a = getActivation(id);
      for (const x of [-3, -0.5, 0, 0.7, 4]) {
        expect(c.f(x)).toBe(a.f(x));
        expect(c.df(x)).toBe(a.df(x));
      }
    }
  });
});

describe('errors point at the position and say what was expected', () => {
  it.each([
    ['(x', 2, "expected ')' at column 3"],
    ['x * (1 + 2', 10, "expected ')' at column 11 to close the '(' at column 5"],
    ['foo(x)', 0, 'unknown function foo at column 1'],
    ['2 + 3x', 5, "before 'x' at column 6; write 2*x"],
    ['x +', 3, "expected a number, x, a name or '(' at column 4, found end of input"],
    ['x + * 2', 4, "found '*'"],
    ['x # 2', 2, "unexpected character '#' at column 3"],
    ['exp', 3, "expected '(' after the function exp"],
    ['sigmoid(x, 1)', 0, 'sigmoid at column 1 takes exactly 1 argument, not 2'],
    ['max(x)', 0, 'max at column 1 takes at least 2 arguments, not 1'],
    ['x)', 1, "unmatched ')'"],
    ['x, 1', 1, "',' outside a function call"],
    ['', 0, 'expected an expression'],
    ['gelu-tanh(x)', 4, 'write gelu_tanh'],
    ['a + b + c + d + f', 16, 'too many parameters at column 17'],
    ['1e999 * x', 0, 'number 1e999 is too large'],
    ['x.constructor', 1, "unexpected character '.'"],
    ['constructor(x)', 0, 'unknown function constructor'],
    ['x * 2\u00a0', 5, 'unexpected character U+00A0'],
  ])('%j fails at %i', (text, position, message) => {
    const r = parseExpression(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.position).toBe(position);
    expect(r.error.message).toContain(message);
  });

  it('limits the length to 200 characters and the nesting depth', () => {
    const long = parseExpression(`x${' + x'.repeat(50)}`);
    expect(long.ok).toBe(false);
    if (!long.ok)
      expect(long.error).toEqual({
        position: 200,
        message: expect.stringContaining('longer than 200'),
      });
    const deep = parseExpression(`${'('.repeat(MAX_DEPTH + 1)}x${')'.repeat(MAX_DEPTH + 1)}`);
    expect(deep.ok).toBe(false);
    if (!deep.ok) expect(deep.error.message).toContain('nested more than 32 levels');
    expect(parseExpression(`${'('.repeat(20)}x${')'.repeat(20)}`).ok).toBe(true);
  });
});

describe('derivatives by automatic differentiation', () => {
  const xs = [-30, -5, -1.3, -0.2, 0.1, 0.9, 2.5, 7, 40];

  it('sigmoid(x) has exactly the registry derivative', () => {
    const c = compiled('sigmoid(x)');
    for (const x of xs) expect(c.df(x)).toBe(sigmoid.df(x));
  });

  it('x * sigmoid(1.702 x) matches the hand derivative', () => {
    const c = compiled('x * sigmoid(1.702 * x)');
    for (const x of xs) {
      const s = sigmoid.f(1.702 * x);
      const hand = s + 1.702 * x * s * (1 - s);
      expect(c.df(x)).toBeCloseTo(hand, 13);
    }
  });

  it('log1p(exp(x)) has derivative sigmoid(x) where exp does not overflow', () => {
    const c = compiled('log1p(exp(x))');
    for (const x of xs) expect(Math.abs(c.df(x) - sigmoid.f(x))).toBeLessThan(1e-15);
  });

  it('x * tanh(softplus(x)) matches the registry Mish', () => {
    const c = compiled('x * tanh(softplus(x))');
    const mish = getActivation('mish');
    for (const x of xs) {
      expect(c.f(x)).toBeCloseTo(mish.f(x), 13);
      expect(c.df(x)).toBeCloseTo(mish.df(x), 12);
    }
  });

  it.each([
    ['x^3', (x: number) => 3 * x * x],
    ['2^x', (x: number) => Math.LN2 * 2 ** x],
    ['x^x', (x: number) => x ** x * (Math.log(x) + 1)],
    ['sin(x) / x', (x: number) => (x * Math.cos(x) - Math.sin(x)) / (x * x)],
    ['sqrt(1 + x^2)', (x: number) => x / Math.sqrt(1 + x * x)],
    ['erf(x / sqrt(2))', (x: number) => Math.sqrt(2 / Math.PI) * Math.exp((-x * x) / 2)],
  ])('%s matches the hand derivative', (text, hand) => {
    const c = compiled(text);
    for (const x of [0.3, 0.8, 1.7, 2.9]) expect(c.df(x)).toBeCloseTo(hand(x), 12);
  });

  it('a constant power of a negative base keeps the power rule (no NaN from ln)', () => {
    expect(compiled('x^2').df(-3)).toBe(-6);
    expect(compiled('log(0 * x)').df(1)).toBe(0);
  });

  it('kinks take the left-hand derivative, like the registry relu and leaky relu', () => {
    expect(compiled('max(0, x)').df(0)).toBe(getActivation('relu').df(0));
    expect(compiled('max(x, 0)').df(0)).toBe(getActivation('relu').df(0));
    expect(compiled('max(0.01 * x, x)').df(0)).toBe(getActivation('leaky-relu').df(0));
    expect(compiled('min(0, x)').df(0)).toBe(1);
    expect(compiled('abs(x)').df(0)).toBe(-1);
    expect(compiled('relu(x)').df(0)).toBe(0);
    expect(compiled('max(0, x)').df(1)).toBe(1);
    expect(compiled('max(0, x)').df(-1)).toBe(0);
  });

  it('agrees with a five-point finite difference at random smooth points', () => {
    const exprs = [
      'x * sigmoid(1.702 * x)',
      'x * tanh(softplus(x))',
      'tanh(x)^3 - sin(2 * x)',
      'exp(-x^2 / 2) * cosh(x / 3)',
      'gelu(x) + silu(x) * elu(x + 5)',
    ];
    const fns = exprs.map((e) => compiled(e));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: fns.length - 1 }),
        fc.double({ min: -4, max: 4, noNaN: true }),
        (i, x) => {
          const c = fns[i]!;
          const h = 1e-3;
          const fd = (8 * (c.f(x + h) - c.f(x - h)) - (c.f(x + 2 * h) - c.f(x - 2 * h))) / (12 * h);
          expect(Math.abs(c.df(x) - fd)).toBeLessThan(1e-7 * (1 + Math.abs(fd)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('the vectorised forms write what the scalar forms return', () => {
    const c = compiled('x * sigmoid(beta * x)', { beta: 1.5 });
    const xs = Float64Array.from([-2, -0.5, 0, 1, 3]);
    const f = c.fInto(xs, new Float64Array(5));
    const df = c.dfInto(xs, new Float64Array(5));
    xs.forEach((x, i) => {
      expect(f[i]).toBe(c.f(x));
      expect(df[i]).toBe(c.df(x));
    });
  });
});

describe('TeX and parameters in URLs', () => {
  it.each([
    [
      'x * sigmoid(1.702 * x)',
      String.raw`x \cdot \operatorname{sigmoid}\left(1.702 \cdot x\right)`,
    ],
    ['-x^2', '-{x}^{2}'],
    ['(1 + x) / sqrt(x)', String.raw`\frac{1 + x}{\sqrt{x}}`],
    ['beta * abs(x) + 1e-7', String.raw`\beta \cdot \left|x\right| + 10^{-7}`],
    ['gelu_tanh(x)', String.raw`\operatorname{gelu\_tanh}\left(x\right)`],
  ])('%s renders as %s', (text, tex) => {
    const r = parseExpression(text);
    if (!r.ok) throw new Error(r.error.message);
    expect(expressionToTex(r.ast)).toBe(tex);
    expect(() => renderTex(expressionToTex(r.ast))).not.toThrow();
  });

  it('round-trips parameter values and drops junk', () => {
    expect(decodeParams(encodeParams(['a', 'beta'], { a: 0.5, beta: -2 }))).toEqual({
      a: 0.5,
      beta: -2,
    });
    expect(decodeParams('a:1,a:2,b:x,c:99,:1,d:1e-2,constructor:1')).toEqual({
      a: 1,
      d: 0.01,
      constructor: 1,
    });
    expect(decodeParams('')).toEqual({});
  });

  it('compileExpression takes parameter values by name, ignoring inherited keys', () => {
    const r = parseExpression('constructor * x');
    if (!r.ok) throw new Error(r.error.message);
    expect(compileExpression(r.ast, {}).f(2)).toBe(2);
    expect(compileExpression(r.ast, { constructor: 3 }).f(2)).toBe(6);
  });
});
