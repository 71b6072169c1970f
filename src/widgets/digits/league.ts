/**
 * The digits league: every activation that can train (the registry without the linear function
 * and the step) on the handwritten digits, five seeds each, at a fixed budget of epochs. Pure and
 * DOM-free: the page's workers, the claims harness and the tests all score runs with
 * {@link scoreLeagueRun}. A run's score is its test accuracy after the last epoch; a row keeps
 * every seed's score, in seed order, so the page can show the median and the spread.
 */
import { activationIds, type ActivationId } from '../../lib/activations/types.ts';
import { median } from '../playground/league.ts';
import { experiments, runLane, type DigitsData, type Experiment } from './experiments.ts';

/** The league's fixed settings. */
export const DIGITS_LEAGUE = {
  /** Seeds of every row (initial weights and batch order; the split is fixed). */
  seeds: [1, 2, 3, 4, 5],
  /** Epochs every run trains. */
  epochs: 10,
  /** Hidden layers of {@link DIGITS_LEAGUE.width} units. */
  layers: 4,
  /** Units per hidden layer. */
  width: 32,
  /** SGD step size. */
  lr: 0.1,
} as const;

/**
 * The activations in the league, in registry order. The linear function cannot bend (a network
 * of linear layers is one linear map) and the step has no gradient to follow: both were shown
 * earlier and would only fill the bottom of the table.
 */
export const leagueActivations: readonly ActivationId[] = activationIds.filter(
  (id) => id !== 'linear' && id !== 'step',
);

/** Total runs of the league. */
export const DIGITS_LEAGUE_RUNS = leagueActivations.length * DIGITS_LEAGUE.seeds.length;

/** The league's network and optimiser: He initialisation, batch 32, as in the other experiments. */
const leagueExperiment: Experiment = {
  ...experiments.depth,
  width: DIGITS_LEAGUE.width,
  instrument: false,
};

/** Trains one league run and returns its test accuracy after the last epoch. */
export function scoreLeagueRun(act: ActivationId, seed: number, data: DigitsData): number {
  const { epochs, layers, lr } = DIGITS_LEAGUE;
  const run = runLane(
    leagueExperiment,
    { label: act, act },
    { seed, epochs, layers, lr, act },
    data,
  );
  return run.history.at(-1)?.testAccuracy ?? NaN;
}

/** One row of the league: an activation over every seed. */
export interface DigitsLeagueRow {
  readonly act: ActivationId;
  /** Test accuracy per seed, in {@link DIGITS_LEAGUE.seeds} order. */
  readonly accuracies: readonly number[];
  /** Median over the seeds. */
  readonly median: number;
  /** Worst seed. */
  readonly min: number;
  /** Best seed. */
  readonly max: number;
}

/** A row from its per-seed accuracies. */
export function leagueRowOf(act: ActivationId, accuracies: readonly number[]): DigitsLeagueRow {
  return {
    act,
    accuracies,
    median: median(accuracies),
    min: Math.min(...accuracies),
    max: Math.max(...accuracies),
  };
}

/** Scores one activation on every seed; calls `progress` after each run. */
export function digitsLeagueRow(
  act: ActivationId,
  data: DigitsData,
  progress: () => void = () => {},
): DigitsLeagueRow {
  return leagueRowOf(
    act,
    DIGITS_LEAGUE.seeds.map((seed) => {
      const accuracy = scoreLeagueRun(act, seed, data);
      progress();
      return accuracy;
    }),
  );
}

/** Rows sorted best first: by median, then by worst seed, then in registry order. */
export function rankRows(rows: readonly DigitsLeagueRow[]): DigitsLeagueRow[] {
  return [...rows].sort(
    (a, b) =>
      b.median - a.median ||
      b.min - a.min ||
      leagueActivations.indexOf(a.act) - leagueActivations.indexOf(b.act),
  );
}
