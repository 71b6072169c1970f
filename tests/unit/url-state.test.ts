/**
 * URL state: round trip, garbage in gives defaults with a notice, other namespaces untouched,
 * and a fast-check fuzz over arbitrary query strings.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  defaultValues,
  parseParams,
  parseRecord,
  serializeParams,
  figureNamespace,
  unclaimedSettings,
  unclaimedSettingsNotice,
  type ParamTable,
} from '../../src/lib/url-state.ts';
import { configTable, tableFor, type Config } from '../../src/widgets/playground/config.ts';
import { configArbitrary } from './playground-arbitraries.ts';
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
    fc.assert(
      fc.property(configArbitrary, (config) => {
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

const lists = {
  shape: {
    kind: 'list',
    item: { min: 1, max: 16 },
    minItems: 1,
    maxItems: 3,
    maxLength: 12,
    default: '',
  },
  feat: {
    kind: 'list',
    item: { values: ['a', 'b', 'c'] },
    minItems: 1,
    maxItems: 3,
    maxLength: 20,
    set: true,
    default: 'a',
  },
  n: { kind: 'number', min: 0, max: 5, integer: true, default: 1 },
} as const satisfies ParamTable;

describe('list parameters', () => {
  it('read a list of whole numbers and a set of ids as written', () => {
    const { values, notices } = parseParams(lists, 'x.shape=4,16,1&x.feat=a,c', 'x');
    expect(values).toEqual({ shape: '4,16,1', feat: 'a,c', n: 1 });
    expect(notices).toEqual([]);
    expect(parseParams(lists, 'x.shape=&x.feat=', 'x').values).toEqual({
      shape: '',
      feat: '',
      n: 1,
    });
  });

  it.each([
    ['x.shape=0', 'not a whole number from 1 to 16'],
    ['x.shape=17', 'not a whole number from 1 to 16'],
    ['x.shape=04', 'not a whole number from 1 to 16'],
    ['x.shape=1.5', 'not a whole number from 1 to 16'],
    ['x.shape=1,,2', 'an empty item'],
    ['x.shape=1,2,3,4', 'has 4 items, not 1 to 3'],
    ['x.shape=1,2,3,4,5,6,7', 'longer than 12 characters'],
    ['x.feat=d', 'not one of a, b, c'],
    ['x.feat=a,', 'an empty item'],
  ])('%s falls back to the default, saying why', (query, why) => {
    const { values, notices } = parseParams(lists, query, 'x');
    expect(values).toEqual(defaultValues(lists));
    expect(notices).toHaveLength(1);
    expect(notices[0]?.message).toContain(why);
  });

  it('write a set once per id, in declared order, with a notice when the link did not', () => {
    const { values, notices } = parseParams(lists, 'x.feat=c,a,c', 'x');
    expect(values.feat).toBe('a,c');
    expect(notices.map((n) => n.message)).toEqual([
      'Adjusted x.feat: written as a,c (each once, in order).',
    ]);
  });

  it('never throw and always give a valid value (fuzz)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (shape, feat) => {
        const query = new URLSearchParams({ 'x.shape': shape, 'x.feat': feat }).toString();
        const { values } = parseParams(lists, query, 'x');
        const widths = values.shape === '' ? [] : values.shape.split(',').map(Number);
        expect(widths.length).toBeLessThanOrEqual(3);
        for (const w of widths) expect(Number.isInteger(w) && w >= 1 && w <= 16).toBe(true);
        const ids = values.feat === '' ? [] : values.feat.split(',');
        expect(ids).toEqual(['a', 'b', 'c'].filter((id) => ids.includes(id)));
      }),
    );
  });
});

describe('parseRecord: values from controls or a file, without a query string', () => {
  it('checks each value as parseParams does, and says which keys were given', () => {
    const record = { act: 'relu', lr: '0.5', seed: 7 };
    const parsed = parseRecord(table, record, 'train');
    expect(parsed.values).toEqual({ act: 'relu', lr: 0.5, seed: 7 });
    expect(parsed.notices).toEqual([]);
    expect(parsed.given).toEqual(['act', 'lr', 'seed']);
  });

  it('gives the same values and notices as the query string with the same values (fuzz)', () => {
    const raw = fc.oneof(fc.string(), fc.constantFrom('relu', '0.5', '3', '-0', '1e999', ''));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('act', 'lr', 'seed', 'bogus'), raw), (record) => {
        const query = new URLSearchParams(
          Object.entries(record).map(([k, v]) => [`train.${k}`, v]),
        ).toString();
        const fromRecord = parseRecord(table, record, 'train');
        const fromQuery = parseParams(table, query, 'train');
        expect(fromRecord.values).toEqual(fromQuery.values);
        expect(fromRecord.notices).toEqual(fromQuery.notices);
      }),
    );
  });

  it('checks a number as the number it is, and names bare keys without a namespace', () => {
    expect(parseRecord(table, { lr: 0.25 }).values.lr).toBe(0.25);
    const bad = parseRecord(table, { seed: 2.5, lr: Infinity, x: 1 });
    expect(bad.values).toEqual(defaultValues(table));
    expect(bad.notices.map((n) => n.message)).toEqual([
      'Ignored seed=2.5: it is not a whole number; using 1.',
      'Ignored lr=Infinity: it is not finite; using 0.03.',
      'Ignored unknown setting x.',
    ]);
    expect(bad.given).toEqual(['seed', 'lr']);
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

describe('settings for a figure the page does not have', () => {
  const page = new Set(['own', 'conclusion-overlay']);

  it('are the namespaced names outside the page’s namespaces, each once, in query order', () => {
    expect(
      unclaimedSettings(
        '?conclusion-cell.f=x&own.f=x&q=relu&utm_source=blog&conclusion-cell.p=a:1&conclusion-cell.f=y',
        page,
      ),
    ).toEqual(['conclusion-cell.f', 'conclusion-cell.p']);
  });

  it('leave out plain names, names of the page’s figures, and anything not shaped namespace.key', () => {
    expect(unclaimedSettings('', page)).toEqual([]);
    expect(unclaimedSettings('q=1&own.vs=relu&.f=1&own.=2&a.b.c=3&x%20y.z=4', page)).toEqual([]);
  });

  it('are judged against each figure’s namespace: the one its markup names, else its figure id', () => {
    expect(figureNamespace({ namespace: 'own', figureId: 'conclusion-cell' })).toBe('own');
    expect(figureNamespace({ figureId: 'relu-explorer' })).toBe('relu-explorer');
    expect(figureNamespace({})).toBeUndefined();
  });

  it('are named in the notice, the first three of more than four, then how many more', () => {
    expect(unclaimedSettingsNotice(['a.f'])).toBe(
      'Ignored a.f: this link names a setting for no figure on this page.',
    );
    expect(unclaimedSettingsNotice(['a.f', 'a.p', 'b.x', 'b.y'])).toBe(
      'Ignored a.f, a.p, b.x and b.y: this link names settings for no figure on this page.',
    );
    expect(unclaimedSettingsNotice(['a.f', 'a.p', 'b.x', 'b.y', 'c.z'])).toBe(
      'Ignored a.f, a.p, b.x and 2 more: this link names settings for no figure on this page.',
    );
  });

  it('never throw, and only ever name what the query holds', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string()), (query, namespaces) => {
        const names = unclaimedSettings(query, new Set(namespaces));
        const given = new Set(new URLSearchParams(query).keys());
        for (const n of names) {
          expect(given.has(n)).toBe(true);
          expect(namespaces).not.toContain(n.split('.')[0]);
        }
        expect(new Set(names).size).toBe(names.length);
      }),
    );
  });
});
