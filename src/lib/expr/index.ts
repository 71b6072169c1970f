/**
 * The expression language of the notebook cell: a safe, tiny language in `x` for the reader's own
 * activation. `parseExpression` (parser.ts) turns text into a tree or a positioned error and never
 * throws; `compileExpression` (compile.ts) turns a tree into f and f' (forward-mode automatic
 * differentiation) in the engine's activation shape. Pure: no DOM, runs in a Worker and in Node.
 */
import type { ExprError } from './ast.ts';
import { compileExpression, type CompiledExpression } from './compile.ts';
import { parseExpression } from './parser.ts';

export * from './ast.ts';
export { compileExpression, PARAM_DEFAULT, type CompiledExpression } from './compile.ts';
export { functionNames } from './functions.ts';
export { parseExpression } from './parser.ts';
export { expressionToTex, printExpression } from './print.ts';
export {
  decodeParams,
  encodeParams,
  paramSlider,
  paramsMaxLength,
  paramsPattern,
} from './params.ts';

/** A compiled source text with its parameter names, or the parse error. */
export type CompileResult =
  | { readonly ok: true; readonly compiled: CompiledExpression; readonly params: readonly string[] }
  | { readonly ok: false; readonly error: ExprError };

/** Parses and compiles in one step (the worker's path: text and parameter values in, f and f' out). */
export function compileSource(
  text: string,
  params: Readonly<Record<string, number>> = {},
): CompileResult {
  const parsed = parseExpression(text);
  if (!parsed.ok) return parsed;
  return { ok: true, compiled: compileExpression(parsed.ast, params), params: parsed.params };
}
