/**
 * URL state as a typed table: each widget declares its parameters once (kind, default, bounds),
 * and `parseParams` / `serializeParams` turn a query string into typed values and back.
 *
 * Values that come as a record instead (a widget's controls, settings saved in a file) go through
 * `parseRecord`, the same checks and notices without a query string in between. Besides enums,
 * numbers and patterned text, a table can declare comma lists (`shape=6,4,2`) and sets of ids
 * (`feat=x1,x2`), whose value stays one canonical string.
 *
 * All are pure: they read and return strings and never touch `location` or `history`
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
import { listInWords } from './words.ts';

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

/**
 * A comma-separated list (`shape=6,4,2`, `feat=x1,x2,x1sq`): each item one of fixed strings or a
 * whole number in a range. The value stays its text, in its one written form, so it travels
 * through URLs, controls and files unchanged; an empty value means "none given", as for text.
 */
export interface ListParam {
  /** Discriminant. */
  readonly kind: 'list';
  /** What one item may be: one of `values`, or a whole number from `min` to `max`. */
  readonly item:
    { readonly values: readonly string[] } | { readonly min: number; readonly max: number };
  /** Fewest items of a non-empty value. */
  readonly minItems: number;
  /** Most items (after a set's repeats are dropped). */
  readonly maxItems: number;
  /** Longest accepted value, in characters, checked before the value is split. */
  readonly maxLength: number;
  /**
   * A set (needs `values` items): each value counts once and the list is written in the order of
   * `values`; a value written otherwise is rewritten to that form, with a notice.
   */
  readonly set?: boolean;
  /** Value when absent or invalid. */
  readonly default: string;
}

/** A parameter declaration. */
export type UrlParamSpec = EnumParam | NumberParam | TextParam | ListParam;

/** A table of parameter declarations keyed by the short name used in the URL. */
export type ParamTable = Readonly<Record<string, UrlParamSpec>>;

/** The typed values a table describes. */
export type ParamValues<T extends ParamTable> = {
  -readonly [K in keyof T]: T[K] extends EnumParam<infer V>
    ? V
    : T[K] extends TextParam | ListParam
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

type Checked = { ok: true; value: string | number; note?: string } | { ok: false; why: string };

/** Checks a list value: every item allowed, the count within bounds, a set in its written form. */
function parseList(spec: ListParam, raw: string): Checked {
  if (raw.length > spec.maxLength)
    return { ok: false, why: `is longer than ${spec.maxLength} characters` };
  if (raw === '') return { ok: true, value: raw };
  const items = raw.split(',');
  const { item } = spec;
  for (const one of items) {
    if ('values' in item) {
      if (!item.values.includes(one))
        return {
          ok: false,
          why: `has ${one === '' ? 'an empty item' : one}, which is not one of ${item.values.join(', ')}`,
        };
    } else if (!/^(?:0|[1-9]\d*)$/.test(one) || Number(one) < item.min || Number(one) > item.max) {
      return {
        ok: false,
        why: `has ${one === '' ? 'an empty item' : one}, which is not a whole number from ${item.min} to ${item.max}`,
      };
    }
  }
  const written =
    spec.set && 'values' in item ? item.values.filter((v) => items.includes(v)) : items;
  if (written.length < spec.minItems || written.length > spec.maxItems)
    return {
      ok: false,
      why: `has ${written.length} item${written.length === 1 ? '' : 's'}, not ${spec.minItems} to ${spec.maxItems}`,
    };
  const canonical = written.join(',');
  return canonical === raw
    ? { ok: true, value: raw }
    : {
        ok: true,
        value: canonical,
        note: `written as ${canonical}${spec.set ? ' (each once, in order)' : ''}`,
      };
}

/**
 * Checks one raw value against its spec; returns the typed value or an error sentence. A number
 * (from a saved file) is checked as the number it is for a number parameter, and as its text
 * otherwise, so a file and a URL that say the same thing are read the same way.
 */
function parseOne(spec: UrlParamSpec, given: string | number): Checked {
  if (typeof given === 'number' && spec.kind === 'number') {
    if (!Number.isFinite(given)) return { ok: false, why: 'is not finite' };
    return checkNumber(spec, given);
  }
  const raw = String(given);
  if (spec.kind === 'enum') {
    return spec.values.includes(raw)
      ? { ok: true, value: raw }
      : { ok: false, why: `is not one of ${spec.values.join(', ')}` };
  }
  if (spec.kind === 'list') return parseList(spec, raw);
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
  return checkNumber(spec, value);
}

/** The range and integer checks of a finite number. */
function checkNumber(spec: NumberParam, value: number): Checked {
  if (spec.integer && !Number.isInteger(value)) return { ok: false, why: 'is not a whole number' };
  if (value < spec.min || value > spec.max)
    return { ok: false, why: `is outside ${spec.min}…${spec.max}` };
  return { ok: true, value };
}

/** A value as a notice quotes it: short, and `none` for an empty one. */
function shown(v: string | number): string {
  return v === '' ? 'none' : String(v).length > 40 ? `${String(v).slice(0, 40)}…` : String(v);
}

/**
 * Checks one named value and stores it (or keeps the default), adding any notice; `name` is what
 * the notices call the parameter.
 */
function readInto(
  spec: UrlParamSpec,
  key: string,
  name: string,
  given: string | number,
  values: Record<string, string | number>,
  notices: UrlNotice[],
): void {
  const result = parseOne(spec, given);
  const raw = String(given);
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

/**
 * The namespace a figure's settings live under, from its element's data attributes: the one its
 * markup names (`data-namespace`: the playground's presets, the Conclusion's cell), else its
 * figure id. The one rule for the figure itself, the page's check of a link and the link test.
 */
export function figureNamespace(data: {
  readonly namespace?: string | undefined;
  readonly figureId?: string | undefined;
}): string | undefined {
  return data.namespace ?? data.figureId;
}

/** A figure setting's name in a query: `namespace.key` (`train.lr`, `relu-explorer.range`). */
const settingName = /^([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]+$/;

/**
 * The names in `search` that are figure settings (`namespace.key`) of no namespace in
 * `namespaces`: what a link addressed to a figure the page does not have. Each figure reports
 * unknown names of its own namespace (see {@link parseParams}) but cannot see these, so without
 * this check such a link would land on the plain page in silence. Each name once, in query order.
 */
export function unclaimedSettings(search: string, namespaces: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  for (const name of new URLSearchParams(search).keys()) {
    const ns = settingName.exec(name)?.[1];
    if (ns !== undefined && !namespaces.has(ns)) out.add(name);
  }
  return [...out];
}

/** What a page says of {@link unclaimedSettings}: the first three by name, then how many more. */
export function unclaimedSettingsNotice(names: readonly string[]): string {
  const shown = names.length > 4 ? [...names.slice(0, 3), `${names.length - 3} more`] : names;
  const what = names.length > 1 ? 'settings' : 'a setting';
  return `Ignored ${listInWords(shown)}: this link names ${what} for no figure on this page.`;
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
    readInto(spec, key, name, raw, values, notices);
  }
  return { values: values as ParamValues<T>, notices };
}

/**
 * Checks values that come as a record rather than a query string (a widget's controls, the
 * settings saved in a file), with exactly the checks and notices of {@link parseParams}: each
 * value given replaces its default when valid, unknown names are reported. Notices name a
 * parameter `namespace.key`, or `key` alone when `namespace` is empty. `given` lists the keys
 * the record held that the table knows, so a caller can apply only what was given.
 */
export function parseRecord<T extends ParamTable>(
  table: T,
  record: Readonly<Record<string, string | number>>,
  namespace = '',
): ParsedParams<T> & { readonly given: readonly (keyof T & string)[] } {
  const values = defaultValues(table) as Record<string, string | number>;
  const notices: UrlNotice[] = [];
  const given: (keyof T & string)[] = [];
  for (const [key, raw] of Object.entries(record)) {
    const name = namespace === '' ? key : `${namespace}.${key}`;
    const spec = Object.hasOwn(table, key) ? table[key] : undefined;
    if (!spec) {
      notices.push({
        param: name,
        value: String(raw),
        message: `Ignored unknown setting ${name}.`,
      });
      continue;
    }
    given.push(key);
    readInto(spec, key, name, raw, values, notices);
  }
  return { values: values as ParamValues<T>, notices, given };
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
