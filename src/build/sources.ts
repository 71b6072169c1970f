/**
 * The source files a reader can open from a figure's "code" view: the activation registry (its
 * mathematics, and the vectorised kernels) and the widget models, read as text at build time. One list feeds both the source pages and the views,
 * so a view never links to a page that was not built.
 */
import { activations } from '../lib/activations/index.ts';
import type { ActivationId } from '../lib/activations/types.ts';

const files = import.meta.glob(
  ['/src/lib/activations/*.ts', '/src/lib/activations/kernels/*.ts', '/src/widgets/*/model.ts'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
) as Record<string, string>;

/** Source text by path relative to src/ (e.g. `lib/activations/gelu.ts`). */
export const sources: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(files).map(([path, text]) => [path.slice('/src/'.length), text]),
);

const modules = import.meta.glob('/src/lib/activations/*.ts', { eager: true }) as Record<
  string,
  Record<string, unknown>
>;

/**
 * The file that defines the mathematics of the record with this id (f, f', formulas,
 * properties; its vectorised forms are in kernels/): the module, other than the registry index,
 * that exports an object with the record's id and the very f the registry holds.
 */
export function recordFile(id: ActivationId): string {
  const { f } = activations[id];
  const hit = Object.keys(modules).find(
    (path) =>
      !path.endsWith('/index.ts') &&
      Object.values(modules[path] ?? {}).some(
        (v) =>
          typeof v === 'object' &&
          v !== null &&
          (v as { id?: unknown }).id === id &&
          (v as { f?: unknown }).f === f,
      ),
  );
  if (!hit) throw new Error(`no registry file exports the ${id} record`);
  return hit.slice('/src/'.length);
}

/** The URL of a source file's page under the configured base. */
export function sourceHref(file: string): string {
  return `${import.meta.env.BASE_URL}source/${file}/`;
}
