/**
 * The expression language's syntax tree and error type. Pure types and limits: no runtime state.
 *
 * Every node keeps the span of text it came from (`start` inclusive, `end` exclusive, as string
 * indices), so a later stage can point at the exact characters it objects to.
 */

/** Longest accepted expression, in characters (also the URL parameter's maxLength). */
export const MAX_LENGTH = 200;
/** Deepest nesting of parentheses, calls, unary minus and powers the parser accepts. */
export const MAX_DEPTH = 32;
/** Most nodes in one tree: a second bound on work, independent of the text length. */
export const MAX_NODES = 256;
/** Most distinct named parameters (each one gets a slider). */
export const MAX_PARAMS = 4;

/** A binary operator. */
export type BinaryOp = '+' | '-' | '*' | '/' | '^';

interface Span {
  /** Index of the node's first character in the source. */
  readonly start: number;
  /** Index one past the node's last character. */
  readonly end: number;
}

/** A numeric literal such as `2`, `0.5` or `1e-3`. */
export interface NumNode extends Span {
  readonly type: 'num';
  /** The literal's value (finite: an overflowing literal is a parse error). */
  readonly value: number;
}

/** The variable `x`. */
export interface VarNode extends Span {
  readonly type: 'x';
}

/** A named constant. */
export interface ConstNode extends Span {
  readonly type: 'const';
  readonly name: 'pi' | 'e';
}

/** A named parameter (any identifier that is not x, a constant or a function), given a slider. */
export interface ParamNode extends Span {
  readonly type: 'param';
  readonly name: string;
}

/** Unary minus. */
export interface NegNode extends Span {
  readonly type: 'neg';
  readonly arg: ExprNode;
}

/** A binary operation. */
export interface BinaryNode extends Span {
  readonly type: 'bin';
  readonly op: BinaryOp;
  readonly left: ExprNode;
  readonly right: ExprNode;
}

/** A call of a whitelisted function (the name is checked by the parser). */
export interface CallNode extends Span {
  readonly type: 'call';
  /** The function's name as written, e.g. `log1p` or `gelu_tanh`. */
  readonly name: string;
  readonly args: readonly ExprNode[];
}

/** Any node. */
export type ExprNode = NumNode | VarNode | ConstNode | ParamNode | NegNode | BinaryNode | CallNode;

/** Why an expression was rejected, and where. */
export interface ExprError {
  /** Index (0-based) of the character the error points at; the text length for "end of input". */
  readonly position: number;
  /** A sentence saying what was expected or what is wrong, ending with its column (1-based). */
  readonly message: string;
}

/** A successfully parsed expression. */
export interface ParsedExpression {
  readonly ok: true;
  /** The source text. */
  readonly source: string;
  /** Its tree. */
  readonly ast: ExprNode;
  /** Named parameters in order of first appearance. */
  readonly params: readonly string[];
}

/** A rejected expression. */
export interface FailedExpression {
  readonly ok: false;
  readonly error: ExprError;
}

/** What {@link parseExpression} returns: never throws. */
export type ParseResult = ParsedExpression | FailedExpression;
