/**
 * How the league table's work is split among Web Workers, apart from league.ts so the page's own
 * script can plan the run without loading the training engine (which only the workers need).
 */
import type { ActivationId } from '../../lib/activations/types.ts';

/**
 * The activations split among `threads` workers, dealt round-robin in table order so each share
 * holds a mix of cheap and costly functions and the workers finish close together. Every run is
 * seeded on its own, so the split changes the wall time, never a number in the table.
 */
export function leagueShares(ids: readonly ActivationId[], threads: number): ActivationId[][] {
  const n = Math.max(1, Math.min(ids.length, Math.floor(threads)));
  const shares: ActivationId[][] = Array.from({ length: n }, () => []);
  ids.forEach((id, i) => shares[i % n]!.push(id));
  return shares;
}
