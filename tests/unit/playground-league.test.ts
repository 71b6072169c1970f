/** The league table's scoring: medians with "never", seeded runs, a real row. */
import { describe, expect, it } from 'vitest';
import { datasetKinds } from '../../src/lib/data/index.ts';
import { LEAGUE, LEAGUE_RUNS, leagueRow, median, scoreRun } from '../../src/widgets/playground/league.ts';

describe('league table', () => {
  it('median ranks never (null) above every number', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([3, null, 1])).toBe(3);
    expect(median([null, null, 1])).toBeNull();
    expect(median([4, 2])).toBe(3);
    expect(median([])).toBeNull();
  });

  it('scores are reproducible and tanh beats linear on the circle', () => {
    const t0 = performance.now();
    const tanh = scoreRun('tanh', 'circle', 1);
    console.log(`one league run: ${(performance.now() - t0).toFixed(0)} ms; full table ${LEAGUE_RUNS} runs`);
    expect(scoreRun('tanh', 'circle', 1)).toEqual(tanh);
    expect(tanh.epochsToTarget).not.toBeNull();
    expect(tanh.testAccuracy).toBeGreaterThan(0.95);
    const linear = scoreRun('linear', 'circle', 1);
    expect(linear.epochsToTarget).toBeNull();
    expect(linear.testAccuracy).toBeLessThan(0.8);
  });

  it('a row has one cell per dataset and counts its runs', () => {
    let runs = 0;
    const row = leagueRow('relu', () => runs++, 20);
    expect(row.cells.map((c) => c.data)).toEqual([...datasetKinds]);
    expect(runs).toBe(datasetKinds.length * LEAGUE.seeds.length);
  });
});
