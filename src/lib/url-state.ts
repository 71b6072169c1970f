/**
 * URL state as a typed table: each widget declares its parameters once (kind, default, bounds),
 * and `parseParams` / `serializeParams` turn a query string into typed values and back.
 *
 * Both functions are pure: they read and return strings and never touch `location` or `history`
 * (that is `src/widgets/shared/url-sync.ts`, the one module allowed to). Parameters are namespaced
 * (`train.lr`), so two widgets on one page keep separate state in one query string. A value that
 * is missing takes its default silently; a value that is present but invalid also takes its
 * default and is reported as a {@link UrlNotice}, because a reader who pasted a link deserves to
 * know why the run differs from what the link says.
 *
 * A name given twice (`?train.layers=0&train.layers=100`) follows one rule everywhere: the first
 * occurrence is read, as `URLSearchParams.get` does, and every later one is reported as ignored,
 * naming the value in use. Writing (`serializeParams`) leaves each name once.
 */

/** One choice among fixed strings (an activation id, an optimiser...). */
export interface EnumParam<T extends string = string> {
  /** Discriminant. */
  readonly kind: 'enum';
  /** Allowed values, in the order a picker shows them. */
  readonly values: readonly T[];
  /** Value when absent or invalid. */
  readonly default: T;
}

/** A finite number in a closed interval, optionally an integer. */
export interface NumberParam {
  /** Discriminant. */
  readonly kind: 'number';
  /** Smallest allowed value. */
  readonly min: number;
  /** Largest allowed value. */
  readonly max: number;
  /** Whether only integers are allowed. */
  readonly integer?: boolean;
  /** Value when absent or invalid. */
  readonly default: number;
}

/** Free text that must match a pattern (e.g. a list of points), up to a length. */
export interface TextParam {
  /** Discriminant. */
  readonly kind: 'text';
  /** The whole value must match (anchor it with ^ and $). */
  readonly pattern: RegExp;
  /** Longest accepted value, in characters: a URL is no place for an unbounded payload. */
  readonly maxLength: number;
  /** Value when absent or invalid. */
  readonly default: string;
  /**
   * Optional clean-up of a value that matched the pattern but goes beyond what the widget uses
   * (points outside the plotted square, more points than it keeps): returns the value to use and,
   * when it differs, a sentence saying what was changed, which becomes a notice.
   */
  readonly normalize?: (value: string) => { readonly value: string; readonly note?: string };
}

/** A parameter declaration. */
export type UrlParamSpec = EnumParam | NumberParam | TextParam;

/** A table of parameter declarations keyed by the short name used in the URL. */
export type ParamTable = Readonly<Record<string, UrlParamSpec>>;

/** The typed values a table describes. */
export type ParamValues<T extends ParamTable> = {
  -readonly [K in keyof T]: T[K] extends EnumParam<infer V>
    ? V
    : T[K] extends TextParam
      ? string
      : number;
};

/** A value from the URL that could not be used. */
export interface UrlNotice {
  /** Full, namespaced parameter name, e.g. `train.lr`. */
  readonly param: string;
  /** The raw value found in the URL. */
  readonly value: string;
  /** Human sentence for the on-screen notice. */
  readonly message: string;
}

/** The outcome of {@link parseParams}. */
export interface ParsedParams<T extends ParamTable> {
  /** Every parameter, from the URL when valid, else its default. */
  readonly values: ParamValues<T>;
  /** One entry per rejected value (unknown names in the namespace included). */
  readonly notices: readonly UrlNotice[];
}

/** The defaults of a table. */
export function defaultValues<T extends ParamTable>(table: T): ParamValues<T> {
  const out: Record<string, string | number> = {};
  for (const [key, spec] of Object.entries(table)) out[key] = spec.default;
  return out as ParamValues<T>;
}

/** Checks one raw value against its spec; returns the typed value or an error sentence. */
function parseOne(
  spec: UrlParamSpec,
  raw: string,
): { ok: true; value: string | number; note?: string } | { ok: false; why: string } {
  if (spec.kind === 'enum') {
    return spec.values.includes(raw)
      ? { ok: true, value: raw }
      : { ok: false, why: `is not one of ${spec.values.join(', ')}` };
  }
  if (spec.kind === 'text') {
    if (raw.length > spec.maxLength)
      return { ok: false, why: `is longer than ${spec.maxLength} characters` };
    if (raw !== '' && !spec.pattern.test(raw))
      return { ok: false, why: 'is not in the expected form' };
    const normal = raw === '' || !spec.normalize ? { value: raw } : spec.normalize(raw);
    return normal.note === undefined
      ? { ok: true, value: normal.value }
      : { ok: true, value: normal.value, note: normal.note };
  }
  // Number('') is 0 and Number(' 1') is 1: require a plain decimal literal so junk is not accepted.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(raw))
    return { ok: false, why: 'is not a number' };
  const value = Number(raw);
  if (!Number.isFinite(value)) return { ok: false, why: 'is not finite' };
  if (spec.integer && !Number.isInteger(value)) return { ok: false, why: 'is not a whole number' };
  if (value < spec.min || value > spec.max)
    return { ok: false, why: `is outside ${spec.min}…${spec.max}` };
  return { ok: true, value };
}

/**
 * Reads the parameters of `namespace` from a query string (`?a.b=1&…` or `a.b=1&…`).
 * Parameters of other namespaces are ignored; unknown names inside this namespace are reported.
 */
export function parseParams<T extends ParamTable>(
  table: T,
  search: string,
  namespace: string,
): ParsedParams<T> {
  const values = defaultValues(table) as Record<string, string | number>;
  const notices: UrlNotice[] = [];
  const prefix = `${namespace}.`;
  const seen = new Set<string>();
  const shown = (v: string | number): string =>
    v === '' ? 'none' : String(v).length > 40 ? `${String(v).slice(0, 40)}…` : String(v);
  for (const [name, raw] of new URLSearchParams(search)) {
    if (!name.startsWith(prefix)) continue;
    const key = name.slice(prefix.length);
    const spec = Object.hasOwn(table, key) ? table[key] : undefined;
    if (!spec) {
      notices.push({ param: name, value: raw, message: `Ignored unknown setting ${name}.` });
      continue;
    }
    // The first occurrence decides, valid or not; `values[key]` is then what is in use.
    if (seen.has(key)) {
      notices.push({
        param: name,
        value: raw,
        message: `Ignored ${name}=${shown(raw)}: ${name} is given more than once and only the first is read; using ${shown(values[key] ?? spec.default)}.`,
      });
      continue;
    }
    seen.add(key);
    const result = parseOne(spec, raw);
    if (result.ok) {
      values[key] = result.value;
      if (result.note !== undefined)
        notices.push({ param: name, value: raw, message: `Adjusted ${name}: ${result.note}.` });
    } else {
      notices.push({
        param: name,
        value: raw,
        message: `Ignored ${name}=${shown(raw)}: it ${result.why}; using ${shown(spec.default)}.`,
      });
    }
  }
  return { values: values as ParamValues<T>, notices };
}

/**
 * Writes the parameters of `namespace` into a query string, keeping every other parameter of
 * `search` as it was. Values equal to their default are left out, so URLs stay short; the
 * result has no leading `?` and is empty when nothing remains.
 */
export function serializeParams<T extends ParamTable>(
  table: T,
  values: ParamValues<T>,
  namespace: string,
  search = '',
): string {
  const params = new URLSearchParams(search);
  const prefix = `${namespace}.`;
  for (const name of [...params.keys()]) if (name.startsWith(prefix)) params.delete(name);
  for (const [key, spec] of Object.entries(table)) {
    const value = (values as Record<string, string | number>)[key];
    if (value === undefined || value === spec.default) continue;
    params.set(`${prefix}${key}`, String(value));
  }
  return params.toString();
}
