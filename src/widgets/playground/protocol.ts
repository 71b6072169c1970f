/**
 * The page ⇄ worker protocol of the training playground, and the pure reducer that folds
 * worker messages and reader actions into the view state.
 *
 * Data shape: the worker owns the networks; the page owns a {@link ViewState} (status, the
 * latest snapshot of each run, and a bounded history for the curves). Lifecycle: every change of
 * settings sends `configure` (the runs, resolved) with a new generation number; the worker builds
 * its runs and tags each snapshot with the generation it belongs to. What can go stale: a snapshot posted before
 * the worker saw the new `configure` is still in flight when the page resets, so the reducer
 * drops any message whose generation is not the current one.
 */
import type { Config } from './config.ts';
import type { ResolvedRun } from './resolve.ts';

/** Page → worker. */
export type WorkerRequest =
  /**
   * Starts a session of `runs`, resolved once by the page (resolve.ts), dataset included, so the
   * worker trains on the points the page draws. `models` (optional, one per run): saved networks
   * (`Mlp.toJSON`) the runs start from instead of fresh weights.
   */
  | {
      readonly type: 'configure';
      readonly gen: number;
      readonly runs: readonly ResolvedRun[];
      readonly models?: readonly unknown[];
      readonly grid?: number;
    }
  /** Asks for the current networks as JSON (answered by a `network` message). */
  | { readonly type: 'export'; readonly gen: number }
  | { readonly type: 'play'; readonly gen: number }
  | { readonly type: 'pause'; readonly gen: number }
  | { readonly type: 'step'; readonly gen: number; readonly epochs: number }
  /**
   * Reads a network file completely (network-file.ts) without touching the session: answered by
   * `file-checked` with the same `id`. `patches` are the runs' settings patches (`[{}]` for one run).
   */
  | {
      readonly type: 'check-file';
      readonly id: number;
      readonly file: Blob;
      readonly patches: readonly Partial<Config>[];
    };

/** The answer to `check-file`: the file's settings and networks, or why it cannot be used. */
export type FileCheck =
  | { readonly ok: true; readonly config: Config; readonly networks: readonly unknown[] }
  | { readonly ok: false; readonly message: string };

/** One run's state after some epoch: compact typed arrays, transferred rather than copied. */
export interface RunSnapshot {
  /** Epochs trained. */
  readonly epoch: number;
  /** Mean training loss over the last epoch (NaN before any epoch: then the full-set loss). */
  readonly trainLoss: number;
  /** Loss on the held-out points. */
  readonly testLoss: number;
  /** Share of training points classified correctly. */
  readonly trainAccuracy: number;
  /** Share of test points classified correctly. */
  readonly testAccuracy: number;
  /** Network output on the gridSide×gridSide plane, top row first. */
  readonly grid: Float64Array;
  /** Side of `grid`. */
  readonly gridSide: number;
  /** Hidden units' activations on the THUMB×THUMB plane, unit after unit, layer after layer. */
  readonly neurons: Float64Array;
  /** Units per hidden layer. */
  readonly units: readonly number[];
  /** Every layer's width, the inputs (one per feature) first and the output last. */
  readonly sizes: readonly number[];
  /** The network's parameters in the engine's layout, `[W1 b1 … WL bL slopes…]` (W out×in, row-major). */
  readonly params: Float64Array;
  /** Per hidden unit, in layer order: its pre-activation histogram over the training points (HISTOGRAM.bins counts each). */
  readonly unitHistograms: Float64Array;
  /** Per hidden unit: flag bits, 1 dead (f' = 0 on every training point), 2 inactive (z < 0 on every one). */
  readonly unitFlags: Float64Array;
  /** Per non-input layer (output last): mean gradient norm over the last instrumented epoch. */
  readonly gradNorms: Float64Array;
  /** Per non-input layer: the pre-activation histogram (HISTOGRAM.bins counts each), concatenated. */
  readonly histograms: Float64Array;
  /** Per non-input layer: share of units dead (f' = 0 on every example) over the last instrumented epoch. */
  readonly dead: Float64Array;
  /** Per non-input layer: share of units inactive (z < 0 on every example) over the last instrumented epoch. */
  readonly inactive: Float64Array;
  /** Per non-input layer: PReLU slope, NaN for other activations. */
  readonly slopes: Float64Array;
  /** True when the loss or the weights stopped being finite. */
  readonly diverged: boolean;
  /** When diverged: a sentence saying what is not finite (divergence.ts); absent otherwise. */
  readonly divergence?: string;
}

/** Worker → page. */
export type WorkerMessage =
  /** `running` says whether the worker will keep training; informational, the reducer follows the reader's actions. */
  | {
      readonly type: 'snapshot';
      readonly gen: number;
      readonly running: boolean;
      readonly runs: readonly RunSnapshot[];
    }
  | { readonly type: 'error'; readonly gen: number; readonly message: string }
  /** The answer to `export`: each run's network as `Mlp.toJSON` output. */
  | { readonly type: 'network'; readonly gen: number; readonly models: readonly unknown[] }
  | { readonly type: 'file-checked'; readonly id: number; readonly result: FileCheck };

/** What the reader did. */
export type UiAction =
  { readonly type: 'reset' } | { readonly type: 'play' } | { readonly type: 'pause' };

/** The bounded history of one run, one entry per snapshot received. */
export interface RunHistory {
  /** Epoch of each entry. */
  readonly epoch: readonly number[];
  /** Training loss of each entry. */
  readonly train: readonly number[];
  /** Test loss of each entry. */
  readonly test: readonly number[];
  /** Gradient norm per non-input layer at each entry. */
  readonly grad: readonly (readonly number[])[];
}

/** One run as the page shows it. */
export interface RunView {
  /** The newest snapshot, or null before the worker answered. */
  readonly latest: RunSnapshot | null;
  /** Curves so far. */
  readonly history: RunHistory;
}

/** Playground status. `diverged` needs a reset; `error` means the worker failed. */
export type Status = 'idle' | 'running' | 'paused' | 'diverged' | 'error';

/** Everything the page renders. */
export interface ViewState {
  /** Generation of the current configuration. */
  readonly gen: number;
  /** See {@link Status}. */
  readonly status: Status;
  /** One entry per run of the session. */
  readonly runs: readonly RunView[];
  /** Sentence for the on-screen notice ('' for none). */
  readonly message: string;
}

/** History entries kept per run; beyond it every other entry is dropped, so memory stays flat. */
export const MAX_HISTORY = 400;

const emptyHistory: RunHistory = { epoch: [], train: [], test: [], grad: [] };

/** The state before the worker has said anything, for `runCount` runs. */
export function initialView(runCount: number, gen = 1): ViewState {
  return {
    gen,
    status: 'idle',
    runs: Array.from({ length: runCount }, () => ({ latest: null, history: emptyHistory })),
    message: '',
  };
}

/** Keeps every other entry (the newest always kept) once a history grows past the cap. */
function thin<T>(values: readonly T[]): readonly T[] {
  if (values.length <= MAX_HISTORY) return values;
  const last = values.length - 1;
  return values.filter((_, i) => (last - i) % 2 === 0);
}

/** Appends one snapshot to a history; a snapshot at an epoch already recorded replaces nothing. */
export function appendHistory(h: RunHistory, s: RunSnapshot): RunHistory {
  const lastEpoch = h.epoch.at(-1);
  if (lastEpoch !== undefined && s.epoch <= lastEpoch) return h;
  return {
    epoch: thin([...h.epoch, s.epoch]),
    train: thin([...h.train, s.trainLoss]),
    test: thin([...h.test, s.testLoss]),
    grad: thin([...h.grad, Array.from(s.gradNorms)]),
  };
}

/** Message shown when a run that trained stops being finite (and no more precise reason is known). */
export const DIVERGED_MESSAGE =
  'Training diverged: the loss is no longer a finite number (the learning rate is probably too high). Training is paused; reset to start again.';

/**
 * Folds one worker message or reader action into the state. Pure: returns the same object when
 * nothing changes (a stale snapshot), a new one otherwise.
 */
export function reduce(state: ViewState, event: WorkerMessage | UiAction): ViewState {
  switch (event.type) {
    case 'reset':
      return initialView(state.runs.length, state.gen + 1);
    case 'play':
      return state.status === 'diverged' || state.status === 'error'
        ? state
        : { ...state, status: 'running' };
    case 'pause':
      return state.status === 'running' ? { ...state, status: 'paused' } : state;
    case 'network':
    case 'file-checked':
      // Files to save or load, handled by network-io.ts; nothing on screen changes.
      return state;
    case 'error':
      if (event.gen !== state.gen) return state;
      return { ...state, status: 'error', message: `Training stopped: ${event.message}` };
    case 'snapshot': {
      if (event.gen !== state.gen || state.status === 'error') return state;
      const runs = state.runs.map((run, i) => {
        const s = event.runs[i];
        return s ? { latest: s, history: appendHistory(run.history, s) } : run;
      });
      const diverged = event.runs.find((s) => s.diverged);
      if (diverged)
        return {
          ...state,
          runs,
          status: 'diverged',
          message: diverged.divergence ?? DIVERGED_MESSAGE,
        };
      // Status follows the reader's actions, not the snapshot's `running` flag: the epoch-0
      // snapshot of a fresh session can arrive after the reader already pressed play.
      return { ...state, runs };
    }
  }
}
