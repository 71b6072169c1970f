/**
 * Claims as data: a lesson's demo exists to show one claim, and the claim is a predicate over the
 * demo's own measured figures, so it can be run over many seeds instead of the one it was tuned
 * on. Pure (no DOM, no engine import): a claim brings its own `measure`, this module only runs
 * and reports it. `npm run claims` (scripts/claims.ts) and tests/unit/claims.test.ts both use it.
 */

/** One measurable statement that a figure of a lesson makes. */
export interface Claim {
  /** Kebab-case, unique over every registered claim, e.g. `tanh-zero-centring`. */
  readonly id: string;
  /** Lesson slug as in the URL `/lessons/<slug>/`, e.g. `tanh`. */
  readonly lesson: string;
  /** Figure id on that page (its anchor is `#fig-<figure>`), e.g. `demo-zero-centring`. */
  readonly figure: string;
  /** The claim in words, as the page states it. */
  readonly statement: string;
  /** Runs the demo for one seed and returns the figures the predicate judges, by name. */
  measure(seed: number): Readonly<Record<string, number>>;
  /** Whether the measured figures show the claim. */
  holds(figures: Readonly<Record<string, number>>): boolean;
}

/** A claim run over a set of seeds. */
export interface ClaimResult {
  /** See {@link Claim.id}. */
  readonly id: string;
  /** See {@link Claim.lesson}. */
  readonly lesson: string;
  /** See {@link Claim.figure}. */
  readonly figure: string;
  /** See {@link Claim.statement}. */
  readonly statement: string;
  /** Seeds tried, in the order run. */
  readonly seeds: number[];
  /** Seeds on which the claim held (a subsequence of `seeds`). */
  readonly held: number[];
  /** Measured figures per seed, in the same order as `seeds`. */
  readonly figures: Record<string, number>[];
}

/** Runs a claim on every seed. A `measure` that throws fails the whole check, naming the seed. */
export function checkClaim(claim: Claim, seeds: readonly number[]): ClaimResult {
  const figures: Record<string, number>[] = [];
  const held: number[] = [];
  for (const seed of seeds) {
    let measured: Readonly<Record<string, number>>;
    try {
      measured = claim.measure(seed);
    } catch (error) {
      throw new Error(
        `claim ${claim.id}, seed ${seed}: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
    figures.push({ ...measured });
    if (claim.holds(measured)) held.push(seed);
  }
  const { id, lesson, figure, statement } = claim;
  return { id, lesson, figure, statement, seeds: [...seeds], held, figures };
}

/**
 * A figure for a table: three significant digits, exponent form outside [1e-3, 1e4) so gradient
 * ratios like 3e-9 stay readable; integers as they are.
 */
export function formatFigure(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v) && Math.abs(v) < 1e6) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e4)) return v.toExponential(1);
  return String(Number(v.toPrecision(3)));
}

/** Each figure's range over the seeds, as `name min–max` (or `name v` when all seeds agree). */
export function figureRanges(figures: readonly Readonly<Record<string, number>>[]): string[] {
  const names = [...new Set(figures.flatMap((f) => Object.keys(f)))];
  return names.map((name) => {
    const values = figures
      .map((f) => f[name])
      .filter((v): v is number => v !== undefined && !Number.isNaN(v));
    if (values.length === 0) return `${name} NaN`;
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    return lo === hi
      ? `${name} ${formatFigure(lo)}`
      : `${name} ${formatFigure(lo)} to ${formatFigure(hi)}`;
  });
}

/** Pipes and line breaks would break a Markdown table cell. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll(/\s*\n\s*/g, ' ');
}

/**
 * A Markdown table of results: the claim (id and statement), its lesson and figure, seeds held
 * over seeds tried, and every measured figure's range over the seeds.
 */
export function claimsMarkdown(results: readonly ClaimResult[]): string {
  const rows = results.map((r) =>
    [
      `**${r.id}**: ${r.statement}`,
      `${r.lesson} (#fig-${r.figure})`,
      `${r.held.length} / ${r.seeds.length}`,
      figureRanges(r.figures).join('; '),
    ].map(cell),
  );
  return (
    [
      '| claim | lesson (figure) | seeds held / tried | key figures (range over seeds) |',
      '| --- | --- | --- | --- |',
      ...rows.map((r) => `| ${r.join(' | ')} |`),
    ].join('\n') + '\n'
  );
}
