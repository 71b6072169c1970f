/**
 * The league table: every activation on four datasets over ten seeds, each run a network of four
 * hidden layers trained with plain SGD for a fixed number of epochs. Pure and DOM-free: the worker
 * runs it in the reader's browser, the unit tests and the claims harness run it in Node.
 *
 * The settings are chosen to separate the functions. A single hidden layer of 8 units trained with
 * Adam scored about 1.00 on every dataset but the spiral with every function but the linear and
 * the step, and all failed the spiral, so the table showed nothing. Four hidden layers, plain SGD
 * (which, unlike Adam, does not rescale a vanishing gradient back up) and 200 epochs make depth
 * matter: the functions whose slope never exceeds 1/4 stay near chance, and on the spiral the
 * rest spread out, by function and by seed. The Gaussian blobs, linearly separable and scored
 * 1.00 by nearly every function, are left out as uninformative.
 *
 * Score of a run: test accuracy after the last epoch. A cell keeps every seed's score, in seed
 * order, so the page can show the median, the range and each seed as a dot.
 */
import type { Claim } from '../../lib/claims.ts';
import { activationIds, type ActivationId } from '../../lib/activations/types.ts';
import type { DatasetKind } from '../../lib/data/index.ts';
import { createMlp } from '../../lib/nn/index.ts';
import { datasetOf, defaultConfig, registrySpecOf, trainOptionsOf, type Config } from './config.ts';

/** The league's fixed settings. */
export const LEAGUE = {
  /** Seeds of every cell; each seed draws the data, the split and the initial weights. */
  seeds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  /** Datasets, one column each, in display order. */
  datasets: ['circle', 'xor', 'moons', 'spiral'] as const satisfies readonly DatasetKind[],
  /** Epochs every run trains. */
  epochs: 200,
  /** The network and optimiser (Xavier initialisation, batch 10, tanh output, no noise). */
  config: {
    ...defaultConfig,
    layers: 4,
    width: 8,
    opt: 'sgd',
    lr: 0.03,
    out: 'tanh',
  } satisfies Config,
} as const;

/** A league dataset. */
export type LeagueDataset = (typeof LEAGUE.datasets)[number];

/** One cell of the table: an activation on a dataset, over every seed. */
export interface LeagueCell {
  /** Dataset of the cell. */
  readonly data: LeagueDataset;
  /** Final test accuracy of each seed, in {@link LEAGUE.seeds} order. */
  readonly accuracies: readonly number[];
  /** Median of `accuracies`. */
  readonly median: number;
  /** Lowest of `accuracies`. */
  readonly min: number;
  /** Highest of `accuracies`. */
  readonly max: number;
}

/** One row: an activation on every league dataset. */
export interface LeagueRow {
  /** Activation of the row. */
  readonly act: ActivationId;
  /** One cell per dataset, in {@link LEAGUE.datasets} order. */
  readonly cells: readonly LeagueCell[];
}

/** Trains one seeded run with the league's settings and returns its final test accuracy. */
export function scoreRun(
  act: ActivationId,
  data: LeagueDataset,
  seed: number,
  epochs: number = LEAGUE.epochs,
): number {
  const config: Config = { ...LEAGUE.config, act, data, seed };
  const model = createMlp(registrySpecOf(config));
  const { train, test } = datasetOf(config);
  const options = trainOptionsOf(config, false);
  for (let e = 0; e < epochs; e++) model.trainEpoch(train.inputs, train.targets, options);
  return model.accuracy(test.inputs, test.targets);
}

/** Median of a non-empty list (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  return (sorted[Math.floor(mid)]! + sorted[Math.ceil(mid)]!) / 2;
}

/** A cell from its per-seed accuracies. */
export function leagueCell(data: LeagueDataset, accuracies: readonly number[]): LeagueCell {
  return {
    data,
    accuracies,
    median: median(accuracies),
    min: Math.min(...accuracies),
    max: Math.max(...accuracies),
  };
}

/** Scores one activation on every dataset and seed; calls `progress` after each run. */
export function leagueRow(
  act: ActivationId,
  progress: () => void = () => {},
  epochs: number = LEAGUE.epochs,
): LeagueRow {
  const cells = LEAGUE.datasets.map((data) =>
    leagueCell(
      data,
      LEAGUE.seeds.map((seed) => {
        const accuracy = scoreRun(act, data, seed, epochs);
        progress();
        return accuracy;
      }),
    ),
  );
  return { act, cells };
}

/** Total runs in a full table. */
export const LEAGUE_RUNS = activationIds.length * LEAGUE.datasets.length * LEAGUE.seeds.length;

/**
 * What the Conclusion reads off the table, as claims over single seeds: each measures a few
 * cells' runs for one seed (never the whole league, so the quick check in `npm test` stays
 * cheap), and `npm run claims` tries seeds 1-20, ten more than the table shows.
 */
export const leagueClaims: readonly Claim[] = [
  {
    id: 'league-small-slopes-stall',
    lesson: 'conclusion',
    figure: 'league-table',
    statement:
      'With four hidden layers and plain SGD, sigmoid and hard sigmoid (slopes at most 1/4 and 1/6) stay near chance on the circle (test accuracy below 70%), while tanh learns it (above 95%).',
    measure: (seed) => ({
      sigmoid: scoreRun('sigmoid', 'circle', seed),
      hardSigmoid: scoreRun('hard-sigmoid', 'circle', seed),
      tanh: scoreRun('tanh', 'circle', seed),
    }),
    holds: (f) => f.sigmoid! < 0.7 && f.hardSigmoid! < 0.7 && f.tanh! > 0.95,
  },
  {
    id: 'league-spiral-gelu-beats-tanh',
    lesson: 'conclusion',
    figure: 'league-table',
    statement: 'On the spiral, GELU reaches a higher test accuracy than tanh from the same seed.',
    measure: (seed) => ({
      gelu: scoreRun('gelu', 'spiral', seed),
      tanh: scoreRun('tanh', 'spiral', seed),
    }),
    holds: (f) => f.gelu! > f.tanh!,
  },
];
