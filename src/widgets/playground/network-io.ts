/**
 * Saving and loading trained playground networks, and the loss history as CSV: the page side.
 * Loaded by the playground element on first use only.
 *
 * A file is untrusted input. Loading never reads it here: a file over MAX_FILE_BYTES is refused
 * from its size alone, any other goes to the training worker, which parses it and checks every
 * part (network-file.ts) without touching its session; only a file it accepts is applied
 * (settings, address, controls, run). So a 50 MB file costs the main thread nothing, and a file
 * that is wrong anywhere leaves the playground exactly as it was, with the reason on screen.
 * The trap that keeps the engine out of this module: anything of it imported here would share
 * modules with the page's eager `config.ts` chunk, and the bundler would then load that code on
 * every playground page.
 */
import type { CsvTable } from '../shared/csv.ts';
import { download } from '../shared/export.ts';
import type { Config } from './config.ts';
import { MAX_FILE_BYTES, formatBytes, networkFileText } from './network-format.ts';
import type { FileCheck, ViewState, WorkerMessage, WorkerRequest } from './protocol.ts';

/** What the playground element lends this module. */
export interface NetworkHost {
  /** The settings patch of each run trained together (one network each; `[{}]` for one run). */
  readonly patches: readonly Partial<Config>[];
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
  const header = [
    'epoch',
    ...view.runs.flatMap((_, i) =>
      many ? [`${labels[i] ?? i} train`, `${labels[i] ?? i} test`] : ['train', 'test'],
    ),
  ];
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

/**
 * Posts `request` and resolves with the first message `pick` accepts (it returns undefined for
 * the others, which are left to the page's own listener); rejects after 10 s without one.
 */
function askWorker<T>(
  worker: Worker,
  request: WorkerRequest,
  pick: (m: WorkerMessage) => T | undefined,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      worker.removeEventListener('message', listen);
      reject(new Error('the training worker did not answer'));
    }, 10_000);
    const listen = (e: MessageEvent<WorkerMessage>): void => {
      const answer = pick(e.data);
      if (answer === undefined) return;
      clearTimeout(timer);
      worker.removeEventListener('message', listen);
      resolve(answer);
    };
    worker.addEventListener('message', listen);
    worker.postMessage(request);
  });
}

/** Has the worker read and check a file; resolves with its verdict. */
function checkFile(
  worker: Worker,
  file: File,
  patches: readonly Partial<Config>[],
): Promise<FileCheck> {
  // A random id, not a module-level counter, tells this answer from another load's.
  const id = crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;
  return askWorker(worker, { type: 'check-file', id, file, patches }, (m) =>
    m.type === 'file-checked' && m.id === id ? m.result : undefined,
  );
}

/** Asks the worker for its networks. */
function requestNetworks(worker: Worker, gen: number): Promise<readonly unknown[]> {
  return askWorker(worker, { type: 'export', gen }, (m) =>
    m.type === 'network' && m.gen === gen ? m.models : undefined,
  );
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
      if (file.size > MAX_FILE_BYTES) {
        throw new Error(
          `${file.name} is ${formatBytes(file.size)}; a saved network is a few KB, and this page reads network files up to ${formatBytes(MAX_FILE_BYTES)}. Nothing was changed.`,
        );
      }
      const worker = await host.worker();
      if (!worker) throw new Error('the training worker is not running');
      const checked = await checkFile(worker, file, host.patches);
      if (!checked.ok) throw new Error(`${checked.message} Nothing was changed.`);
      host.load(checked.config, checked.networks);
      say(el, `Loaded ${file.name}: training continues from its weights when you press Play.`);
      return;
    }
    const worker = await host.worker();
    if (!worker) throw new Error('the training worker is not running');
    const networks = await requestNetworks(worker, host.gen());
    download(
      new Blob([networkFileText(host.config(), networks)], { type: 'application/json' }),
      'activation-notebook-network.json',
    );
    say(el, 'Network saved (weights and settings, JSON).');
  } catch (error) {
    say(
      el,
      `Could not ${el instanceof HTMLInputElement ? 'load' : 'export'} the network: ${error instanceof Error ? error.message : String(error)}`,
      true,
    );
  }
}
