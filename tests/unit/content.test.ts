/**
 * Content checks on the lesson sources: every activation id a lesson names (in frontmatter or a
 * widget prop) is a registry id, and widget figure ids are unique within a page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { activationIds } from '../../src/lib/activations/types.ts';

const dir = 'content/lessons';
const files = readdirSync(dir).filter((f) => f.endsWith('.mdx'));
const known = new Set<string>(activationIds);

/** Every activation id named in a lesson: `activation: x`, `activation="x"`, `ids={["a", "b"]}`. */
export function namedActivationIds(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/^activation:\s*([\w-]+)\s*$/gm)) found.push(m[1] ?? '');
  for (const m of source.matchAll(/\bactivation="([^"]*)"/g)) found.push(m[1] ?? '');
  for (const m of source.matchAll(/\bids=\{\[([^\]]*)\]\}/g)) {
    for (const q of (m[1] ?? '').matchAll(/"([^"]*)"/g)) found.push(q[1] ?? '');
  }
  return found;
}

test('there are lessons', () => {
  expect(files.length).toBeGreaterThan(0);
});

describe.each(files)('%s', (file) => {
  const source = readFileSync(join(dir, file), 'utf8');

  test('names only registry activation ids', () => {
    const names = namedActivationIds(source);
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((n) => !known.has(n))).toEqual([]);
  });

  test('widget ids are unique on the page', () => {
    // Citations, glossary terms and figure references name a work, term or figure by `id` and may
    // repeat it; they are not widgets.
    const ids = Array.from(
      source.matchAll(/<(?!(?:Cite|Term|FigRef)\b)\w+\s[^>]*?\bid="([^"]+)"/g),
      (m) => m[1],
    );
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBe(new Set(ids).size);
  });

  test('the numeric prefix matches the order field', () => {
    const prefix = Number(file.split('-')[0]);
    const order = Number(/^order:\s*(\d+)/m.exec(source)?.[1]);
    expect(order).toBe(prefix);
  });
});

test('the id scanner finds ids in every form', () => {
  expect(
    namedActivationIds('activation: relu\n<A activation="elu" ids={["tanh", "gelu"]} />'),
  ).toEqual(['relu', 'elu', 'tanh', 'gelu']);
});
