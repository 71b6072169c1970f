/**
 * URL state: round trip, garbage in gives defaults with a notice, other namespaces untouched,
 * and a fast-check fuzz over arbitrary query strings.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  defaultValues,
  parseParams,
  serializeParams,
  type ParamTable,
} from '../../src/lib/url-state.ts';
import {
  configTable,
  MAX_LAYERS,
  MAX_WIDTH,
  tableFor,
  type Config,
} from '../../src/widgets/playground/config.ts';
import { featureIds } from '../../src/widgets/playground/features.ts';
import {
  maxAddedPoints,
  parsePoints,
  pointsPattern,
  withAddedPoints,
  withPoint,
} from '../../src/widgets/playground/added-points.ts';
import { makeDataset } from '../../src/lib/data/index.ts';

const table = {
  act: { kind: 'enum', values: ['relu', 'tanh', 'sigmoid'], default: 'tanh' },
  lr: { kind: 'number', min: 0, max: 10, default: 0.03 },
  seed: { kind: 'number', min: 0, max: 1000, integer: true, default: 1 },
} as const satisfies ParamTable;

describe('parseParams / serializeParams', () => {
  it('gives the defaults for an empty query, with no notice', () => {
    expect(parseParams(table, '', 'train')).toEqual({
      values: { act: 'tanh', lr: 0.03, seed: 1 },
      notices: [],
    });
  });

  it('reads namespaced values and ignores other namespaces', () => {
    const { values, notices } = parseParams(
      table,
      '?train.act=relu&train.lr=0.5&other.lr=9&x=1',
      'train',
    );
    expect(values).toEqual({ act: 'relu', lr: 0.5, seed: 1 });
    expect(notices).toEqual([]);
  });

  it.each([
    ['train.act=nope', 'train.act'],
    ['train.lr=abc', 'train.lr'],
    ['train.lr=', 'train.lr'],
    ['train.lr=1e999', 'train.lr'],
    ['train.lr=-1', 'train.lr'],
    ['train.lr=11', 'train.lr'],
    ['train.seed=2.5', 'train.seed'],
    ['train.seed=0x10', 'train.seed'],
    ['train.bogus=1', 'train.bogus'],
    ['train.constructor=1', 'train.constructor'],
  ])('garbage %s falls back to the default and is reported', (query, param) => {
    const { values, notices } = parseParams(table, query, 'train');
    expect(values).toEqual(defaultValues(table));
    expect(notices.map((n) => n.param)).toEqual([param]);
    expect(notices[0]?.message).toContain(param);
  });

  it('round-trips, writing only values that differ from the defaults and keeping other parameters', () => {
    const values = { act: 'sigmoid', lr: 0.25, seed: 1 } as const;
    const query = serializeParams(table, values, 'train', 'keep=1&train.seed=5');
    expect(query).toBe('keep=1&train.act=sigmoid&train.lr=0.25');
    expect(parseParams(table, query, 'train').values).toEqual(values);
  });

  it('round-trips every playground config (fuzz)', () => {
    const arb = fc.record(
      Object.fromEntries(
        Object.entries(configTable).map(([k, spec]) => [
          k,
          spec.kind === 'enum'
            ? fc.constantFrom(...spec.values)
            : k === 'expr'
              ? fc
                  .string({ maxLength: spec.kind === 'text' ? spec.maxLength : 0 })
                  .filter((t) => !/\p{Cc}/u.test(t))
              : k === 'exprp'
                ? fc.constantFrom('', 'a:0.5', 'beta:-2,a:1')
                : k === 'shape'
                  ? fc.oneof(
                      fc.constant(''),
                      fc
                        .array(fc.integer({ min: 1, max: MAX_WIDTH }), {
                          minLength: 1,
                          maxLength: MAX_LAYERS,
                        })
                        .map((ws) => ws.join(',')),
                    )
                  : k === 'feat'
                    ? fc.subarray([...featureIds], { minLength: 1 }).map((ids) => ids.join(','))
                    : spec.kind === 'text'
                      ? fc
                          .array(
                            fc.tuple(
                              fc.integer({ min: -600, max: 600 }),
                              fc.integer({ min: -600, max: 600 }),
                              fc.boolean(),
                            ),
                            { maxLength: 5 },
                          )
                          .map((ps) =>
                            ps.reduce(
                              (acc, [x, y, c]) => withPoint(acc, x / 100, y / 100, c, 6),
                              '',
                            ),
                          )
                      : 'integer' in spec && spec.integer
                        ? fc.integer({ min: spec.min, max: spec.max })
                        : fc
                            .double({
                              min: spec.min,
                              max: spec.max,
                              noNaN: true,
                              noDefaultInfinity: true,
                            })
                            .map((v) => (Object.is(v, -0) ? 0 : v)),
        ]),
      ),
    ) as unknown as fc.Arbitrary<Config>;
    fc.assert(
      fc.property(arb, (config) => {
        const query = serializeParams(configTable, config, 'train');
        const parsed = parseParams(configTable, query, 'train');
        expect(parsed.notices).toEqual([]);
        expect(parsed.values).toEqual(config);
      }),
    );
  });

  it('never throws and always yields valid values on arbitrary query strings (fuzz)', () => {
    const key = fc.constantFrom(
      'train.act',
      'train.lr',
      'train.seed',
      'train.x',
      'other.lr',
      'train.',
    );
    const query = fc
      .array(fc.tuple(key, fc.string()), { maxLength: 6 })
      .map((pairs) => new URLSearchParams(pairs).toString());
    fc.assert(
      fc.property(fc.oneof(query, fc.string()), (q) => {
        const { values } = parseParams(table, q, 'train');
        expect(table.act.values).toContain(values.act);
        expect(values.lr).toBeGreaterThanOrEqual(0);
        expect(values.lr).toBeLessThanOrEqual(10);
        expect(Number.isInteger(values.seed)).toBe(true);
      }),
    );
  });

  it('a preset table stores only deviations from the preset', () => {
    const base: Config = { ...defaultValues(configTable), layers: 8, act: 'sigmoid' };
    const t = tableFor(base);
    expect(serializeParams(t, base, 'vanish')).toBe('');
    expect(parseParams(t, 'vanish.seed=4', 'vanish').values).toEqual({ ...base, seed: 4 });
  });
});

describe('points added by clicking', () => {
  it('round-trip through the setting, rounded to 0.01 and clamped to the plot', () => {
    let value = '';
    value = withPoint(value, 1.234, -2.345, true, 6);
    value = withPoint(value, 9, -0.001, false, 6);
    expect(value).toBe('1.23,-2.35,1;6,0,0');
    expect(pointsPattern.test(value)).toBe(true);
    expect(parsePoints(value)).toEqual([
      { x: 1.23, y: -2.35, positive: true },
      { x: 6, y: 0, positive: false },
    ]);
  });

  it('keep only the newest points, so the URL stays bounded', () => {
    let value = '';
    for (let i = 0; i < maxAddedPoints + 7; i++)
      value = withPoint(value, i / 10, 0, i % 2 === 0, 6);
    expect(parsePoints(value)).toHaveLength(maxAddedPoints);
    expect(parsePoints(value)[0]?.x).toBe(0.7);
  });

  it('join the training split only, after the generated points', () => {
    const data = makeDataset({
      kind: 'circle',
      n: 40,
      noise: 0,
      seed: 3,
      testFraction: 0.25,
      labels: 'signed',
    });
    const added = withAddedPoints(data, '1,2,1;-3,4,0');
    expect(added.train.n).toBe(data.train.n + 2);
    expect(added.test).toBe(data.test);
    expect(Array.from(added.train.inputs.slice(-4))).toEqual([1, 2, -3, 4]);
    expect(Array.from(added.train.targets.slice(-2))).toEqual([1, -1]);
  });

  it('a malformed or oversized value falls back to none, with a notice', () => {
    for (const bad of ['1,2', '1,2,3', 'a,b,1', '1,2,1;', `${'1,1,1;'.repeat(200)}1,1,1`]) {
      const parsed = parseParams(configTable, `train.pts=${encodeURIComponent(bad)}`, 'train');
      expect(parsed.values.pts).toBe('');
      expect(parsed.notices).toHaveLength(1);
    }
  });
});
