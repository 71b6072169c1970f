/**
 * The quick form of `npm run claims` as Vitest tests, shared by the claim test files so the
 * runs can be split across workers: each claim on seeds 1-10, failing if it holds on fewer than 9.
 */
import { expect, it } from 'vitest';
import { checkClaim, type Claim } from '../../src/lib/claims.ts';

const seeds = Array.from({ length: 10 }, (_, i) => i + 1);

/** Claims measured on the real digits (the slowest runs). */
export function isDigitsClaim(claim: Claim): boolean {
  return claim.id.startsWith('digits-');
}

/**
 * The claim whose runs take longest (deep networks, about 25 s on an idle machine): in a file of
 * its own, so that it runs on one worker while the other claims run on the other.
 */
export function isDeepClaim(claim: Claim): boolean {
  return claim.id === 'centring-matters-deep';
}

/** One test per claim, so a failure names it and shows the figures of the seeds it missed. */
export function defineClaimRuns(claims: readonly Claim[]): void {
  for (const claim of claims) {
    // Generous: a deep run takes ~25 s on an idle 2-core machine and several times that on a busy one.
    it(`${claim.id} holds on at least 9 of seeds 1-10`, { timeout: 300_000 }, () => {
      const r = checkClaim(claim, seeds);
      const missed = r.seeds
        .filter((s) => !r.held.includes(s))
        .map((s) => ({ seed: s, ...r.figures[r.seeds.indexOf(s)] }));
      expect(missed.length, JSON.stringify(missed)).toBeLessThanOrEqual(1);
    });
  }
}
