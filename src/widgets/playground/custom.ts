/**
 * The playground's custom activation: the reader's expression (`expr`, with parameter values in
 * `exprp`) compiled into the f/df pair the engine trains with. Its own module because it pulls in
 * the expression compiler: the worker imports it, while a page loads it only for a custom run.
 */
import type { ActivationId } from '../../lib/activations/types.ts';
import { compileSource } from '../../lib/expr/index.ts';
import { decodeParams } from '../../lib/expr/params.ts';
import type { CustomActivation, MlpSpec } from '../../lib/nn/index.ts';
import { FALLBACK_ACTIVATION, registrySpecOf, type Config } from './config.ts';

/** The compiled custom activation of a config, or undefined (not custom, or not parseable). */
export function customActivationOf(c: Config): CustomActivation | undefined {
  if (c.act !== 'custom') return undefined;
  const r = compileSource(c.expr, decodeParams(c.exprp));
  if (!r.ok) return undefined;
  const { f, df, fInto, dfInto } = r.compiled;
  return { label: c.expr, f, df, fInto, dfInto };
}

/** The network spec for a config, with its compiled custom activation when it has one. */
export function specOf(c: Config): MlpSpec {
  const custom = customActivationOf(c);
  return custom ? { ...registrySpecOf(c), customActivation: custom } : registrySpecOf(c);
}

/** The hidden layers' function: a registry id, or the compiled custom activation. */
export function hiddenActivationOf(c: Config): ActivationId | CustomActivation {
  const custom = customActivationOf(c);
  return custom ?? (c.act === 'custom' ? FALLBACK_ACTIVATION : c.act);
}

/**
 * A config whose custom activation is usable: an expression that does not parse falls back to
 * {@link FALLBACK_ACTIVATION}, with a sentence for the on-screen notice (the text stays in `expr`,
 * so nothing the reader typed is lost).
 */
export function checkCustom(c: Config, namespace: string): { config: Config; notices: string[] } {
  if (c.act !== 'custom') return { config: c, notices: [] };
  const r = compileSource(c.expr);
  if (r.ok) return { config: c, notices: [] };
  const why =
    c.expr === '' ? `${namespace}.expr is empty` : `${namespace}.expr: ${r.error.message}`;
  return {
    config: { ...c, act: FALLBACK_ACTIVATION },
    notices: [`Could not use the custom activation (${why}); using ${FALLBACK_ACTIVATION}.`],
  };
}
