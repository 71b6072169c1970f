/**
 * URL values beyond what a widget uses: a name given twice reads the first occurrence and says so
 * (the notice naming the value in use), and the playground's added points are brought into the
 * plotted square and down to the documented 50, with a notice that says what was used.
 */
import { describe, expect, it } from 'vitest';
import { parseParams } from '../../src/lib/url-state.ts';
import { namespaceOnly } from '../../src/widgets/shared/url-codec.ts';
import { EXTENT, configTable, defaultConfig } from '../../src/widgets/playground/config.ts';
import {
  clampPoints,
  maxAddedPoints,
  parsePoints,
} from '../../src/widgets/playground/added-points.ts';

const parse = (query: string) => parseParams(configTable, query, 'train');

describe('a name given twice', () => {
  it('train.layers=0&train.layers=100 uses 0 and says so', () => {
    const { values, notices } = parse('train.layers=0&train.layers=100');
    expect(values.layers).toBe(0);
    expect(notices.map((n) => n.message)).toEqual([
      'Ignored train.layers=100: train.layers is given more than once and only the first is read; using 0.',
    ]);
  });

  it('a shared link keeps the occurrence that was read', () => {
    expect(namespaceOnly('train.layers=0&x.y=1&train.layers=100&train.lr=0.1', 'train')).toBe(
      'train.layers=0&train.lr=0.1',
    );
  });

  it('an invalid first occurrence decides too: the default is used, and both notices say so', () => {
    const { values, notices } = parse('train.layers=100&train.layers=3');
    expect(values.layers).toBe(defaultConfig.layers);
    expect(notices.map((n) => n.message)).toEqual([
      'Ignored train.layers=100: it is outside 0…8; using 2.',
      'Ignored train.layers=3: train.layers is given more than once and only the first is read; using 2.',
    ]);
  });
});

describe('added points', () => {
  it('moves points outside the plane to its edge, saying how many', () => {
    const { values, notices } = parse('train.pts=99.99,-99.99,1;1,2,0');
    expect(parsePoints(values.pts)).toEqual([
      { x: EXTENT, y: -EXTENT, positive: true },
      { x: 1, y: 2, positive: false },
    ]);
    expect(notices.map((n) => n.message)).toEqual([
      `Adjusted train.pts: 1 point outside the plotted square (−${EXTENT} to ${EXTENT}) moved to its edge.`,
    ]);
  });

  it('keeps the last 50 of 51 points, saying so', () => {
    const points = Array.from({ length: 51 }, (_, i) => `${(i % 12) - 6},0.5,${i % 2}`);
    const { values, notices } = parse(`train.pts=${points.join(';')}`);
    expect(values.pts).toBe(points.slice(1).join(';'));
    expect(parsePoints(values.pts)).toHaveLength(maxAddedPoints);
    expect(notices.map((n) => n.message)).toEqual([
      `Adjusted train.pts: 51 points given, the playground keeps 50: using the last 50.`,
    ]);
  });

  it('leaves a setting that is already usable exactly as it is, with no notice', () => {
    expect(clampPoints('6,-6,1;0.5,1.25,0', EXTENT)).toEqual({ value: '6,-6,1;0.5,1.25,0' });
    expect(parse('train.pts=6,-6,1').notices).toEqual([]);
  });
});
