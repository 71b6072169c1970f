/**
 * Every registered claim, for `npm run claims` and the quick check in `npm test`. Claims are
 * declared beside what they judge; this module only gathers them, so a new figure that states a
 * measurable result adds its claims where it is defined and one line here.
 */
import type { Claim } from '../lib/claims.ts';
import { createDemoClaims } from './playground/demo-claims.ts';
import { leagueClaims } from './playground/league.ts';
import { createDigitsClaims } from './digits/claims.ts';

/** Every claim, in a stable order (lesson demos, then the rest); ids are unique. */
export function allClaims(): Claim[] {
  const claims: Claim[] = [
    ...Object.values(createDemoClaims()).flat(),
    ...leagueClaims,
    ...createDigitsClaims(),
  ];
  const seen = new Set<string>();
  for (const c of claims) {
    if (seen.has(c.id)) throw new Error(`two claims share the id ${c.id}`);
    seen.add(c.id);
  }
  return claims;
}
