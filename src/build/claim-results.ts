/**
 * The committed results of `npm run claims` (bench/results/claims.json), for the figures that
 * quote them. Read at build time from the file, never measured during a build, so two builds of
 * the same commit produce the same pages. Build-time only.
 */
import type { ClaimResult } from '../lib/claims.ts';
import results from '../../bench/results/claims.json' with { type: 'json' };

/**
 * The file as written by scripts/claims.ts. The pages use the statements and seed counts only; a
 * figure that was not finite is stored as the string "Infinity", "-Infinity" or "NaN".
 */
interface ClaimsFile {
  /** The command that produced the file. */
  readonly command: string;
  /** One result per registered claim. */
  readonly claims: readonly ClaimResult[];
}

const file = results as unknown as ClaimsFile;

/** The command to quote beside a result. */
export const claimsCommand = file.command;

/** Every result in the file. */
export function allClaimResults(): readonly ClaimResult[] {
  return file.claims;
}

/** The results of the claims a figure states, in registry order (empty when it states none). */
export function claimResultsFor(figure: string): ClaimResult[] {
  return file.claims.filter((r) => r.figure === figure);
}
