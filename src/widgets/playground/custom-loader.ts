/**
 * The page side of custom activations. custom.ts brings the expression compiler (~10 KB), so a
 * page loads it only once a run is custom: from the URL or preset (preloaded with the element's
 * modules), the activation picker, or a loaded network file.
 */
import type { Config } from './config.ts';
import type { LayerFunction } from './model.ts';

type CustomModule = typeof import('./custom.ts');

/** Whether a playground must start with the compiler: its preset or its URL asks for `custom`. */
export function startsCustom(base: Config, query: string, namespace: string): boolean {
  return base.act === 'custom' || new URLSearchParams(query).get(`${namespace}.act`) === 'custom';
}

export class CustomLoader {
  #module: CustomModule | undefined;

  constructor(preloaded: CustomModule | undefined) {
    this.#module = preloaded;
  }

  /** If `c` needs the compiler and it is missing, loads it, calls `next` and returns true. */
  missingFor(c: Config, next: () => void): boolean {
    if (c.act !== 'custom' || this.#module) return false;
    void import('./custom.ts').then((m) => ((this.#module = m), next()));
    return true;
  }

  /** `c` with an unusable expression replaced by the fallback, and the notice saying so. */
  check(c: Config, namespace: string): { config: Config; notices: string[] } {
    return this.#module?.checkCustom(c, namespace) ?? { config: c, notices: [] };
  }

  /** The hidden layers' function of `c` (the compiled expression for a custom run). */
  hidden(c: Config, fallback: LayerFunction): LayerFunction {
    return this.#module?.hiddenActivationOf(c) ?? (c.act === 'custom' ? fallback : c.act);
  }
}
