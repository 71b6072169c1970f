/**
 * The pure parts of the "On real data" figures: the URL codec of each experiment, the digit
 * picture, the shifted functions of the centring experiment, one short run (deterministic, and
 * the same code path the worker and the claims use) and the league's ranking.
 */
import { describe, expect, it } from 'vitest';
import { decodeDigits } from '../../src/lib/data/digits.ts';
import { parseParams } from '../../src/lib/url-state.ts';
import { stateFromQuery, queryWithState } from '../../src/widgets/shared/url-codec.ts';
import { digitPaths, firstOfEachClass } from '../../src/widgets/digits/digit-image.ts';
import {
  digitsData,
  experiments,
  laneModel,
  runLane,
} from '../../src/widgets/digits/experiments.ts';
import {
  DIGITS_LEAGUE_RUNS,
  leagueActivations,
  leagueRowOf,
  rankRows,
} from '../../src/widgets/digits/league.ts';
import {
  adjustable,
  digitsUrl,
  experimentDefaults,
  experimentIds,
} from '../../src/widgets/digits/params.ts';

describe('digits URL state', () => {
  it('round-trips every experiment’s adjustable settings and leaves defaults out', () => {
    for (const id of experimentIds) {
      const codec = digitsUrl(id);
      const initial = experimentDefaults[id];
      expect(queryWithState(codec, initial, initial, `digits-${id}`)).toBe('');
      const changed = { ...initial, seed: 7, epochs: 3, lr: 0.3, layers: 5, act: 'tanh' as const };
      const query = queryWithState(codec, initial, changed, `digits-${id}`);
      const back = stateFromQuery(codec, initial, query, `digits-${id}`);
      expect(back.notices).toEqual([]);
      for (const key of adjustable[id]) expect(back.state[key]).toBe(changed[key]);
      // What the experiment does not let a reader change stays at its default.
      for (const key of ['seed', 'epochs', 'lr', 'layers', 'act'] as const)
        if (!adjustable[id].includes(key)) expect(back.state[key]).toBe(initial[key]);
    }
  });

  it('turns garbage into defaults with a notice', () => {
    const { values, notices } = parseParams(
      digitsUrl('dead').table(experimentDefaults.dead),
      'digits-dead.lr=-1&digits-dead.seed=x&digits-dead.act=relu',
      'digits-dead',
    );
    expect(values).toMatchObject({ lr: 1, seed: 1 });
    expect(notices.map((n) => n.param)).toEqual([
      'digits-dead.lr',
      'digits-dead.seed',
      'digits-dead.act',
    ]);
  });
});

describe('digit pictures', () => {
  const images = decodeDigits();

  it('draws each inked pixel once, grouped by grey level', () => {
    const paths = digitPaths(images.levels, 0);
    const squares = paths.reduce((n, p) => n + (p.d.match(/M/g)?.length ?? 0), 0);
    expect(squares).toBe(Array.from(images.levels.subarray(0, 64)).filter((v) => v > 0).length);
    expect(paths.map((p) => p.opacity)).toEqual(
      [...paths.map((p) => p.opacity)].sort((a, b) => a - b),
    );
    expect(paths.at(-1)!.opacity).toBeLessThanOrEqual(1);
  });

  it('reads scaled inputs the same as levels', () => {
    const scaled = Float64Array.from(images.levels.subarray(64, 128), (v) => v / 16);
    expect(digitPaths(scaled, 0, 16)).toEqual(digitPaths(images.levels, 64));
  });

  it('picks the first images of each class in class order', () => {
    const picked = firstOfEachClass(images.labels, 2);
    expect(picked.map((i) => images.labels[i])).toEqual([
      0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9,
    ]);
  });
});

describe('digits experiments', () => {
  const data = digitsData();

  it('builds 64-…-10 softmax networks with the shifted functions of the centring experiment', () => {
    const exp = experiments.centring;
    const [, centred, raised] = exp.lanes(exp.defaults);
    const m = laneModel(exp, centred!, exp.defaults);
    expect(m.spec.sizes).toEqual([64, 64, 64, 10]);
    expect(m.spec.outputActivation).toBe('softmax');
    expect(m.spec.customActivation?.f(0)).toBe(0);
    expect(laneModel(exp, raised!, exp.defaults).spec.customActivation?.f(0)).toBe(1);
    expect(
      laneModel(experiments.depth, exp.lanes(exp.defaults)[0]!, experiments.depth.defaults).spec
        .sizes,
    ).toHaveLength(10);
  });

  it('trains deterministically and reports per-epoch points, stats and the confusion matrix', () => {
    const exp = experiments.dead;
    const params = { ...exp.defaults, epochs: 2, lr: 0.1 };
    const lane = exp.lanes(params)[0]!;
    const seen: number[] = [];
    const a = runLane(exp, lane, params, data, (p) => seen.push(p.epoch));
    const b = runLane(exp, lane, params, data);
    expect(seen).toEqual([1, 2]);
    expect(a.history).toEqual(b.history);
    expect(a.gradNorms).toHaveLength(3);
    expect(a.dead).toHaveLength(2);
    expect(Array.from(a.confusion).reduce((s, v) => s + v, 0)).toBe(360);
    const correct = Array.from({ length: 10 }, (_, i) => a.confusion[i * 11]!).reduce(
      (s, v) => s + v,
      0,
    );
    expect(correct / 360).toBeCloseTo(a.history[1]!.testAccuracy, 12);
    for (const m of a.mistakes) expect(m.predicted).not.toBe(m.label);
    expect(a.mistakes.length).toBe(Math.min(24, 360 - correct));
  });
});

describe('digits league', () => {
  it('holds at least 8 activations × 5 seeds, without the linear function and the step', () => {
    expect(leagueActivations.length).toBeGreaterThanOrEqual(8);
    expect(leagueActivations).not.toContain('step');
    expect(DIGITS_LEAGUE_RUNS).toBe(leagueActivations.length * 5);
  });

  it('ranks by median, then worst seed', () => {
    const rows = [
      leagueRowOf('relu', [0.9, 0.8, 0.95]),
      leagueRowOf('tanh', [0.9, 0.85, 0.91]),
      leagueRowOf('sigmoid', [0.1, 0.1, 0.1]),
    ];
    expect(rankRows(rows).map((r) => r.act)).toEqual(['tanh', 'relu', 'sigmoid']);
    expect(rows[0]).toMatchObject({ median: 0.9, min: 0.8, max: 0.95 });
  });
});
