/**
 * The only host APIs `src/lib` may use, declared for its own type-check (src/lib/tsconfig.json
 * compiles it with the ECMAScript library alone, no DOM and no Node types): a clock and the
 * WHATWG query-string parser, which browsers, workers and Node all provide. Anything else a lib
 * module reached for (document, window, fs) would fail that check. The site's own tsconfig has
 * the full DOM types and leaves this file out.
 */
declare const performance: { now(): number };

declare class URLSearchParams {
  constructor(init?: string);
  keys(): IterableIterator<string>;
  delete(name: string): void;
  set(name: string, value: string): void;
  toString(): string;
  [Symbol.iterator](): IterableIterator<[string, string]>;
}
