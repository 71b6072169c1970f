/**
 * How a widget's state travels in the URL: each widget's model declares a {@link UrlCodec} (its
 * parameter table plus the two conversions), and these pure helpers apply it. Nothing here touches
 * `location` or `history` (that is `url-sync.ts`), so the codecs are unit-tested in Node.
 *
 * The table's defaults are the instance's build-time state, not global constants: two explorers
 * of different functions on one page each store only what the reader changed, and a URL without
 * the namespace reproduces the figure as the lesson printed it.
 */
import {
  parseParams,
  parseRecord,
  serializeParams,
  type ParamTable,
  type ParamValues,
  type UrlNotice,
} from '../../lib/url-state.ts';

/** Typed values of some table (enum and text values are strings, number values numbers). */
export type UrlValues = Readonly<Record<string, string | number>>;

/**
 * One widget's URL binding. Methods (not function properties) on purpose: codecs of different
 * state types then fit one `UrlCodec<S>` slot of the shared base class.
 */
export interface UrlCodec<S> {
  /** The parameter table of the instance whose build-time state is `initial`. */
  table(initial: S): ParamTable;
  /** The values of a state, keyed like the table. */
  encode(state: S): UrlValues;
  /** The state for values the table has already validated (defaults filled in). */
  decode(values: UrlValues, initial: S): S;
}

/** A state read from a query string, and what had to be ignored. */
export interface RestoredState<S> {
  /** The state the URL describes, defaults where it said nothing usable. */
  readonly state: S;
  /** One entry per rejected or unknown parameter of the namespace. */
  readonly notices: readonly UrlNotice[];
}

/** Reads one widget's state from a query string; never throws. */
export function stateFromQuery<S>(
  codec: UrlCodec<S>,
  initial: S,
  query: string,
  namespace: string,
): RestoredState<S> {
  const parsed = parseParams(codec.table(initial), query, namespace);
  return { state: codec.decode(parsed.values as UrlValues, initial), notices: parsed.notices };
}

/**
 * Applies values that come as a record (a figure's controls, settings saved in a file) to
 * `current`, with the table's checks and notices: only the keys the record holds change, an
 * invalid one takes its default (the instance's `initial` value) and is reported, unknown names are
 * reported. Notices name `namespace.key`, or the bare key when `namespace` is empty. Never throws.
 */
export function stateFromRecord<S>(
  codec: UrlCodec<S>,
  initial: S,
  current: S,
  record: Readonly<Record<string, string | number>>,
  namespace: string,
): RestoredState<S> {
  const parsed = parseRecord(codec.table(initial), record, namespace);
  const values: Record<string, string | number> = { ...codec.encode(current) };
  for (const key of parsed.given) values[key] = parsed.values[key] as string | number;
  return { state: codec.decode(values, initial), notices: parsed.notices };
}

/** `query` with this widget's parameters replaced by those of `state` (others kept). */
export function queryWithState<S>(
  codec: UrlCodec<S>,
  initial: S,
  state: S,
  namespace: string,
  query = '',
): string {
  return serializeParams(
    codec.table(initial),
    codec.encode(state) as ParamValues<ParamTable>,
    namespace,
    query,
  );
}

/**
 * Only the parameters of one namespace, so a shared link carries one figure's state and no other;
 * of a name given twice only the first occurrence, the one `parseParams` reads.
 */
export function namespaceOnly(query: string, namespace: string): string {
  const prefix = `${namespace}.`;
  const out = new URLSearchParams();
  for (const [name, value] of new URLSearchParams(query))
    if (name.startsWith(prefix) && !out.has(name)) out.append(name, value);
  return out.toString();
}

/**
 * A number value of a decoded table. Adding 0 turns -0 into 0: `?x=-0` is a valid number, but a
 * state holding -0 would serialize as "0" and no longer equal itself after a round trip.
 */
export function numberOf(values: UrlValues, key: string): number {
  return Number(values[key]) + 0;
}

/** Escapes a literal for use inside a RegExp. */
function escapeRegExp(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&');
}

/** A pattern for a comma-separated list drawn from `values` (each value whole, no blanks). */
export function listPattern(values: readonly string[]): RegExp {
  const one = `(?:${values.map(escapeRegExp).join('|')})`;
  return new RegExp(`^${one}(?:,${one})*$`);
}

/** The numbers a picker offers as enum strings, with the instance's own value added if missing. */
export function numberChoices(levels: readonly number[], current: number): string[] {
  const all = levels.includes(current) ? [...levels] : [...levels, current].sort((a, b) => a - b);
  return all.map(String);
}
