/**
 * The playground's pure parts: the protocol reducer (stale snapshots dropped, divergence pauses,
 * bounded history), the session (seeded, bit-identical replays, divergence detected), the full
 * playground's preset and the Plot builders. The lesson demos' claims are in claims.test.ts.
 */
import { renderPlotToString } from '../../src/build/render-plot.ts';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { activationIds } from '../../src/lib/activations/types.ts';
import { makeDataset } from '../../src/lib/data/index.ts';
import {
  DEMO_GRID,
  GRID,
  THUMB,
  defaultConfig,
  gridPoints,
  type Config,
} from '../../src/widgets/playground/config.ts';
import {
  boundaryOptions,
  deadOptions,
  gradientOptions,
  histogramOptions,
  lossOptions,
} from '../../src/widgets/playground/model.ts';
import { playgroundPreset } from '../../src/widgets/playground/presets.ts';
import {
  MAX_HISTORY,
  initialView,
  reduce,
  type RunSnapshot,
  type ViewState,
  type WorkerMessage,
} from '../../src/widgets/playground/protocol.ts';
import { createSession } from '../../src/widgets/playground/session.ts';

const snap = (epoch: number, loss = 1 / (epoch + 1), diverged = false): RunSnapshot => ({
  epoch,
  trainLoss: loss,
  testLoss: loss,
  trainAccuracy: 0.5,
  testAccuracy: 0.5,
  grid: new Float64Array(4),
  gridSide: 2,
  neurons: new Float64Array(0),
  units: [2],
  sizes: [2, 2, 1],
  params: new Float64Array(9),
  unitHistograms: new Float64Array(80),
  unitFlags: new Float64Array(2),
  gradNorms: Float64Array.of(1, 2),
  histograms: new Float64Array(80),
  dead: new Float64Array(2),
  inactive: new Float64Array(2),
  slopes: Float64Array.of(NaN, NaN),
  diverged,
});
const msg = (gen: number, epoch: number, running = true, diverged = false): WorkerMessage => ({
  type: 'snapshot',
  gen,
  running,
  runs: [snap(epoch, diverged ? NaN : 1 / (epoch + 1), diverged)],
});

describe('reduce', () => {
  it('plays, records snapshots of the current generation, and pauses', () => {
    let s = reduce(initialView(1), { type: 'play' });
    expect(s.status).toBe('running');
    s = reduce(s, msg(1, 5));
    expect(s.runs[0]?.latest?.epoch).toBe(5);
    expect(s.runs[0]?.history.epoch).toEqual([5]);
    s = reduce(s, { type: 'pause' });
    expect(s.status).toBe('paused');
    // A snapshot posted before the worker saw the pause does not restart the run.
    expect(reduce(s, msg(1, 10, true)).status).toBe('paused');
  });

  it('drops snapshots of an older generation after a reset', () => {
    const s = reduce(reduce(reduce(initialView(1), { type: 'play' }), msg(1, 5)), {
      type: 'reset',
    });
    expect(s.gen).toBe(2);
    expect(s.status).toBe('idle');
    expect(s.runs[0]?.latest).toBeNull();
    expect(reduce(s, msg(1, 6))).toBe(s);
    expect(reduce(s, { type: 'error', gen: 1, message: 'old' })).toBe(s);
  });

  it('pauses with a message on divergence and refuses to play until reset', () => {
    let s = reduce(reduce(initialView(1), { type: 'play' }), msg(1, 3, false, true));
    expect(s.status).toBe('diverged');
    expect(s.message).toMatch(/diverged/);
    s = reduce(s, { type: 'play' });
    expect(s.status).toBe('diverged');
    expect(reduce(s, { type: 'reset' }).message).toBe('');
  });

  it('keeps histories bounded and the newest entry (fuzz)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.constant('play'), fc.constant('pause'), fc.constant('reset'), fc.nat(3)),
          { maxLength: 1200 },
        ),
        (events) => {
          let s: ViewState = initialView(1);
          let epoch = 0;
          for (const e of events) {
            if (typeof e === 'number') {
              epoch++;
              const next = reduce(s, msg(s.gen - e, epoch));
              if (e !== 0) expect(next).toBe(s);
              s = next;
            } else s = reduce(s, { type: e });
            expect(s.runs[0]!.history.epoch.length).toBeLessThanOrEqual(MAX_HISTORY);
          }
          const h = s.runs[0]!.history;
          if (s.runs[0]!.latest) expect(h.epoch.at(-1)).toBe(s.runs[0]!.latest.epoch);
          expect([...h.epoch].sort((a, b) => a - b)).toEqual(h.epoch);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('session', () => {
  const run = (config: Config, epochs: number) => {
    const s = createSession([config]);
    for (let e = 0; e < epochs; e++) s.step(1);
    return s.snapshot()[0]!;
  };

  it('replays a seed bit for bit and differs for another seed', () => {
    const a = run(defaultConfig, 5);
    const b = run(defaultConfig, 5);
    expect(b.trainLoss).toBe(a.trainLoss);
    expect(b.testLoss).toBe(a.testLoss);
    expect(Array.from(b.grid)).toEqual(Array.from(a.grid));
    expect(run({ ...defaultConfig, seed: 2 }, 5).trainLoss).not.toBe(a.trainLoss);
  });

  it('snapshots have the advertised sizes', () => {
    const s = run({ ...defaultConfig, layers: 3, width: 5 }, 1);
    expect(s.grid.length).toBe(DEMO_GRID * DEMO_GRID);
    expect(createSession([defaultConfig], undefined, GRID).snapshot()[0]!.grid.length).toBe(
      GRID * GRID,
    );
    expect(s.units).toEqual([5, 5, 5]);
    expect(s.neurons.length).toBe(15 * THUMB * THUMB);
    expect(s.gradNorms.length).toBe(4);
    expect(s.gradNorms.every((g) => g > 0)).toBe(true);
    expect(gridPoints(2)).toEqual(Float64Array.of(-3, 3, 3, 3, -3, -3, 3, -3));
  });

  it('detects divergence (lr 10) and then stops training', () => {
    const s = createSession([{ ...defaultConfig, lr: 10 }]);
    for (let e = 0; e < 50 && !s.diverged; e++) s.step(1);
    expect(s.diverged).toBe(true);
    const at = s.snapshot()[0]!;
    expect(at.diverged).toBe(true);
    s.step(5);
    expect(s.snapshot()[0]!.epoch).toBe(at.epoch);
  });

  it('passes L1 and L2 through to training: each penalty changes the run', () => {
    const plain = run(defaultConfig, 5).trainLoss;
    expect(run({ ...defaultConfig, l1: 0.01 }, 5).trainLoss).not.toBe(plain);
    expect(run({ ...defaultConfig, l2: 0.01 }, 5).trainLoss).not.toBe(plain);
    expect(run({ ...defaultConfig, l1: 0.01 }, 5).trainLoss).toBe(
      run({ ...defaultConfig, l1: 0.01 }, 5).trainLoss,
    );
  });

  it('builds a network for every activation', () => {
    for (const act of activationIds) expect(run({ ...defaultConfig, act }, 1).epoch).toBe(1);
  });
});

describe('presets', () => {
  const train = (runs: readonly Config[], epochs: number) => {
    const s = createSession(runs);
    for (let e = 0; e < epochs / 5; e++) s.step(5);
    return s.snapshot();
  };

  it('the full playground learns the circle by default', () => {
    expect(train([playgroundPreset.base], 200)[0]!.testAccuracy).toBeGreaterThan(0.95);
  });
  // What each lesson demo shows is a claim in demo-claims.ts, run over ten seeds by claims.test.ts.
});

describe('plot builders', () => {
  const data = makeDataset({ kind: 'circle', n: 20, noise: 0, seed: 1, testFraction: 0.3 });
  const s = createSession([defaultConfig]);
  s.step(2);
  const shot = s.snapshot()[0]!;

  it('the boundary draws its field and points as a few paths, not an element per cell or point', () => {
    const svg = renderPlotToString(
      boundaryOptions({
        grid: shot.grid,
        side: GRID,
        train: data.train,
        test: data.test,
        width: 300,
        cells: true,
        description: 'd',
      }),
    );
    expect(svg).not.toMatch(/<(rect|circle)/);
    // 4 point paths, at most 2 colours x 8 opacity steps of field, and the axes' ticks.
    expect((svg.match(/<path/g) ?? []).length).toBeLessThan(50);
    const points = (svg.match(/a3,3 0 1,0 6,0/g) ?? []).length;
    expect(points).toBe(data.train.n + data.test.n);
  });

  it('build options without touching a DOM', () => {
    const base = {
      grid: shot.grid,
      side: GRID,
      train: data.train,
      test: data.test,
      width: 300,
      description: 'd',
    };
    // The field, then training and test points, one mark per class.
    expect(boundaryOptions({ ...base, cells: true }).marks?.filter(Boolean)).toHaveLength(5);
    expect(boundaryOptions({ ...base, cells: false }).marks?.filter(Boolean)).toHaveLength(4);
    const history = {
      epoch: [1, 2],
      train: [0.5, 0.4],
      test: [0.6, 0.5],
      grad: [
        [1, 0.1, 0.01],
        [1, 0.1, 0.01],
      ],
    };
    expect(lossOptions([history], [''], 300).marks).toHaveLength(2);
    expect(gradientOptions(history, 300).y?.type).toBe('log');
    expect(histogramOptions(shot.histograms, ['tanh', 'tanh', 'linear'], 300).fy?.domain).toEqual([
      'hidden 1',
      'hidden 2',
      'output',
    ]);
    expect(deadOptions(shot.dead, shot.inactive, shot.units, 300).y?.domain).toEqual([
      'hidden 1 inactive',
      'hidden 1 dead',
      'hidden 2 inactive',
      'hidden 2 dead',
    ]);
  });
});
