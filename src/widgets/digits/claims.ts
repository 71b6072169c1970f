/**
 * The claims of "On real data", each a predicate over what one experiment's lanes measure
 * (experiments.ts, the code the page's worker runs) or over a few league runs (league.ts). Claims
 * of one experiment judge the same trained lanes, so each (experiment, seed) is trained once per
 * call of {@link createDigitsClaims} and shared: the cache lives as long as the claims it serves.
 */
import type { Claim } from '../../lib/claims.ts';
import {
  digitsData,
  experiments,
  finalPoint,
  laneOf,
  runExperiment,
  type DigitsData,
  type ExperimentId,
  type LaneResult,
} from './experiments.ts';
import { scoreLeagueRun } from './league.ts';

/** Lesson slug of every digits claim (`/lessons/real-data/`). */
export const DIGITS_LESSON = 'real-data';

/** First-layer gradient norm over the output layer's, on the last epoch. */
export function firstOverOutput(run: LaneResult): number {
  return run.gradNorms[0]! / run.gradNorms.at(-1)!;
}

/** Layers whose gradient norm is not smaller than the next layer's (0: it shrinks all the way back). */
export function growingSteps(run: LaneResult): number {
  let n = 0;
  for (let l = 0; l + 1 < run.gradNorms.length; l++)
    if (!(run.gradNorms[l]! < run.gradNorms[l + 1]!)) n++;
  return n;
}

/** Every claim of the lesson, in page order. */
export function createDigitsClaims(): Claim[] {
  let data: DigitsData | undefined;
  const trained = new Map<string, LaneResult[]>();
  const runsOf = (id: ExperimentId, seed: number): LaneResult[] => {
    const key = `${id}|${seed}`;
    let runs = trained.get(key);
    if (!runs) {
      data ??= digitsData();
      runs = runExperiment(id, { ...experiments[id].defaults, seed }, data);
      trained.set(key, runs);
    }
    return runs;
  };
  const claim = (
    id: ExperimentId,
    spec: Pick<Claim, 'id' | 'statement' | 'holds'> & {
      figures(runs: LaneResult[]): Record<string, number>;
    },
  ): Claim => ({
    id: spec.id,
    lesson: DIGITS_LESSON,
    figure: `digits-${id}`,
    statement: spec.statement,
    measure: (seed) => spec.figures(runsOf(id, seed)),
    holds: spec.holds,
  });
  const accuracy = (runs: LaneResult[], label: string): number =>
    finalPoint(laneOf(runs, label)).testAccuracy;
  const loss = (runs: LaneResult[], label: string): number =>
    finalPoint(laneOf(runs, label)).trainLoss;

  return [
    claim('train', {
      id: 'digits-relu-reaches-95',
      statement:
        'A 64-64-10 ReLU network trained with plain SGD for 20 epochs classifies at least 95% of the 360 test digits correctly.',
      figures: (runs) => ({ testAccuracy: accuracy(runs, 'ReLU') }),
      holds: (f) => f.testAccuracy! >= 0.95,
    }),
    claim('depth', {
      id: 'digits-sigmoid-gradient-vanishes',
      statement:
        'With eight hidden layers, after 10 epochs the sigmoid network’s gradient norm shrinks at every layer on its way back, and its first layer gets under 1/1000 of its output layer’s; in the ReLU and GELU networks the first layer’s gradient is larger than the output layer’s.',
      figures: (runs) => ({
        sigmoidGrowingSteps: growingSteps(laneOf(runs, 'Sigmoid')),
        sigmoidRatio: firstOverOutput(laneOf(runs, 'Sigmoid')),
        reluRatio: firstOverOutput(laneOf(runs, 'ReLU')),
        geluRatio: firstOverOutput(laneOf(runs, 'GELU')),
      }),
      holds: (f) =>
        f.sigmoidGrowingSteps === 0 &&
        f.sigmoidRatio! < 1e-3 &&
        f.reluRatio! > 1 &&
        f.geluRatio! > 1,
    }),
    claim('depth', {
      id: 'digits-deep-sigmoid-at-chance',
      statement:
        'With eight hidden layers, after 10 epochs the sigmoid network is at chance (test accuracy below 15%), while the ReLU and GELU networks classify more than 60% of the test digits correctly.',
      figures: (runs) => ({
        sigmoid: accuracy(runs, 'Sigmoid'),
        relu: accuracy(runs, 'ReLU'),
        gelu: accuracy(runs, 'GELU'),
      }),
      holds: (f) => f.sigmoid! < 0.15 && f.relu! > 0.6 && f.gelu! > 0.6,
    }),
    claim('dead', {
      id: 'digits-relu-units-die',
      statement:
        'At learning rate 1, after 10 epochs more than half of the ReLU network’s first-layer units are dead (slope 0 on every training image), while the Leaky ReLU network has no dead unit.',
      figures: (runs) => ({
        reluDeadFirst: laneOf(runs, 'ReLU').dead[0]!,
        leakyDead: Math.max(...laneOf(runs, 'Leaky ReLU').dead),
      }),
      holds: (f) => f.reluDeadFirst! > 0.5 && f.leakyDead === 0,
    }),
    claim('dead', {
      id: 'digits-leaky-beats-dead-relu',
      statement:
        'At learning rate 1, after 10 epochs the Leaky ReLU network classifies more test digits correctly than the ReLU network started from the same seed.',
      figures: (runs) => ({
        reluAccuracy: accuracy(runs, 'ReLU'),
        leakyAccuracy: accuracy(runs, 'Leaky ReLU'),
        leakyLoss: loss(runs, 'Leaky ReLU'),
      }),
      holds: (f) => f.leakyAccuracy! > f.reluAccuracy!,
    }),
    claim('centring', {
      id: 'digits-centring-helps-slope-decides',
      statement:
        'After 10 epochs each zero-centred function ends with a lower training loss than its shifted twin of the same slope (σ(x) − ½ below sigmoid, tanh below tanh + 1), but the slope matters far more: both slope-1 networks end with a loss under a fifth of both slope-¼ ones.',
      figures: (runs) => ({
        sigmoidLoss: loss(runs, 'sigmoid'),
        centredSigmoidLoss: loss(runs, 'σ(x) − ½'),
        raisedTanhLoss: loss(runs, 'tanh + 1'),
        tanhLoss: loss(runs, 'tanh'),
      }),
      holds: (f) =>
        f.centredSigmoidLoss! < f.sigmoidLoss! &&
        f.tanhLoss! < f.raisedTanhLoss! &&
        5 * Math.max(f.tanhLoss!, f.raisedTanhLoss!) <
          Math.min(f.sigmoidLoss!, f.centredSigmoidLoss!),
    }),
    {
      // A few league cells for one seed, never the whole league, so the quick check stays cheap.
      id: 'digits-league-small-slopes-fail',
      lesson: DIGITS_LESSON,
      figure: 'digits-league',
      statement:
        'With four hidden layers and 10 epochs of plain SGD, sigmoid and hard sigmoid (slopes at most ¼ and ⅙) stay at chance (test accuracy below 15%), while tanh and ReLU classify more than 85% of the test digits correctly.',
      measure: (seed) => {
        data ??= digitsData();
        const d = data;
        return {
          sigmoid: scoreLeagueRun('sigmoid', seed, d),
          hardSigmoid: scoreLeagueRun('hard-sigmoid', seed, d),
          tanh: scoreLeagueRun('tanh', seed, d),
          relu: scoreLeagueRun('relu', seed, d),
        };
      },
      holds: (f) => f.sigmoid! < 0.15 && f.hardSigmoid! < 0.15 && f.tanh! > 0.85 && f.relu! > 0.85,
    },
  ];
}
