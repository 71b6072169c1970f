/**
 * The lint config enforces the architecture's boundaries: fed a lib module that reaches above
 * the core, or a widget that reads the content collections, ESLint reports it (and accepts the
 * same files without those imports), so the rules cannot silently stop matching.
 */
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

const eslint = new ESLint();
async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('lint boundaries', () => {
  test('src/lib imports nothing from above it, and nothing from Astro', async () => {
    expect(
      await restrictedImports(
        "import { x } from '../widgets/shared/csv.ts';\nexport const y = x;\n",
        'src/lib/example.ts',
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        "import { x } from '../../build/figures.ts';\nexport const y = x;\n",
        'src/lib/plots/example.ts',
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        "import { getCollection } from 'astro:content';\nexport const y = getCollection;\n",
        'src/lib/example.ts',
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        "import { createRng } from './random.ts';\nexport const y = createRng;\n",
        'src/lib/example.ts',
      ),
    ).toEqual([]);
  });

  test('widgets do not read the content collections', async () => {
    expect(
      await restrictedImports(
        "import { getCollection } from 'astro:content';\nexport const y = getCollection;\n",
        'src/widgets/compare/example.ts',
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        "import { createRng } from '../../lib/random.ts';\nexport const y = createRng;\n",
        'src/widgets/compare/example.ts',
      ),
    ).toEqual([]);
  });
});
