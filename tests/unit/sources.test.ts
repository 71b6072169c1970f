/** The code view's file lookup: every activation resolves to the registry file that defines it. */
import { expect, test } from 'vitest';
import { recordFile, sources } from '../../src/build/sources.ts';
import { activations } from '../../src/lib/activations/index.ts';
import { activationIds } from '../../src/lib/activations/types.ts';

test.each(activationIds)('%s resolves to a source page that defines it', (id) => {
  const file = recordFile(id);
  expect(file).toMatch(/^lib\/activations\/[\w-]+\.ts$/);
  expect(file).not.toBe('lib/activations/index.ts');
  expect(sources[file]).toContain(activations[id].summary.slice(0, 30));
});
