/**
 * The deep-network claim on seeds 1-10 (see claim-runs.ts): the longest of the claim runs, in a
 * file of its own so it runs in one worker while the other claims run in the other.
 */
import { describe, expect, it } from 'vitest';
import { allClaims } from '../../src/widgets/claims.ts';
import { defineClaimRuns, isDeepClaim } from '../support/claim-runs.ts';

describe('the registered claim on deep networks', () => {
  const claims = allClaims().filter(isDeepClaim);

  it('is registered', () => {
    expect(claims).toHaveLength(1);
  });

  defineClaimRuns(claims);
});
