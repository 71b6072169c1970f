/**
 * Reading a saved playground network file, completely, before anything is applied. Runs in the
 * training worker (and in unit tests): the file is parsed off the main thread, and the page
 * changes its settings, address and run only once this has accepted every part of it, so a file
 * that is wrong in any way changes nothing.
 *
 * What is checked, each with a sentence a reader can act on: JSON, the format tag and version;
 * every setting (text or number only, then the URL table's own checks, applied to the record
 * directly through the playground's codec, as to its controls); the custom expression
 * compiles; one network per run; each network is an `Mlp.toJSON` whose parameters, epoch and
 * optimiser state are finite and plausible, whose activation is the one its settings name (the
 * same expression for a custom one), whose spec is exactly what its settings build, and which
 * the engine rebuilds (parameter counts, generator state, moment counts).
 */
import { createMlp, fromJSON, type CustomActivation, type Mlp } from '../../lib/nn/index.ts';
import { stateFromRecord } from '../shared/url-codec.ts';
import { defaultConfig, playgroundUrl, registrySpecOf, type Config } from './config.ts';
import { customActivationOf } from './custom.ts';
import { MAX_EPOCH, NETWORK_FORMAT } from './network-format.ts';
import { runConfigs } from './resolve.ts';

/** A file that passed every check: its settings and one saved network per run. */
export interface NetworkFile {
  /** The settings saved beside the networks (the playground's base settings). */
  readonly config: Config;
  /** One `Mlp.toJSON` per run, as read from the file. */
  readonly networks: readonly unknown[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A short, safe description of a JSON value for a message (never calls the value's own methods). */
function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return String(v);
}

/** The file's settings as a config; throws naming each bad one. */
function settingsOf(settings: unknown): Config {
  if (!isRecord(settings)) throw new Error('The file has no settings ("config").');
  const record: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(settings)) {
    // String() of an object runs its own toString (or throws "Cannot convert object to primitive
    // value" for {"toString":"x"}): only plain text and numbers are settings.
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new Error(
        `The file's setting ${JSON.stringify(key.slice(0, 40))} is ${describe(value)}; a setting is a number or text.`,
      );
    }
    record[key] = value;
  }
  // A saved file holds every setting; one it lacks takes the playground's default, as in a URL.
  const parsed = stateFromRecord(playgroundUrl, defaultConfig, defaultConfig, record, '');
  if (parsed.notices.length > 0) {
    throw new Error(
      `The file's settings are not valid: ${parsed.notices.map((n) => `${n.param.slice(0, 40)} = ${n.value.slice(0, 40)}`).join(', ')}.`,
    );
  }
  return parsed.state;
}

/** Throws unless every entry of `values` is a finite number; `what` names the list. */
function requireFinite(values: unknown, what: string, label: string): void {
  if (!Array.isArray(values)) throw new Error(`${label}: ${what} is not a list of numbers.`);
  values.forEach((v: unknown, k) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      // null is how a saved non-finite value reads back, 1e999 parses as Infinity: both mean a
      // network that had already diverged, or a damaged file.
      throw new Error(
        `${label}: ${what} ${k} is ${describe(v)}, not a finite number (was the network saved after it diverged?).`,
      );
    }
  });
}

/** The differences between two plain specs, as "field: saved vs expected" phrases. */
function specDifferences(
  saved: Record<string, unknown>,
  expected: Record<string, unknown>,
): string[] {
  const keys = [...new Set([...Object.keys(expected), ...Object.keys(saved)])];
  return keys
    .filter((k) => JSON.stringify(saved[k]) !== JSON.stringify(expected[k]))
    .map(
      (k) =>
        `${k} ${JSON.stringify(saved[k]) ?? 'missing'} (the settings give ${JSON.stringify(expected[k]) ?? 'none'})`,
    );
}

/**
 * Checks network `i` of the file against the settings of its run (`custom`: the run's compiled
 * custom activation, if it has one); returns the rebuilt model.
 */
function checkNetwork(
  json: unknown,
  i: number,
  run: Config,
  custom: CustomActivation | undefined,
): Mlp {
  const label = `Network ${i + 1} in the file`;
  if (
    !isRecord(json) ||
    json['format'] !== 'activation-notebook/mlp' ||
    !isRecord(json['spec']) ||
    !Array.isArray(json['params'])
  ) {
    throw new Error(`${label} is not a saved network.`);
  }
  const spec = json['spec'];
  requireFinite(json['params'], 'parameter', label);
  const epoch = json['epoch'];
  if (typeof epoch !== 'number' || !Number.isInteger(epoch) || epoch < 0 || epoch > MAX_EPOCH) {
    throw new Error(
      `${label}: epoch ${describe(epoch)} is not a whole number from 0 to ${MAX_EPOCH.toExponential(0)}.`,
    );
  }
  const training = json['training'];
  if (training !== undefined) {
    if (!isRecord(training)) throw new Error(`${label}: the training state is not an object.`);
    requireFinite(training['m'], 'optimiser moment m', label);
    requireFinite(training['v'], 'optimiser moment v', label);
    const step = training['step'];
    if (typeof step !== 'number' || !Number.isSafeInteger(step) || step < 0) {
      throw new Error(
        `${label}: optimiser step ${describe(step)} is not a whole number of 0 or more.`,
      );
    }
  }
  // The activation the weights were trained with must be the one the settings name: weights of a
  // tanh network run through the page's expression (or another expression) would load "fine"
  // and then train a different function.
  const saved = spec['customActivation'];
  const savedLabel =
    isRecord(saved) && typeof saved['label'] === 'string' ? saved['label'] : undefined;
  if (run.act === 'custom' && savedLabel !== run.expr) {
    const trained =
      savedLabel === undefined
        ? describe(spec['activation'])
        : `the expression ${JSON.stringify(savedLabel)}`;
    throw new Error(
      `${label} was trained with ${trained}, but the file's settings say the custom activation ${JSON.stringify(run.expr)}.`,
    );
  }
  if (run.act !== 'custom' && saved !== undefined) {
    throw new Error(
      `${label} was trained with the custom activation ${describe(savedLabel)}, but the file's settings say ${run.act}.`,
    );
  }
  let model: Mlp;
  try {
    model = fromJSON(json, () => {
      if (!custom)
        throw new Error(`the custom activation ${JSON.stringify(run.expr)} does not compile`);
      return custom;
    });
  } catch (error) {
    throw new Error(
      `${label} does not load: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
  // Only now compare the whole spec: the rebuilt one has every default filled in, like a fresh one.
  const expected = custom
    ? { ...registrySpecOf(run), customActivation: custom }
    : registrySpecOf(run);
  const differences = specDifferences(model.toJSON().spec, createMlp(expected).toJSON().spec);
  if (differences.length > 0)
    throw new Error(`${label} does not match the file's settings: ${differences.join('; ')}.`);
  return model;
}

/**
 * Reads a saved file for a playground whose runs apply `patches` to the base settings (one patch
 * per run; `[{}]` for the playground itself). Throws an Error whose message says what is wrong;
 * returns only when every part of the file is usable.
 */
export function readNetworkFile(text: string, patches: readonly Partial<Config>[]): NetworkFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('This file is not JSON. Choose a file saved with "Export network".');
  }
  if (!isRecord(data) || data['format'] !== NETWORK_FORMAT)
    throw new Error('This JSON file is not a network saved by Activation Notebook.');
  if (data['version'] !== 1)
    throw new Error(
      `This network file has version ${describe(data['version'])}; this page reads version 1.`,
    );
  const config = settingsOf(data['config']);
  const networks = data['networks'];
  const count = patches.length;
  if (!Array.isArray(networks) || networks.length !== count)
    throw new Error(`The file should hold ${count} network${count === 1 ? '' : 's'}.`);
  // Each expression is compiled once, however many runs share it (a run's patch may change it).
  const compiled = new Map<string, CustomActivation | undefined>();
  const customOf = (c: Config): CustomActivation | undefined => {
    if (c.act !== 'custom') return undefined;
    const key = `${c.expr}\u0000${c.exprp}`;
    if (!compiled.has(key)) compiled.set(key, customActivationOf(c));
    return compiled.get(key);
  };
  if (config.act === 'custom' && !customOf(config))
    throw new Error(
      `The file's custom activation ${JSON.stringify(config.expr)} does not compile.`,
    );
  const runs = runConfigs(config, patches);
  networks.forEach((json: unknown, i) => {
    const run = runs[i] ?? config;
    checkNetwork(json, i, run, customOf(run));
  });
  return { config, networks };
}
