/**
 * Parser of the expression language: text in, syntax tree or positioned error out. Never throws.
 *
 * Why a hand-written Pratt parser and not a library such as jsep or math.js:
 * - Safety by construction. The grammar below is the whole language; there is no `eval`, no
 *   `new Function`, no member access, no strings, no assignment to switch off. A general
 *   JavaScript-expression parser (jsep) accepts `a.b`, `a[b]`, `this`, strings and literals we
 *   would then have to reject node by node, and math.js is a 600 kB evaluator.
 * - Exact errors. Each rule knows what it expected, so a message can say "expected ')' to close
 *   the '(' at column 4" and point at the character, which the notebook cell shows with a caret.
 * - Maths precedence in ~200 lines: binding powers give `-x^2 = -(x^2)`, right-associative `^`
 *   (`2^3^2 = 2^9`), and `2^-x` without special cases.
 * - Bounded work: one pass over at most {@link MAX_LENGTH} characters, recursion capped at
 *   {@link MAX_DEPTH}, at most {@link MAX_NODES} nodes, so any input parses in microseconds.
 *
 * Grammar (binding powers in brackets):
 *   expr    := prefix (binop expr)*         + - [10]   * / [20]   unary - [30]   ^ [40, right]
 *   prefix  := number | 'x' | 'pi' | 'e' | param | name '(' expr (',' expr)* ')' | '-' expr | '(' expr ')'
 *   number  := digits ['.' digits] [('e'|'E') ['+'|'-'] digits]  |  '.' digits [exponent]
 *   name    := letter (letter | digit | '_')*
 */
import {
  MAX_DEPTH,
  MAX_LENGTH,
  MAX_NODES,
  MAX_PARAMS,
  type BinaryOp,
  type ExprNode,
  type ParseResult,
} from './ast.ts';
import { constants, isUnaryFunction, isVariadicFunction } from './functions.ts';

type Token =
  | { readonly kind: 'num'; readonly start: number; readonly end: number; readonly value: number }
  | { readonly kind: 'name'; readonly start: number; readonly end: number; readonly text: string }
  | {
      readonly kind: 'op' | '(' | ')' | ',' | 'end';
      readonly start: number;
      readonly end: number;
      readonly text: string;
    };

/** Thrown inside the parser only, caught by {@link parseExpression}; never escapes. */
class ParseFailure {
  readonly position: number;
  readonly message: string;
  constructor(position: number, message: string) {
    this.position = position;
    this.message = message;
  }
}

/** Stops the parse with the message `<what> at column N<after>` (columns count from 1). */
function fail(position: number, what: string, after = ''): never {
  throw new ParseFailure(position, `${what} at column ${position + 1}${after}`);
}

const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z][A-Za-z0-9_]*/y;

/** Splits the text into tokens; the last one is always `end`. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    NUMBER.lastIndex = i;
    NAME.lastIndex = i;
    const num = NUMBER.exec(text);
    if (num) {
      const value = Number(num[0]);
      if (!Number.isFinite(value)) fail(i, `number ${num[0]} is too large`);
      tokens.push({ kind: 'num', start: i, end: i + num[0].length, value });
      i += num[0].length;
      continue;
    }
    const name = NAME.exec(text);
    if (name) {
      tokens.push({ kind: 'name', start: i, end: i + name[0].length, text: name[0] });
      i += name[0].length;
      continue;
    }
    if ('+-*/^'.includes(c)) tokens.push({ kind: 'op', start: i, end: i + 1, text: c });
    else if (c === '(' || c === ')' || c === ',')
      tokens.push({ kind: c, start: i, end: i + 1, text: c });
    else fail(i, `unexpected character ${describeChar(c, text.codePointAt(i))}`);
    i++;
  }
  tokens.push({ kind: 'end', start: text.length, end: text.length, text: '' });
  return tokens;
}

function describeChar(c: string, code: number | undefined): string {
  return /^[\x21-\x7e]$/.test(c)
    ? `'${c}'`
    : `U+${(code ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function describeToken(t: Token): string {
  if (t.kind === 'end') return 'end of input';
  if (t.kind === 'num') return 'a number';
  if (t.kind === 'name') return `'${t.text}'`;
  return `'${t.text}'`;
}

const infixPower: Readonly<Record<BinaryOp, number>> = {
  '+': 10,
  '-': 10,
  '*': 20,
  '/': 20,
  '^': 40,
};
const UNARY_POWER = 30;

/** One parse: a cursor over the tokens plus counters; discarded afterwards. */
class Parser {
  #pos = 0;
  #depth = 0;
  #nodes = 0;
  readonly params: string[] = [];
  readonly tokens: readonly Token[];

  constructor(tokens: readonly Token[]) {
    this.tokens = tokens;
  }

  #peek(): Token {
    // tokenize() always ends with an `end` token and the cursor never passes it.
    return this.tokens[this.#pos] ?? this.tokens[this.tokens.length - 1]!;
  }

  #next(): Token {
    const t = this.#peek();
    if (t.kind !== 'end') this.#pos++;
    return t;
  }

  #count<N extends ExprNode>(node: N): N {
    if (++this.#nodes > MAX_NODES) fail(node.start, `expression has more than ${MAX_NODES} parts`);
    return node;
  }

  parseAll(): ExprNode {
    const first = this.#peek();
    if (first.kind === 'end') fail(0, 'expected an expression', '; try x * sigmoid(x)');
    const node = this.expr(0);
    const t = this.#peek();
    if (t.kind === 'end') return node;
    if (t.kind === ')') fail(t.start, "unmatched ')'");
    if (t.kind === ',') fail(t.start, "',' outside a function call");
    fail(
      t.start,
      `expected an operator (+ - * / ^) before ${describeToken(t)}`,
      '; write 2*x, not 2x',
    );
  }

  expr(minPower: number): ExprNode {
    const t0 = this.#peek();
    if (++this.#depth > MAX_DEPTH) fail(t0.start, `nested more than ${MAX_DEPTH} levels deep`);
    let left = this.#prefix();
    for (;;) {
      const t = this.#peek();
      if (t.kind !== 'op') break;
      const op = t.text as BinaryOp;
      const power = infixPower[op];
      if (power <= minPower) break;
      this.#next();
      // Right-associative ^: its right side may contain another ^ of the same power.
      const right = this.expr(op === '^' ? power - 1 : power);
      left = this.#count({ type: 'bin', op, left, right, start: left.start, end: right.end });
    }
    this.#depth--;
    return left;
  }

  #prefix(): ExprNode {
    const t = this.#next();
    switch (t.kind) {
      case 'num':
        return this.#count({ type: 'num', value: t.value, start: t.start, end: t.end });
      case 'name':
        return this.#name(t);
      case 'op': {
        if (t.text !== '-') break;
        const arg = this.expr(UNARY_POWER);
        return this.#count({ type: 'neg', arg, start: t.start, end: arg.end });
      }
      case '(': {
        const inner = this.expr(0);
        this.#expectClose(t.start);
        return inner;
      }
      default:
        break;
    }
    fail(t.start, "expected a number, x, a name or '('", `, found ${describeToken(t)}`);
  }

  #expectClose(openAt: number): number {
    const t = this.#next();
    if (t.kind === ')') return t.end;
    fail(
      t.start,
      "expected ')'",
      ` to close the '(' at column ${openAt + 1}, found ${describeToken(t)}`,
    );
  }

  /** `gelu-tanh(x)` reads as gelu minus tanh(x): suggest the underscore spelling of the id. */
  #hyphenHint(name: string): string {
    const minus = this.#peek();
    const next = this.tokens[this.#pos + 1];
    if (minus.kind !== 'op' || minus.text !== '-' || next?.kind !== 'name') return '';
    const joined = `${name}_${next.text}`;
    return isUnaryFunction(joined) ? `; write ${joined}, ids use _ instead of -` : '';
  }

  /** `hard-swish(x)` fails at swish: suggest `hard_swish` when the joined name exists. */
  #hyphenHintBefore(name: string): string {
    const minus = this.tokens[this.#pos - 2];
    const prev = this.tokens[this.#pos - 3];
    if (minus?.kind !== 'op' || minus.text !== '-' || prev?.kind !== 'name') return '';
    const joined = `${prev.text}_${name}`;
    return isUnaryFunction(joined) ? `; write ${joined}, ids use _ instead of -` : '';
  }

  #name(t: Token & { kind: 'name' }): ExprNode {
    const name = t.text;
    const callable = isUnaryFunction(name) || isVariadicFunction(name);
    if (this.#peek().kind === '(') {
      if (!callable) fail(t.start, `unknown function ${name}`, this.#hyphenHintBefore(name));
      const open = this.#next();
      const args = [this.expr(0)];
      while (this.#peek().kind === ',') {
        this.#next();
        args.push(this.expr(0));
      }
      const end = this.#expectClose(open.start);
      if (isVariadicFunction(name) ? args.length < 2 : args.length !== 1) {
        const want = isVariadicFunction(name) ? 'at least 2 arguments' : 'exactly 1 argument';
        fail(t.start, name, ` takes ${want}, not ${args.length}`);
      }
      return this.#count({ type: 'call', name, args, start: t.start, end });
    }
    if (callable) fail(t.end, `expected '(' after the function ${name}`, this.#hyphenHint(name));
    if (name === 'x') return this.#count({ type: 'x', start: t.start, end: t.end });
    if (Object.hasOwn(constants, name))
      return this.#count({ type: 'const', name: name as 'pi' | 'e', start: t.start, end: t.end });
    if (!this.params.includes(name)) {
      if (this.params.length >= MAX_PARAMS)
        fail(
          t.start,
          'too many parameters',
          `: ${name} would be parameter ${MAX_PARAMS + 1}, at most ${MAX_PARAMS} are allowed`,
        );
      this.params.push(name);
    }
    return this.#count({ type: 'param', name, start: t.start, end: t.end });
  }
}

/**
 * Parses an expression in x. Returns the tree and its parameters, or the first error with its
 * position. Never throws: any input, however malformed or hostile, gives one of the two.
 */
export function parseExpression(text: string): ParseResult {
  if (text.length > MAX_LENGTH) {
    return {
      ok: false,
      error: {
        position: MAX_LENGTH,
        message: `expression is longer than ${MAX_LENGTH} characters at column ${MAX_LENGTH + 1}`,
      },
    };
  }
  try {
    const parser = new Parser(tokenize(text));
    const ast = parser.parseAll();
    return { ok: true, source: text, ast, params: [...parser.params] };
  } catch (e) {
    if (e instanceof ParseFailure)
      return { ok: false, error: { position: e.position, message: e.message } };
    throw e;
  }
}
