/**
 * The whitelist: every function an expression may call, each as a value beside its derivative.
 *
 * Nothing outside these tables is reachable from an expression: names are looked up with
 * `Object.hasOwn` in null-prototype maps, so `constructor`, `__proto__` or `toString` are unknown
 * functions like any other. The registry's activations are callable by id, with hyphens written
 * as underscores (`gelu_tanh`, `leaky_relu`) because a hyphen is the minus operator; they use
 * the registry's own `f` and `df` at default parameters, so a custom `sigmoid(x)` trains exactly
 * like the built-in one.
 */
import type { ScalarDifferentiable } from '../differentiable.ts';
import { activationIds, getActivation } from '../activations/index.ts';
import { erf, erfc } from '../activations/special.ts';

/** A function of one argument with its derivative. */
export interface UnaryFunction extends ScalarDifferentiable {
  /** TeX for the name, e.g. `\exp` or `\operatorname{sigmoid}`. */
  readonly tex: string;
}

/** 2/√π, the slope of erf at 0. */
const TWO_OVER_SQRT_PI = 1.1283791670955126;

function mathFn(f: (u: number) => number, df: (u: number) => number, tex: string): UnaryFunction {
  return { f, df, tex };
}

/**
 * |u|. Its derivative at 0 is the left-hand one, −1, like every kink in this language (the
 * registry's relu'(0) = 0 and leaky'(0) = slope are left-hand values too). Together with the
 * chain rule in compile.ts this gives the left-hand derivative in x when the argument rises
 * through 0. NaN stays NaN.
 */
function absSlope(u: number): number {
  return u > 0 ? 1 : u <= 0 ? -1 : u;
}

const elementary: Record<string, UnaryFunction> = {
  exp: mathFn(Math.exp, Math.exp, '\\exp'),
  expm1: mathFn(Math.expm1, Math.exp, '\\operatorname{expm1}'),
  log: mathFn(Math.log, (u) => 1 / u, '\\log'),
  log1p: mathFn(Math.log1p, (u) => 1 / (1 + u), '\\operatorname{log1p}'),
  sqrt: mathFn(Math.sqrt, (u) => 0.5 / Math.sqrt(u), '\\sqrt'),
  abs: mathFn(Math.abs, absSlope, '\\operatorname{abs}'),
  sin: mathFn(Math.sin, Math.cos, '\\sin'),
  cos: mathFn(Math.cos, (u) => -Math.sin(u), '\\cos'),
  tan: mathFn(Math.tan, (u) => 1 / (Math.cos(u) * Math.cos(u)), '\\tan'),
  atan: mathFn(Math.atan, (u) => 1 / (1 + u * u), '\\arctan'),
  sinh: mathFn(Math.sinh, Math.cosh, '\\sinh'),
  cosh: mathFn(Math.cosh, Math.sinh, '\\cosh'),
  asinh: mathFn(Math.asinh, (u) => 1 / Math.sqrt(1 + u * u), '\\operatorname{asinh}'),
  erf: mathFn(erf, (u) => TWO_OVER_SQRT_PI * Math.exp(-u * u), '\\operatorname{erf}'),
  erfc: mathFn(erfc, (u) => -TWO_OVER_SQRT_PI * Math.exp(-u * u), '\\operatorname{erfc}'),
};

/** The registry's activations by their underscore names. */
function registryFunctions(): Record<string, UnaryFunction> {
  const out: Record<string, UnaryFunction> = {};
  for (const id of activationIds) {
    const a = getActivation(id);
    const name = id.replaceAll('-', '_');
    out[name] = {
      f: (u) => a.f(u),
      df: (u) => a.df(u),
      tex: `\\operatorname{${name.replaceAll('_', '\\_')}}`,
    };
  }
  return out;
}

/**
 * Every one-argument function by name. The registry's `tanh` (accurate to 4 ULP, derivative
 * 1 − tanh² without cancellation) replaces Math.tanh.
 */
export const unaryFunctions: Readonly<Record<string, UnaryFunction>> = Object.freeze(
  Object.assign(
    Object.create(null) as Record<string, UnaryFunction>,
    elementary,
    registryFunctions(),
  ),
);

/** Functions of two or more arguments (handled by the compiler, not by a table of closures). */
export const variadicFunctions = Object.freeze(['min', 'max'] as const);
/** A variadic function name. */
export type VariadicName = (typeof variadicFunctions)[number];

/** Named constants. */
export const constants: Readonly<Record<'pi' | 'e', number>> = Object.freeze({
  pi: Math.PI,
  e: Math.E,
});

/** True when `name` is a one-argument function of the whitelist. */
export function isUnaryFunction(name: string): boolean {
  return Object.hasOwn(unaryFunctions, name);
}

/** True when `name` is `min` or `max`. */
export function isVariadicFunction(name: string): name is VariadicName {
  return (variadicFunctions as readonly string[]).includes(name);
}

/** Every callable name, sorted: for error messages and the help text. */
export const functionNames: readonly string[] = Object.freeze(
  [...Object.keys(unaryFunctions), ...variadicFunctions].sort(),
);
