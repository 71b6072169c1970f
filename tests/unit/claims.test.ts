/**
 * Claims as data: the harness (src/lib/claims.ts) on a synthetic claim, then the quick form of
 * `npm run claims`: every registered claim on seeds 1-10, failing any that holds on fewer than 9
 * (those on the real digits in claims-digits.test.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allClaimResults } from '../../src/build/claim-results.ts';
import { checkClaim, claimsMarkdown, formatFigure, type Claim } from '../../src/lib/claims.ts';
import { allClaims } from '../../src/widgets/claims.ts';
import { defineClaimRuns, isDeepClaim, isDigitsClaim } from '../support/claim-runs.ts';

const evenSeeds: Claim = {
  id: 'even-seeds',
  lesson: 'test',
  figure: 'demo-test',
  statement: 'The seed is even | or so it says',
  measure: (seed) => ({ seed, half: seed / 2 }),
  holds: (f) => f.seed! % 2 === 0,
};

describe('claims harness', () => {
  it('runs a claim per seed and records where it held, figures in seed order', () => {
    const r = checkClaim(evenSeeds, [3, 4, 5, 6]);
    expect(r.seeds).toEqual([3, 4, 5, 6]);
    expect(r.held).toEqual([4, 6]);
    expect(r.figures.map((f) => f.seed)).toEqual([3, 4, 5, 6]);
    expect(r).toMatchObject({ id: 'even-seeds', lesson: 'test', figure: 'demo-test' });
  });

  it('names the claim and seed when a measurement throws', () => {
    const broken: Claim = {
      ...evenSeeds,
      measure: (seed) => {
        if (seed === 2) throw new Error('boom');
        return { seed };
      },
    };
    expect(() => checkClaim(broken, [1, 2])).toThrow('claim even-seeds, seed 2: boom');
  });

  it('tabulates held over tried and each figure’s range, escaping pipes', () => {
    const md = claimsMarkdown([checkClaim(evenSeeds, [1, 2, 3, 4])]);
    const lines = md.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain('| 2 / 4 |');
    expect(lines[2]).toContain('seed 1 to 4; half 0.5 to 2');
    expect(lines[2]).toContain('even \\| or so');
    expect(lines[2]).toContain('#fig-demo-test');
  });

  it('formats figures readably across scales', () => {
    expect(formatFigure(0.98765)).toBe('0.988');
    expect(formatFigure(3.2e-9)).toBe('3.2e-9');
    expect(formatFigure(12)).toBe('12');
    expect(formatFigure(NaN)).toBe('NaN');
  });
});

describe('registered claims', () => {
  const claims = allClaims();

  it('have unique kebab-case ids and name a lesson and figure', () => {
    expect(new Set(claims.map((c) => c.id)).size).toBe(claims.length);
    for (const c of claims) {
      expect(c.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(c.lesson).toMatch(/^[a-z0-9-]+$/);
      expect(c.figure).toMatch(/^[a-z0-9-]+$/);
    }
  });

  it('each names a figure its lesson places', () => {
    const files = readdirSync('content/lessons');
    for (const c of claims) {
      const file = files.find((f) => f.replace(/^\d+-/, '') === `${c.lesson}.mdx`);
      expect(file, `lesson ${c.lesson} of ${c.id}`).toBeDefined();
      const mdx = readFileSync(`content/lessons/${file}`, 'utf8');
      const placed =
        mdx.includes(`id="${c.figure}"`) ||
        mdx.includes(`demo="${c.figure.replace(/^demo-/, '')}"`);
      expect(placed, `figure ${c.figure} of ${c.id} in ${file}`).toBe(true);
    }
  });

  it('each has its committed result, with the statement the page quotes (run npm run claims after a change)', () => {
    const results = allClaimResults();
    for (const c of claims) {
      const r = results.find((x) => x.id === c.id);
      expect(r, `bench/results/claims.json has no entry for ${c.id}`).toBeDefined();
      expect({ lesson: r!.lesson, figure: r!.figure, statement: r!.statement }).toEqual({
        lesson: c.lesson,
        figure: c.figure,
        statement: c.statement,
      });
      expect(r!.seeds.length).toBeGreaterThanOrEqual(20);
    }
  });

  // The claims on the real digits run in claims-digits.test.ts and the deep one in
  // claims-deep.test.ts, so the runs spread over both workers.
  defineClaimRuns(claims.filter((c) => !isDigitsClaim(c) && !isDeepClaim(c)));
});
