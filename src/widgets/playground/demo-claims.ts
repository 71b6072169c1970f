/**
 * The claims of the lesson demos, one list per preset (presets.ts), each a predicate over what
 * the preset's own lanes measure after a fixed number of epochs (demo-run.ts, the worker's session
 * code). `npm run claims` runs them over twenty seeds; the figure on the page quotes the result.
 * A preset without a claim is a type error: every demo must say what it shows.
 */
import type { Claim } from '../../lib/claims.ts';
import { lane, runDemo, type LaneRun } from './demo-run.ts';
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
  'vanishing-gradients': 'sigmoid',
  'dead-relu': 'relu',
  'zero-centring': 'tanh',
};

/** Turns a spec into a harness claim on the demo's figure (`#fig-demo-<id>`). */
function demoClaim(demo: DemoId, spec: DemoClaimSpec): Claim {
  return {
    id: spec.id,
    lesson: demoLesson[demo],
    figure: `demo-${demo}`,
    statement: spec.statement,
    measure: (seed) => spec.figures(runDemo(demoPresets[demo], seed, spec.epochs)),
    holds: spec.holds,
  };
}

/** Gradient norm of a lane's first layer over its output layer's, on the last epoch. */
export function gradientRatio(run: LaneRun): number {
  const g = run.snapshot.gradNorms;
  return g[0]! / g[g.length - 1]!;
}

/** Every demo's claims, by preset. */
export const demoClaims: Record<DemoId, readonly Claim[]> = {
  'linear-vs-nonlinear': [
    demoClaim('linear-vs-nonlinear', {
      id: 'linear-cannot-bend',
      statement: 'After 200 epochs the linear network still draws one straight line (test accuracy below 80%), while the tanh network separates the circle (above 95%).',
      epochs: 200,
      figures: (runs) => ({
        linearAccuracy: lane(runs, 'linear').snapshot.testAccuracy,
        tanhAccuracy: lane(runs, 'tanh').snapshot.testAccuracy,
      }),
      holds: (f) => f.linearAccuracy! < 0.8 && f.tanhAccuracy! > 0.95,
    }),
  ],
  'vanishing-gradients': [
    demoClaim('vanishing-gradients', {
      id: 'sigmoid-gradients-vanish',
      statement: 'After 200 epochs the sigmoid network’s first layer gets a gradient under 1/1000 of its output layer’s, and it has not learned the circle (test accuracy below 60%).',
      epochs: 200,
      figures: (runs) => {
        const sigmoid = lane(runs, 'sigmoid');
        return { sigmoidRatio: gradientRatio(sigmoid), sigmoidAccuracy: sigmoid.snapshot.testAccuracy };
      },
      holds: (f) => f.sigmoidRatio! < 1e-3 && f.sigmoidAccuracy! < 0.6,
    }),
  ],
  'dead-relu': [],
  'zero-centring': [],
};
