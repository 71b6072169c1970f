/**
 * Syntax tree back to text: the source form (with the fewest parentheses that parse back to the
 * same tree) and TeX for KaTeX. Pure; used by the notebook cell and by the fuzz tests, which
 * print random trees and parse them again.
 */
import type { BinaryOp, ExprNode } from './ast.ts';
import { unaryFunctions } from './functions.ts';

const opPower: Readonly<Record<BinaryOp, number>> = { '+': 10, '-': 10, '*': 20, '/': 20, '^': 40 };
const NEG_POWER = 30;
const ATOM_POWER = 100;

/** How tightly a node binds, in the parser's binding powers. */
function powerOf(node: ExprNode): number {
  if (node.type === 'bin') return opPower[node.op];
  if (node.type === 'neg') return NEG_POWER;
  return ATOM_POWER;
}

/**
 * Whether `child` needs parentheses as the `side` operand of `op`. Left-associative operators
 * need them on the right at equal power (a - (b - c)); the right-associative ^ on the left
 * ((a ^ b) ^ c), and around a negated base ((-a) ^ b), which would otherwise read -(a ^ b).
 */
function needsParens(child: ExprNode, op: BinaryOp | 'neg', side: 'left' | 'right'): boolean {
  const c = powerOf(child);
  if (op === 'neg') return c < NEG_POWER;
  const p = opPower[op];
  if (op === '^') return side === 'left' ? c <= p : c < NEG_POWER;
  return side === 'left' ? c < p : c <= p;
}

/** The tree as parseable source text. */
export function printExpression(node: ExprNode): string {
  const wrap = (child: ExprNode, op: BinaryOp | 'neg', side: 'left' | 'right'): string => {
    const text = printExpression(child);
    return needsParens(child, op, side) ? `(${text})` : text;
  };
  switch (node.type) {
    case 'num':
      return String(node.value);
    case 'x':
      return 'x';
    case 'const':
    case 'param':
      return node.name;
    case 'neg':
      return `-${wrap(node.arg, 'neg', 'right')}`;
    case 'bin': {
      const sep = node.op === '^' ? '^' : ` ${node.op} `;
      return `${wrap(node.left, node.op, 'left')}${sep}${wrap(node.right, node.op, 'right')}`;
    }
    case 'call':
      return `${node.name}(${node.args.map(printExpression).join(', ')})`;
  }
}

const greek = new Set([
  'alpha',
  'beta',
  'gamma',
  'delta',
  'epsilon',
  'zeta',
  'eta',
  'theta',
  'kappa',
  'lambda',
  'mu',
  'nu',
  'xi',
  'rho',
  'sigma',
  'tau',
  'phi',
  'chi',
  'psi',
  'omega',
]);

function texName(name: string): string {
  if (greek.has(name)) return `\\${name}`;
  if (name.length === 1) return name;
  return `\\mathit{${name.replaceAll('_', '\\_')}}`;
}

function texNumber(v: number): string {
  const s = String(v);
  const m = /^([\d.]+)e([+-])(\d+)$/.exec(s);
  if (!m) return s;
  return `${m[1] === '1' ? '' : `${m[1]} \\times `}10^{${m[2] === '-' ? '-' : ''}${m[3]}}`;
}

const paren = (tex: string): string => `\\left(${tex}\\right)`;

/** The tree as TeX (the right-hand side of `f(x) =`). */
export function expressionToTex(node: ExprNode): string {
  const wrap = (child: ExprNode, op: BinaryOp | 'neg', side: 'left' | 'right'): string => {
    const tex = expressionToTex(child);
    return needsParens(child, op, side) ? paren(tex) : tex;
  };
  switch (node.type) {
    case 'num':
      return texNumber(node.value);
    case 'x':
      return 'x';
    case 'const':
      return node.name === 'pi' ? '\\pi' : 'e';
    case 'param':
      return texName(node.name);
    case 'neg':
      return `-${wrap(node.arg, 'neg', 'right')}`;
    case 'bin':
      switch (node.op) {
        case '/':
          return `\\frac{${expressionToTex(node.left)}}{${expressionToTex(node.right)}}`;
        case '^':
          return `{${wrap(node.left, '^', 'left')}}^{${expressionToTex(node.right)}}`;
        case '*':
          return `${wrap(node.left, '*', 'left')} \\cdot ${wrap(node.right, '*', 'right')}`;
        default:
          return `${wrap(node.left, node.op, 'left')} ${node.op} ${wrap(node.right, node.op, 'right')}`;
      }
    case 'call': {
      const args = node.args.map(expressionToTex);
      if (node.name === 'sqrt') return `\\sqrt{${args[0] ?? ''}}`;
      if (node.name === 'abs') return `\\left|${args[0] ?? ''}\\right|`;
      if (node.name === 'min' || node.name === 'max')
        return `\\${node.name}${paren(args.join(', '))}`;
      const tex = Object.hasOwn(unaryFunctions, node.name)
        ? unaryFunctions[node.name]?.tex
        : undefined;
      return `${tex ?? `\\operatorname{${node.name}}`}${paren(args.join(', '))}`;
    }
  }
}
