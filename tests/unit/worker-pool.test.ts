/** The league tables' shared fan-out: how many workers, and the count of runs and workers done. */
import { describe, expect, it } from 'vitest';
import { poolSize, tally, threadsLabel } from '../../src/widgets/shared/worker-pool.ts';

describe('poolSize', () => {
  it.each([
    [undefined, 2],
    [0, 2],
    [Number.NaN, 2],
    [1, 2],
    [2, 2],
    [3, 3],
    [3.5, 3],
    [16, 4],
  ])('a device reporting %s cores gets %i workers (at least 2, at most 4)', (cores, expected) => {
    expect(poolSize(cores, { min: 2, max: 4 })).toBe(expected);
  });

  it('honours an explicit request from 1 to the maximum, and ignores a bad one', () => {
    expect(poolSize(8, { min: 2, max: 4, requested: 1 })).toBe(1);
    expect(poolSize(1, { min: 2, max: 4, requested: 3 })).toBe(3);
    expect(poolSize(8, { min: 2, max: 4, requested: 9 })).toBe(4);
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      expect(poolSize(8, { min: 2, max: 4, requested: bad })).toBe(4);
    }
  });

  it('never starts fewer than one worker', () => {
    expect(poolSize(undefined, { min: 1, max: 4 })).toBe(1);
    expect(poolSize(0, { min: 0, max: 4 })).toBe(1);
  });
});

describe('tally', () => {
  it('counts runs and finished workers, and ignores result messages', () => {
    const types = ['run', 'row', 'run', 'done', 'run', 'row', 'done'];
    const end = types.reduce(tally, { runs: 0, finished: 0 });
    expect(end).toEqual({ runs: 3, finished: 2 });
  });
});

it('labels the thread count in words', () => {
  expect(threadsLabel(1)).toBe('1 background thread');
  expect(threadsLabel(2)).toBe('2 background threads');
});
