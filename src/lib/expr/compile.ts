/**
 * Compiles a syntax tree into plain closures: f, and f' by forward-mode automatic
 * differentiation. No code is generated as text; each node becomes a small closure over its
 * children's closures, so nothing outside the whitelist can run.
 *
 * Forward mode, dual numbers without allocation: every derivative closure returns the node's
 * value and leaves the node's derivative in `slot.d`, a field of one object owned by this
 * compiled expression (not module state). A parent reads its child's derivative right after
 * calling it, before calling the next child. One pass per x, exact to rounding (no finite
 * differences, no step size).
 *
 * Conventions that a reader of f' should know:
 * - Kinks take the left-hand derivative, as the registry's relu'(0) = 0 and leaky'(0) = slope
 *   do: at a tie, max picks the smaller slope (the branch that was larger just left of the
 *   tie) and min the larger one; |u|'(0) = −1.
 * - The chain rule skips a factor when the inner derivative is exactly 0: a constant
 *   subexpression has derivative 0 even where the outer function's slope is infinite or NaN
 *   (log(0 * x) has value −∞ but slope 0, not NaN).
 * - u^v with a v that does not depend on x uses the power rule only, so (−2)^2 has slope −4,
 *   not the NaN that the general rule's ln(u) would bring in.
 */
import type { Differentiable } from '../differentiable.ts';
import type { BinaryOp, ExprNode } from './ast.ts';
import { constants, unaryFunctions } from './functions.ts';

/** Value of a parameter the reader has not set yet (the slider's start). */
export const PARAM_DEFAULT = 1;

/**
 * A compiled expression: scalar and vectorised f and f' (df by forward-mode automatic
 * differentiation), the shape the engine trains and the plots sample; fInto and dfInto allocate
 * nothing.
 */
export type CompiledExpression = Differentiable;

type Fn = (x: number) => number;

function valueOf(node: ExprNode, params: Readonly<Record<string, number>>): Fn {
  switch (node.type) {
    case 'num': {
      const v = node.value;
      return () => v;
    }
    case 'x':
      return (x) => x;
    case 'const': {
      const v = constants[node.name];
      return () => v;
    }
    case 'param': {
      const v = paramValue(params, node.name);
      return () => v;
    }
    case 'neg': {
      const a = valueOf(node.arg, params);
      return (x) => -a(x);
    }
    case 'bin': {
      const a = valueOf(node.left, params);
      const b = valueOf(node.right, params);
      switch (node.op) {
        case '+':
          return (x) => a(x) + b(x);
        case '-':
          return (x) => a(x) - b(x);
        case '*':
          return (x) => a(x) * b(x);
        case '/':
          return (x) => a(x) / b(x);
        case '^':
          return (x) => Math.pow(a(x), b(x));
      }
    }
    case 'call': {
      const args = node.args.map((n) => valueOf(n, params));
      if (node.name === 'min' || node.name === 'max') {
        const pick = node.name === 'min' ? Math.min : Math.max;
        return (x) => {
          let best = NaN;
          for (let i = 0; i < args.length; i++)
            best = i === 0 ? args[i]!(x) : pick(best, args[i]!(x));
          return best;
        };
      }
      const fn = unaryFunctions[node.name];
      const a = args[0];
      if (!fn || !a) break;
      const f = fn.f;
      return (x) => f(a(x));
    }
  }
  // The parser only builds whitelisted nodes; reaching here means a tree was built by hand.
  throw new Error(`cannot compile node ${JSON.stringify(node.type)}`);
}

/** The derivative closures write each node's derivative here. */
interface Slot {
  d: number;
}

function dualOf(node: ExprNode, params: Readonly<Record<string, number>>, s: Slot): Fn {
  switch (node.type) {
    case 'num':
    case 'const':
    case 'param': {
      const v = valueOf(node, params);
      return (x) => {
        s.d = 0;
        return v(x);
      };
    }
    case 'x':
      return (x) => {
        s.d = 1;
        return x;
      };
    case 'neg': {
      const a = dualOf(node.arg, params, s);
      return (x) => {
        const v = a(x);
        s.d = -s.d;
        return -v;
      };
    }
    case 'bin':
      return binaryDual(node.op, dualOf(node.left, params, s), dualOf(node.right, params, s), s);
    case 'call': {
      const args = node.args.map((n) => dualOf(n, params, s));
      if (node.name === 'min' || node.name === 'max') return extremumDual(node.name, args, s);
      const fn = unaryFunctions[node.name];
      const a = args[0];
      if (!fn || !a) break;
      const { f, df } = fn;
      return (x) => {
        const u = a(x);
        const du = s.d;
        s.d = du === 0 ? 0 : df(u) * du;
        return f(u);
      };
    }
  }
  throw new Error(`cannot compile node ${JSON.stringify(node.type)}`);
}

function binaryDual(op: BinaryOp, a: Fn, b: Fn, s: Slot): Fn {
  switch (op) {
    case '+':
    case '-': {
      const sign = op === '+' ? 1 : -1;
      return (x) => {
        const u = a(x);
        const du = s.d;
        const v = b(x);
        s.d = du + sign * s.d;
        return u + sign * v;
      };
    }
    case '*':
      return (x) => {
        const u = a(x);
        const du = s.d;
        const v = b(x);
        const dv = s.d;
        s.d = (du === 0 ? 0 : du * v) + (dv === 0 ? 0 : u * dv);
        return u * v;
      };
    case '/':
      return (x) => {
        const u = a(x);
        const du = s.d;
        const v = b(x);
        const dv = s.d;
        const q = u / v;
        s.d = (du - (dv === 0 ? 0 : q * dv)) / v;
        return q;
      };
    case '^':
      return (x) => {
        const u = a(x);
        const du = s.d;
        const v = b(x);
        const dv = s.d;
        const p = Math.pow(u, v);
        // d(u^v) = v·u^(v−1)·u' + u^v·ln(u)·v'; each term only when its factor u' or v' is nonzero.
        const powerTerm = du === 0 ? 0 : v === 0 ? 0 : v * Math.pow(u, v - 1) * du;
        const expTerm = dv === 0 ? 0 : p * Math.log(u) * dv;
        s.d = powerTerm + expTerm;
        return p;
      };
  }
}

function extremumDual(name: 'min' | 'max', args: readonly Fn[], s: Slot): Fn {
  const isMax = name === 'max';
  return (x) => {
    let best = NaN;
    let slope = NaN;
    for (let i = 0; i < args.length; i++) {
      const v = args[i]!(x);
      const d = s.d;
      if (i === 0 || Number.isNaN(v)) {
        best = v;
        slope = d;
      } else if (Number.isNaN(best)) {
        continue;
      } else if (isMax ? v > best : v < best) {
        best = v;
        slope = d;
      } else if (v === best) {
        // A tie: the left-hand derivative of max is the smaller slope, of min the larger.
        slope = isMax ? Math.min(slope, d) : Math.max(slope, d);
      }
    }
    s.d = slope;
    return best;
  };
}

function paramValue(params: Readonly<Record<string, number>>, name: string): number {
  const v = Object.hasOwn(params, name) ? params[name] : undefined;
  return v === undefined || !Number.isFinite(v) ? PARAM_DEFAULT : v;
}

/**
 * Compiles a parsed tree with fixed parameter values (missing or non-finite ones take
 * {@link PARAM_DEFAULT}). Recompile when a slider moves: compiling costs less than one curve.
 */
export function compileExpression(
  ast: ExprNode,
  params: Readonly<Record<string, number>> = {},
): CompiledExpression {
  const f = valueOf(ast, params);
  const slot: Slot = { d: 0 };
  const dual = dualOf(ast, params, slot);
  const df = (x: number): number => {
    dual(x);
    return slot.d;
  };
  return {
    f,
    df,
    fInto(xs, out) {
      const n = Math.min(xs.length, out.length);
      for (let i = 0; i < n; i++) out[i] = f(xs[i]!);
      return out;
    },
    dfInto(xs, out) {
      const n = Math.min(xs.length, out.length);
      for (let i = 0; i < n; i++) out[i] = df(xs[i]!);
      return out;
    },
  };
}
