/**
 * The claims of the lesson demos, one list per preset (presets.ts), each a predicate over what
 * the preset's own lanes measure after a fixed number of epochs (demo-run.ts, the worker's session
 * code). `npm run claims` runs them over twenty seeds; the figure on the page quotes the result.
 * A preset without a claim is a type error: every demo must say what it shows.
 */
import type { Claim } from '../../lib/claims.ts';
import { epochsUntil, lane, runDemo, type LaneRun } from './demo-run.ts';
import { demoPresets, type DemoId } from './presets.ts';

/** What a demo claim declares; the harness fields (lesson, figure, measure) are derived. */
interface DemoClaimSpec {
  /** See {@link Claim.id}. */
  readonly id: string;
  /** See {@link Claim.statement}. */
  readonly statement: string;
  /** Epochs every lane trains before it is judged. */
  readonly epochs: number;
  /** The figures judged, from the trained lanes. */
  readonly figures: (runs: readonly LaneRun[]) => Record<string, number>;
  /** See {@link Claim.holds}. */
  readonly holds: (f: Readonly<Record<string, number>>) => boolean;
}

/** Lesson slug (the URL `/lessons/<slug>/`) of the page each demo appears on. */
const demoLesson: Record<DemoId, string> = {
  'linear-vs-nonlinear': 'introduction',
  'step-vs-sigmoid': 'sigmoid',
  'vanishing-gradients': 'sigmoid',
  'dead-relu': 'relu',
  'zero-centring': 'tanh',
  'centring-deep': 'tanh',
  'tanh-saturation': 'tanh',
};

/** Gradient norm of a lane's first layer over its output layer's, on the last epoch. */
export function gradientRatio(run: LaneRun): number {
  const g = run.snapshot.gradNorms;
  return g[0]! / g[g.length - 1]!;
}

/**
 * The largest change of any hidden-layer parameter (weights and biases) or output-layer
 * parameter between the lane's first and last epoch. The flat parameter vector is
 * `[W1 b1 … WL bL]` (mlp.ts), so the output layer is its last `in·out + out` entries before any
 * PReLU slopes.
 */
export function parameterShift(run: LaneRun): { hidden: number; output: number } {
  const sizes = run.before.spec.sizes;
  const layerCount = (l: number): number => sizes[l]! * sizes[l + 1]! + sizes[l + 1]!;
  const hiddenEnd = sizes.slice(0, -2).reduce((n, _, l) => n + layerCount(l), 0);
  const outputEnd = hiddenEnd + layerCount(sizes.length - 2);
  const shift = (from: number, to: number): number => {
    let max = 0;
    for (let k = from; k < to; k++)
      max = Math.max(max, Math.abs((run.after.params[k] ?? NaN) - (run.before.params[k] ?? NaN)));
    return max;
  };
  return { hidden: shift(0, hiddenEnd), output: shift(hiddenEnd, outputEnd) };
}

/** Units of a lane's hidden layers counted by a per-layer fraction (dead or inactive). */
function hiddenUnits(run: LaneRun, fractions: Float64Array): number {
  return run.snapshot.units.reduce((n, u, l) => n + Math.round((fractions[l] ?? 0) * u), 0);
}

/** The largest per-layer fraction over a lane's hidden layers. */
function worstLayer(run: LaneRun, fractions: Float64Array): number {
  return Math.max(...run.snapshot.units.map((_, l) => fractions[l] ?? 0));
}

/** Final training loss of each centring lane, by a short name for the claims table. */
function centringLosses(runs: readonly LaneRun[]): Record<string, number> {
  return {
    sigmoidLoss: lane(runs, 'sigmoid').snapshot.trainLoss,
    centredSigmoidLoss: lane(runs, 'σ(x) − ½').snapshot.trainLoss,
    shiftedTanhLoss: lane(runs, 'tanh + 1').snapshot.trainLoss,
    tanhLoss: lane(runs, 'tanh').snapshot.trainLoss,
  };
}

/**
 * Every demo's claims, by preset. Claims of one demo judge the same trained lanes, so each
 * (demo, seed, epochs) is trained once per call of this factory and shared: the cache lives as long
 * as the claims it serves, one harness run, and no longer.
 */
export function createDemoClaims(): Record<DemoId, readonly Claim[]> {
  const trained = new Map<string, LaneRun[]>();
  const runsOf = (demo: DemoId, seed: number, epochs: number): LaneRun[] => {
    const key = `${demo}|${seed}|${epochs}`;
    let runs = trained.get(key);
    if (runs === undefined) {
      runs = runDemo(demoPresets[demo], seed, epochs);
      trained.set(key, runs);
    }
    return runs;
  };
  /** Turns a spec into a harness claim on the demo's figure (`#fig-demo-<id>`). */
  const demoClaim = (demo: DemoId, spec: DemoClaimSpec): Claim => ({
    id: spec.id,
    lesson: demoLesson[demo],
    figure: `demo-${demo}`,
    statement: spec.statement,
    measure: (seed) => spec.figures(runsOf(demo, seed, spec.epochs)),
    holds: spec.holds,
  });
  return {
    'linear-vs-nonlinear': [
      demoClaim('linear-vs-nonlinear', {
        id: 'linear-cannot-bend',
        statement:
          'After 200 epochs the linear network still draws one straight line (test accuracy below 80%), while the tanh network separates the circle (above 95%).',
        epochs: 200,
        figures: (runs) => ({
          linearAccuracy: lane(runs, 'linear').snapshot.testAccuracy,
          tanhAccuracy: lane(runs, 'tanh').snapshot.testAccuracy,
        }),
        holds: (f) => f.linearAccuracy! < 0.8 && f.tanhAccuracy! > 0.95,
      }),
    ],
    'step-vs-sigmoid': [
      demoClaim('step-vs-sigmoid', {
        id: 'step-hidden-weights-never-move',
        statement:
          'After 200 epochs every hidden weight and bias of the step network is exactly where it started, while its output layer has moved; the sigmoid network started from the same weights has moved its hidden layers.',
        epochs: 200,
        figures: (runs) => {
          const step = parameterShift(lane(runs, 'step'));
          const sigmoid = parameterShift(lane(runs, 'sigmoid'));
          return {
            stepHiddenShift: step.hidden,
            stepOutputShift: step.output,
            sigmoidHiddenShift: sigmoid.hidden,
          };
        },
        holds: (f) =>
          f.stepHiddenShift === 0 && f.stepOutputShift! > 0 && f.sigmoidHiddenShift! > 0.1,
      }),
      demoClaim('step-vs-sigmoid', {
        id: 'step-network-stays-near-chance',
        statement:
          'After 200 epochs the step network is near chance (test accuracy below 70%) and the sigmoid network has learned the circle (above 95%).',
        epochs: 200,
        figures: (runs) => ({
          stepAccuracy: lane(runs, 'step').snapshot.testAccuracy,
          sigmoidAccuracy: lane(runs, 'sigmoid').snapshot.testAccuracy,
        }),
        holds: (f) => f.stepAccuracy! < 0.7 && f.sigmoidAccuracy! > 0.95,
      }),
    ],
    'vanishing-gradients': [
      demoClaim('vanishing-gradients', {
        id: 'sigmoid-gradients-vanish',
        statement:
          'After 200 epochs the sigmoid network’s first layer gets a gradient under 1/1000 of its output layer’s, and it has not learned the circle (test accuracy below 60%).',
        epochs: 200,
        figures: (runs) => {
          const sigmoid = lane(runs, 'sigmoid');
          return {
            sigmoidRatio: gradientRatio(sigmoid),
            sigmoidAccuracy: sigmoid.snapshot.testAccuracy,
          };
        },
        holds: (f) => f.sigmoidRatio! < 1e-3 && f.sigmoidAccuracy! < 0.6,
      }),
      demoClaim('vanishing-gradients', {
        id: 'tanh-relu-gradients-reach-first-layer',
        statement:
          'In the same network, tanh’s and ReLU’s first layers get more than 1/10 of their output layer’s gradient, and both learn the circle (test accuracy above 90%).',
        epochs: 200,
        figures: (runs) => {
          const tanh = lane(runs, 'tanh');
          const relu = lane(runs, 'relu');
          return {
            tanhRatio: gradientRatio(tanh),
            reluRatio: gradientRatio(relu),
            tanhAccuracy: tanh.snapshot.testAccuracy,
            reluAccuracy: relu.snapshot.testAccuracy,
          };
        },
        holds: (f) =>
          f.tanhRatio! > 0.1 &&
          f.reluRatio! > 0.1 &&
          f.tanhAccuracy! > 0.9 &&
          f.reluAccuracy! > 0.9,
      }),
    ],
    'dead-relu': [
      demoClaim('dead-relu', {
        id: 'relu-units-die',
        statement:
          'After 200 epochs at least half the units of some ReLU hidden layer are dead: their derivative is 0 on every training input, so no gradient reaches their weights. Where a whole layer is dead, the network stays near chance (test accuracy below 70%).',
        epochs: 200,
        figures: (runs) => {
          const relu = lane(runs, 'relu');
          return {
            reluWorstLayerDead: worstLayer(relu, relu.snapshot.dead),
            reluDeadUnits: hiddenUnits(relu, relu.snapshot.dead),
            reluAccuracy: relu.snapshot.testAccuracy,
          };
        },
        holds: (f) =>
          f.reluWorstLayerDead! >= 0.5 && (f.reluWorstLayerDead! < 1 || f.reluAccuracy! < 0.7),
      }),
      demoClaim('dead-relu', {
        id: 'leaky-prelu-inactive-not-dead',
        statement:
          'After 200 epochs no Leaky ReLU or PReLU unit is dead, though both networks have inactive units (negative on every training input) that still pass a gradient.',
        epochs: 200,
        figures: (runs) => {
          const leaky = lane(runs, 'leaky-relu');
          const prelu = lane(runs, 'prelu');
          return {
            leakyDeadUnits: hiddenUnits(leaky, leaky.snapshot.dead),
            leakyInactiveUnits: hiddenUnits(leaky, leaky.snapshot.inactive),
            preluDeadUnits: hiddenUnits(prelu, prelu.snapshot.dead),
            preluInactiveUnits: hiddenUnits(prelu, prelu.snapshot.inactive),
            leakyAccuracy: leaky.snapshot.testAccuracy,
            preluAccuracy: prelu.snapshot.testAccuracy,
          };
        },
        holds: (f) =>
          f.leakyDeadUnits === 0 &&
          f.preluDeadUnits === 0 &&
          f.leakyInactiveUnits! > 0 &&
          f.preluInactiveUnits! > 0,
      }),
      demoClaim('dead-relu', {
        id: 'prelu-slope-goes-negative',
        statement:
          'After 200 epochs PReLU has learned a negative slope in at least one hidden layer: those units no longer leak a little below zero but turn back up, like |x|.',
        epochs: 200,
        figures: (runs) => {
          const slopes = lane(runs, 'prelu').snapshot.slopes;
          return { preluSlope1: slopes[0]!, preluSlope2: slopes[1]! };
        },
        holds: (f) => Math.min(f.preluSlope1!, f.preluSlope2!) < 0,
      }),
    ],
    'zero-centring': [
      demoClaim('zero-centring', {
        id: 'centring-slope-explains-gap',
        statement:
          'After 200 epochs both slope-1 networks (tanh and tanh + 1) end with a training loss less than a tenth of both slope-¼ networks (sigmoid and σ(x) − ½), whether or not their outputs are centred.',
        epochs: 200,
        figures: centringLosses,
        holds: (f) =>
          10 * Math.max(f.tanhLoss!, f.shiftedTanhLoss!) <
          Math.min(f.sigmoidLoss!, f.centredSigmoidLoss!),
      }),
    ],
    'centring-deep': [
      {
        id: 'centring-matters-deep',
        lesson: demoLesson['centring-deep'],
        figure: 'demo-centring-deep',
        statement:
          'In four layers of twelve units with a learning rate of 0.5, σ(x) − ½ and tanh reach 95% test accuracy within 200 epochs; sigmoid, with the slope of σ(x) − ½ but always positive, does not.',
        // Epoch figures: the first epoch, checked every 10, with test accuracy above 95%; Infinity
        // when a lane had not got there by epoch 300.
        measure: (seed) => {
          const first = epochsUntil(
            demoPresets['centring-deep'],
            seed,
            300,
            10,
            (s) => s.testAccuracy > 0.95,
          );
          return {
            sigmoidEpochs: first.get('sigmoid')!,
            centredSigmoidEpochs: first.get('σ(x) − ½')!,
            shiftedTanhEpochs: first.get('tanh + 1')!,
            tanhEpochs: first.get('tanh')!,
          };
        },
        holds: (f) =>
          f.centredSigmoidEpochs! <= 200 && f.tanhEpochs! <= 200 && f.sigmoidEpochs! > 200,
      },
    ],
    'tanh-saturation': [
      demoClaim('tanh-saturation', {
        id: 'tanh-saturates-with-bias-2',
        statement:
          'After 200 epochs the tanh network whose biases started at 2 gives its first layer under 1/1000 of its output layer’s gradient and stays near chance (test accuracy below 60%); started at 0, the first layer gets more than 1/10 and the network learns the circle (above 90%).',
        epochs: 200,
        figures: (runs) => {
          const healthy = lane(runs, 'tanh, biases start at 0');
          const saturated = lane(runs, 'tanh, biases start at 2');
          return {
            saturatedRatio: gradientRatio(saturated),
            saturatedAccuracy: saturated.snapshot.testAccuracy,
            healthyRatio: gradientRatio(healthy),
            healthyAccuracy: healthy.snapshot.testAccuracy,
          };
        },
        holds: (f) =>
          f.saturatedRatio! < 1e-3 &&
          f.saturatedAccuracy! < 0.6 &&
          f.healthyRatio! > 0.1 &&
          f.healthyAccuracy! > 0.9,
      }),
    ],
  };
}
