/**
 * One playground configuration resolved, once per change of settings, into what each of its runs
 * needs: the run's settings, its network (inputs, hidden sizes, engine spec), its training options
 * and its dataset.
 *
 * Data shape: a {@link ResolvedRun} is plain data (strings, numbers, typed arrays), so the page
 * posts it to the worker as it is, and the worker trains on the very points the page draws: the
 * dataset is generated once, where the configuration is resolved, not again on each side. The one
 * part that cannot travel is a custom activation (a compiled function): the session compiles it
 * once from `config.expr` where it builds the network. Lifecycle: the element resolves on every
 * configure, the build-time figure once per preset, Node callers through `createSession`. Nothing
 * here goes stale: a settings change resolves new runs.
 */
import type { Dataset } from '../../lib/data/index.ts';
import type { MlpSpec, TrainOptions } from '../../lib/nn/index.ts';
import {
  datasetOf,
  hiddenSizes,
  isRegressionConfig,
  registrySpecOf,
  trainOptionsOf,
  type Config,
} from './config.ts';
import { parseFeatures, type FeatureId } from './features.ts';

/** Everything one run needs, worked out from its settings. */
export interface ResolvedRun {
  /** The run's settings: the playground's, its own patch over them, the playground's seed. */
  readonly config: Config;
  /** The inputs the network reads, in network order (one input unit each). */
  readonly features: readonly FeatureId[];
  /** Units per hidden layer. */
  readonly hiddenSizes: readonly number[];
  /** The engine spec; a custom run's compiled function is added where the network is built. */
  readonly spec: MlpSpec;
  /** Per-epoch training options; whether an epoch is instrumented is decided per epoch. */
  readonly train: Omit<TrainOptions, 'instrument'>;
  /** The points (the seed draws points and split; added points join the training split). */
  readonly data: Dataset;
  /** Whether targets are values to predict (regression) rather than two classes. */
  readonly regression: boolean;
}

/**
 * The settings of each run: the playground's settings with the run's patch over them, and always
 * the playground's seed, so the runs of a demo start from the same weights and data.
 */
export function runConfigs(config: Config, patches: readonly Partial<Config>[]): Config[] {
  return patches.map((patch) => ({ ...config, ...patch, seed: config.seed }));
}

/** One run's settings resolved; the config must have passed the URL table (url-state.ts). */
export function resolveRun(config: Config): ResolvedRun {
  const { instrument: _, ...train } = trainOptionsOf(config, false);
  return {
    config,
    features: parseFeatures(config.feat),
    hiddenSizes: hiddenSizes(config),
    spec: registrySpecOf(config),
    train,
    data: datasetOf(config),
    regression: isRegressionConfig(config),
  };
}

/** Every run of a playground (one patch per run; `[{}]` for the playground itself), resolved. */
export function resolveRuns(config: Config, patches: readonly Partial<Config>[]): ResolvedRun[] {
  return runConfigs(config, patches).map(resolveRun);
}
