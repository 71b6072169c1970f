/**
 * The page side of custom activations. custom.ts brings the expression compiler (~10 KB), so a
 * page loads it only once a run is custom: from the URL or preset (preloaded with the element's
 * modules when the settings the URL gives are custom), the activation picker, or a loaded network
 * file. The compiled function of the last expression is kept, so a change of other settings does
 * not compile it again.
 */
import type { Config } from './config.ts';
import type { LayerFunction } from './model.ts';

type CustomModule = typeof import('./custom.ts');

export class CustomLoader {
  #module: CustomModule | undefined;
  /** The last expression compiled for the views, and its function. */
  #last: { readonly key: string; readonly fn: LayerFunction } | undefined;

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
    if (c.act !== 'custom') return c.act;
    if (!this.#module) return fallback;
    const key = `${c.expr}\u0000${c.exprp}`;
    if (this.#last?.key !== key) this.#last = { key, fn: this.#module.hiddenActivationOf(c) };
    return this.#last.fn;
  }
}
