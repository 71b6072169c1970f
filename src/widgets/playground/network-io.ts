/**
 * Saving and loading trained playground networks, and the loss history as CSV. Loaded by the
 * playground element on first use only.
 *
 * File format (JSON): `{ format, version, config, networks }`: the settings (the same object the
 * URL holds, so the dataset, seed and hyperparameters travel with the weights) and one
 * `Mlp.toJSON` per run. A file is untrusted input: `parseNetworkFile` checks the format, every
 * setting, and that each network has the shape its settings describe, and throws an Error whose
 * message a reader can act on; nothing is applied unless all of that holds. The weights
 * themselves are checked by the engine's `fromJSON` in the worker, which rebuilds the networks
 * (an error there shows in the playground's notice). The trap that keeps `fromJSON` out of this
 * module: anything of the engine imported here would share modules with the page's eager
 * `config.ts` chunk, and the bundler would then load that code on every playground page.
 */
import { parseParams } from '../../lib/url-state.ts';
import type { CsvTable } from '../shared/csv.ts';
import { download } from '../shared/export.ts';
import { configTable, type Config } from './config.ts';
import { customActivationOf, specOf } from './custom.ts';
import type { ViewState, WorkerMessage, WorkerRequest } from './protocol.ts';

/** Format tag of a saved playground network. */
export const NETWORK_FORMAT = 'activation-notebook/playground-network';

/** What the playground element lends this module. */
export interface NetworkHost {
  /** Runs trained together (one network each). */
  readonly runs: number;
  /** The training worker, started if it was not. */
  worker(): Promise<Worker | undefined>;
  /** Generation of the current run (a reply for an older one is stale). */
  gen(): number;
  /** Current settings. */
  config(): Config;
  /** Applies settings (controls, URL) and continues training from these networks. */
  load(config: Config, models: readonly unknown[]): void;
}

/** The loss history of each run: epoch, then train and test loss per run. */
export function lossCsv(view: ViewState, labels: readonly string[]): CsvTable {
  const many = view.runs.length > 1;
  const header = ['epoch', ...view.runs.flatMap((_, i) => (many ? [`${labels[i] ?? i} train`, `${labels[i] ?? i} test`] : ['train', 'test']))];
  const epochs = [...new Set(view.runs.flatMap((r) => r.history.epoch))].sort((a, b) => a - b);
  const rows = epochs.map((epoch) => [
    epoch,
    ...view.runs.flatMap((r): (number | string)[] => {
      const k = r.history.epoch.indexOf(epoch);
      return k < 0 ? ['', ''] : [r.history.train[k] ?? NaN, r.history.test[k] ?? NaN];
    }),
  ]);
  return { header, rows };
}

/** The file text for some settings and networks. */
export function networkFileText(config: Config, networks: readonly unknown[]): string {
  return `${JSON.stringify({ format: NETWORK_FORMAT, version: 1, config, networks }, null, 1)}\n`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Reads a saved file for a playground of `runCount` runs. Throws an Error saying what is wrong:
 * not JSON, not this format, a setting out of range, a network that is malformed or does not
 * match its settings.
 */
export function parseNetworkFile(text: string, runCount: number): { config: Config; networks: unknown[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('This file is not JSON. Choose a file saved with "Export network".');
  }
  if (!isRecord(data) || data['format'] !== NETWORK_FORMAT) throw new Error('This JSON file is not a network saved by Activation Notebook.');
  if (data['version'] !== 1) throw new Error(`This network file has version ${String(data['version'])}; this page reads version 1.`);
  const settings = data['config'];
  if (!isRecord(settings)) throw new Error('The file has no settings ("config").');
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(settings)) query.set(`n.${key}`, String(value));
  const parsed = parseParams(configTable, query.toString(), 'n');
  if (parsed.notices.length > 0) {
    throw new Error(`The file's settings are not valid: ${parsed.notices.map((n) => `${n.param.slice(2)} = ${n.value.slice(0, 40)}`).join(', ')}.`);
  }
  const config = parsed.values;
  const networks = data['networks'];
  if (!Array.isArray(networks) || networks.length !== runCount) throw new Error(`The file should hold ${runCount} network${runCount === 1 ? '' : 's'}.`);
  if (config.act === 'custom' && !customActivationOf(config)) throw new Error(`The file's custom activation ${JSON.stringify(config.expr)} does not compile.`);
  const expected = specOf(config);
  networks.forEach((json: unknown, i) => {
    const spec = isRecord(json) && json['format'] === 'activation-notebook/mlp' && Array.isArray(json['params']) ? json['spec'] : undefined;
    if (!isRecord(spec) || !Array.isArray(spec['sizes'])) throw new Error(`Network ${i + 1} in the file is not a saved network.`);
    const sizes = spec['sizes'].join('-');
    if (sizes !== expected.sizes.join('-') || spec['activation'] !== expected.activation || spec['outputActivation'] !== expected.outputActivation) {
      throw new Error(`Network ${i + 1} (${sizes}, ${String(spec['activation'])}) does not match the file's settings (${expected.sizes.join('-')}, ${expected.activation}).`);
    }
  });
  return { config, networks };
}

/** Asks the worker for its networks. */
function requestNetworks(worker: Worker, gen: number): Promise<readonly unknown[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      worker.removeEventListener('message', listen);
      reject(new Error('the training worker did not answer'));
    }, 10_000);
    const listen = (e: MessageEvent<WorkerMessage>): void => {
      if (e.data.type !== 'network' || e.data.gen !== gen) return;
      clearTimeout(timer);
      worker.removeEventListener('message', listen);
      resolve(e.data.models);
    };
    worker.addEventListener('message', listen);
    worker.postMessage({ type: 'export', gen } satisfies WorkerRequest);
  });
}

/** Shows a sentence in the figure's network status line (`error` styles it as an alert). */
function say(el: HTMLElement, message: string, error = false): void {
  const out = el.closest('figure')?.querySelector<HTMLElement>('[data-network-status]');
  if (!out) return;
  out.hidden = message === '';
  out.textContent = message;
  out.dataset.error = String(error);
}

/** Handles a click on "Export network" or a file chosen in "Load network". */
export async function onNetworkAction(el: HTMLElement, host: NetworkHost): Promise<void> {
  try {
    if (el instanceof HTMLInputElement) {
      const file = el.files?.[0];
      if (!file) return;
      el.value = '';
      const { config, networks } = parseNetworkFile(await file.text(), host.runs);
      host.load(config, networks);
      say(el, `Loaded ${file.name}: training continues from its weights when you press Play.`);
      return;
    }
    const worker = await host.worker();
    if (!worker) throw new Error('the training worker is not running');
    const networks = await requestNetworks(worker, host.gen());
    download(new Blob([networkFileText(host.config(), networks)], { type: 'application/json' }), 'activation-notebook-network.json');
    say(el, 'Network saved (weights and settings, JSON).');
  } catch (error) {
    say(el, `Could not ${el instanceof HTMLInputElement ? 'load' : 'export'} the network: ${error instanceof Error ? error.message : String(error)}`, true);
  }
}
