/**
 * Named parameters of an expression in URLs: `a:0.5,beta:2` as one text parameter, because the
 * URL table (src/lib/url-state.ts) is fixed while an expression's parameter names are not.
 * Pure: the notebook cell and the playground both read and write this form.
 */
import { MAX_PARAMS } from './ast.ts';

/** Range and step of a parameter slider. */
export const paramSlider = { min: -5, max: 5, step: 0.05 } as const;

/** Longest parameter string accepted from a URL. */
export const paramsMaxLength = 120;

/** A permissive shape for the URL table; {@link decodeParams} checks each entry. */
export const paramsPattern = /^[A-Za-z0-9_:.,+-]*$/;

const ENTRY = /^([A-Za-z][A-Za-z0-9_]*):([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)$/i;

/**
 * Reads `name:value,…`. Entries that are malformed or out of the slider's range are dropped (the
 * parameter then takes its default), as are repeats and anything past {@link MAX_PARAMS}.
 */
export function decodeParams(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  let count = 0;
  for (const entry of text.split(',')) {
    const m = ENTRY.exec(entry);
    if (!m || count >= MAX_PARAMS) continue;
    const name = m[1] ?? '';
    const value = Number(m[2]);
    if (Object.hasOwn(out, name) || !Number.isFinite(value)) continue;
    if (value < paramSlider.min || value > paramSlider.max) continue;
    out[name] = value;
    count++;
  }
  return out;
}

/** Writes the values of `names` (in that order) as `name:value,…`; names without a value are left out. */
export function encodeParams(
  names: readonly string[],
  values: Readonly<Record<string, number>>,
): string {
  return names
    .filter((n) => Object.hasOwn(values, n) && Number.isFinite(values[n]))
    .map((n) => `${n}:${String(values[n])}`)
    .join(',');
}
