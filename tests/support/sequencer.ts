/**
 * Test-file order for Vitest: the longest files first, so the two workers end together. Vitest
 * orders by the durations of the last run when it has them, and otherwise (a fresh clone, CI) by
 * file size, which put the longest browser file, one of the smallest, last: a 3-minute tail on one
 * worker. The list names files by their share of the run, longest first; the rest follow in
 * Vitest's order.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const longestFirst = [
  // Browser tests, each worker busy (one Chromium per worker), in CI-like runs: about 120, 105,
  // 50, 45, 35, 35 and 25 s.
  'pages.e2e.ts',
  'playground.e2e.ts',
  'widgets.e2e.ts',
  'course.e2e.ts',
  'sharing.e2e.ts',
  'expression.e2e.ts',
  'budget.e2e.ts',
  // Unit tests: the claims' runs on seeds 1-10, about 32, 30 and 8 s.
  'claims-digits.test.ts',
  'claims-deep.test.ts',
  'claims.test.ts',
];

const rank = (spec: TestSpecification): number => {
  const i = longestFirst.findIndex((name) => spec.moduleId.endsWith(`/${name}`));
  return i < 0 ? longestFirst.length : i;
};

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    // Vitest's order keeps projects apart and in sequence; only files within a project move.
    const byProject = new Map<string, TestSpecification[]>();
    for (const spec of await super.sort(files)) {
      const group = byProject.get(spec.project.name) ?? [];
      group.push(spec);
      byProject.set(spec.project.name, group);
    }
    return [...byProject.values()].flatMap((group) =>
      group
        .map((spec, i) => ({ spec, i }))
        .sort((a, b) => rank(a.spec) - rank(b.spec) || a.i - b.i)
        .map((x) => x.spec),
    );
  }
}
