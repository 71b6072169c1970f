/**
 * The league table: every activation on every dataset over a few seeds, each a small network
 * trained for a bounded number of epochs. Pure and DOM-free: the worker runs it in the reader's
 * browser and the unit tests run it in Node.
 *
 * Score per run: the first epoch whose mean training loss fell below {@link LEAGUE.targetLoss}
 * (null when it never did) and the test accuracy after the last epoch. Per cell (activation ×
 * dataset): the medians over the seeds; a median of epochs counts "never" as worse than any
 * number, so a cell where most seeds failed says so instead of hiding it.
 */
import { activationIds, type ActivationId } from '../../lib/activations/types.ts';
import { datasetKinds, type DatasetKind } from '../../lib/data/index.ts';
import { createMlp } from '../../lib/nn/index.ts';
import { datasetOf, defaultConfig, registrySpecOf, trainOptionsOf, type Config } from './config.ts';

/** The league's fixed settings: small, so the whole table runs in tens of seconds. */
export const LEAGUE = {
  seeds: [1, 2, 3],
  epochs: 150,
  targetLoss: 0.1,
  config: { ...defaultConfig, layers: 1, width: 8, opt: 'adam', lr: 0.02, out: 'tanh' } satisfies Config,
} as const;

/** One trained run's score. */
export interface RunScore {
  /** First epoch with training loss below the target, or null. */
  readonly epochsToTarget: number | null;
  /** Test accuracy after the last epoch. */
  readonly testAccuracy: number;
}

/** One cell of the table. */
export interface LeagueCell {
  /** Dataset of the cell. */
  readonly data: DatasetKind;
  /** Median epochs to target over the seeds (null: most seeds never got there). */
  readonly medianEpochs: number | null;
  /** Median final test accuracy over the seeds. */
  readonly medianAccuracy: number;
}

/** One row: an activation on every dataset. */
export interface LeagueRow {
  /** Activation of the row. */
  readonly act: ActivationId;
  /** One cell per dataset, in `datasetKinds` order. */
  readonly cells: readonly LeagueCell[];
}

/** Trains one seeded run and scores it. */
export function scoreRun(act: ActivationId, data: DatasetKind, seed: number, epochs: number = LEAGUE.epochs): RunScore {
  const config: Config = { ...LEAGUE.config, act, data, seed };
  const model = createMlp(registrySpecOf(config));
  const { train, test } = datasetOf(config);
  const options = trainOptionsOf(config, false);
  let epochsToTarget: number | null = null;
  for (let e = 1; e <= epochs; e++) {
    const loss = model.trainEpoch(train.inputs, train.targets, options);
    if (epochsToTarget === null && loss < LEAGUE.targetLoss) epochsToTarget = e;
  }
  return { epochsToTarget, testAccuracy: model.accuracy(test.inputs, test.targets) };
}

/** Median of numbers where null ranks above every number; null when the median is null. */
export function median(values: readonly (number | null)[]): number | null {
  const sorted = [...values].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
  if (sorted.length === 0) return null;
  const mid = (sorted.length - 1) / 2;
  const lo = sorted[Math.floor(mid)] ?? null;
  const hi = sorted[Math.ceil(mid)] ?? null;
  return lo === null || hi === null ? null : (lo + hi) / 2;
}

/** Scores one activation on every dataset and seed; calls `progress` after each run. */
export function leagueRow(act: ActivationId, progress: () => void = () => {}, epochs: number = LEAGUE.epochs): LeagueRow {
  const cells = datasetKinds.map((data) => {
    const scores = LEAGUE.seeds.map((seed) => {
      const s = scoreRun(act, data, seed, epochs);
      progress();
      return s;
    });
    return {
      data,
      medianEpochs: median(scores.map((s) => s.epochsToTarget)),
      medianAccuracy: median(scores.map((s) => s.testAccuracy)) ?? 0,
    };
  });
  return { act, cells };
}

/** Total runs in a full table. */
export const LEAGUE_RUNS = activationIds.length * datasetKinds.length * LEAGUE.seeds.length;
