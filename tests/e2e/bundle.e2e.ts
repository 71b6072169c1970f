/**
 * The shipped kernels keep their module-level constants as `const`. Vite's default rewrites a
 * chunk's top-level const as var, and V8 (Node 22's at least) then reloads every table and
 * constant inside the kernel loops: the built activation chunk ran 2-3x slower than its sources
 * (bench/README.md, "What ships"). This reads the build, so a config change that brings the
 * rewrite back fails here instead of only in a benchmark nobody ran.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { distDir } from './site-pages.ts';

const dir = join(distDir, '_astro');
/** The chunks that carry the activation kernels: the registry chunk and every worker. */
const kernelChunks = readdirSync(dir).filter((f) => /^(activations\..*|.*worker.*)\.js$/.test(f));

describe('shipped kernel chunks', () => {
  test('the registry chunk and the workers are in the build', () => {
    expect(kernelChunks.some((f) => f.startsWith('activations.'))).toBe(true);
    expect(kernelChunks.filter((f) => f.includes('worker')).length).toBeGreaterThanOrEqual(3);
  });

  test.each(kernelChunks)(
    '%s declares its top level with const, not var, and is an ES module',
    (file) => {
      const code = readFileSync(join(dir, file), 'utf8');
      // The minifier writes no var of its own inside functions, so any var is a rewritten top level;
      // Rolldown always emits a top-level class as `var X = class`, and a module namespace (for a
      // dynamic import) as `var X = helper({name: () => binding, ...})`: neither holds a table.
      expect(
        code.match(/(^|[;}])var [\w$]+=(?!class\b)(?![\w$]+\(\{[\w$"'-]+:\(\)=>)/g) ?? [],
      ).toEqual([]);
      expect(code.startsWith('(function')).toBe(false);
    },
  );
});
