/** The league table: cells over every seed with their spread, seeded runs, a real row, and the cells the Conclusion quotes. */
import { describe, expect, it } from 'vitest';
import { checkClaim } from '../../src/lib/claims.ts';
import { allClaims } from '../../src/widgets/claims.ts';
import { activationIds } from '../../src/lib/activations/types.ts';
import {
  LEAGUE,
  LEAGUE_RUNS,
  leagueCell,
  leagueClaims,
  leagueRow,
  median,
  scoreRun,
} from '../../src/widgets/playground/league.ts';
import { leagueShares } from '../../src/widgets/playground/league-plan.ts';

describe('league table', () => {
  it('takes the median of the middle one or two values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 2])).toBe(3);
    expect(median([0.5, 1, 0.25, 0.75])).toBe(0.625);
    expect(() => median([])).toThrow(RangeError);
  });

  it('keeps every seed of a cell in order, with its median and range', () => {
    const cell = leagueCell('spiral', [0.9, 0.5, 0.7]);
    expect(cell).toEqual({
      data: 'spiral',
      accuracies: [0.9, 0.5, 0.7],
      median: 0.7,
      min: 0.5,
      max: 0.9,
    });
  });

  it('deals every activation to exactly one worker, in table order, with no empty share', () => {
    for (const threads of [0, 1, 2, 3, 4, 7, 18, 40]) {
      const shares = leagueShares(activationIds, threads);
      expect(shares).toHaveLength(Math.max(1, Math.min(activationIds.length, threads)));
      expect(shares.flat().sort()).toEqual([...activationIds].sort());
      for (const share of shares) {
        expect(share.length).toBeGreaterThan(0);
        expect(share).toEqual(
          [...share].sort((a, b) => activationIds.indexOf(a) - activationIds.indexOf(b)),
        );
      }
    }
    expect(leagueShares(activationIds, 4).map((s) => s.length)).toEqual([5, 5, 4, 4]);
  });

  it('runs at least ten seeds per cell', () => {
    expect(LEAGUE.seeds.length).toBeGreaterThanOrEqual(10);
    expect(LEAGUE_RUNS).toBe(18 * LEAGUE.datasets.length * LEAGUE.seeds.length);
  });

  it('scores are reproducible, and the linear network cannot learn the circle that tanh learns', () => {
    const t0 = performance.now();
    const tanh = scoreRun('tanh', 'circle', 1);
    console.log(
      `one league run: ${(performance.now() - t0).toFixed(0)} ms; full table ${LEAGUE_RUNS} runs`,
    );
    expect(scoreRun('tanh', 'circle', 1)).toBe(tanh);
    expect(tanh).toBeGreaterThan(0.95);
    expect(scoreRun('linear', 'circle', 1)).toBeLessThan(0.8);
  });

  it('a row has one cell per dataset, one score per seed, and counts its runs', () => {
    let runs = 0;
    const row = leagueRow('relu', () => runs++, 5);
    expect(row.cells.map((c) => c.data)).toEqual([...LEAGUE.datasets]);
    for (const c of row.cells) expect(c.accuracies).toHaveLength(LEAGUE.seeds.length);
    expect(runs).toBe(LEAGUE.datasets.length * LEAGUE.seeds.length);
  });

  // The Conclusion says the seeds of one function can disagree by more than the functions do:
  // ReLU's spiral cell, over the table's own seeds, is the example it names.
  it('ReLU on the spiral spreads over more than 25 points of accuracy across the table’s seeds', () => {
    const cell = leagueCell(
      'spiral',
      LEAGUE.seeds.map((seed) => scoreRun('relu', 'spiral', seed)),
    );
    expect(cell.max - cell.min).toBeGreaterThan(0.25);
  });

  it('registers its claims with the harness, and they measure what they state', () => {
    const ids = allClaims().map((c) => c.id);
    for (const c of leagueClaims) expect(ids).toContain(c.id);
    const r = checkClaim(
      leagueClaims.find((c) => c.id === 'league-spiral-gelu-beats-tanh')!,
      [1],
    );
    expect(r.figures[0]!.gelu).toBe(scoreRun('gelu', 'spiral', 1));
  });
});
