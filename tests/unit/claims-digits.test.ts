/**
 * The claims measured on the real digits, each on seeds 1-10 (see claim-runs.ts): in a file of
 * their own so they run in a second worker beside the other claims.
 */
import { describe, expect, it } from 'vitest';
import { allClaims } from '../../src/widgets/claims.ts';
import { defineClaimRuns, isDigitsClaim } from '../support/claim-runs.ts';

describe('registered claims on the real digits', () => {
  const claims = allClaims().filter(isDigitsClaim);

  it('exist (the digits lesson states its results as claims)', () => {
    expect(claims.length).toBeGreaterThan(0);
  });

  defineClaimRuns(claims);
});
