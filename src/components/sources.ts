/**
 * The source files a reader can open from a figure's "code" view: the activation registry and the
 * widget models, read as text at build time. One list feeds both the source pages and the views,
 * so a view never links to a page that was not built.
 */
import { activations } from '../lib/activations/index.ts';
import type { ActivationId } from '../lib/activations/types.ts';

const files = import.meta.glob(['/src/lib/activations/*.ts', '/src/widgets/*/model.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** Source text by path relative to src/ (e.g. `lib/activations/gelu.ts`). */
export const sources: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(files).map(([path, text]) => [path.slice('/src/'.length), text]),
);

const modules = import.meta.glob('/src/lib/activations/*.ts', { eager: true }) as Record<string, Record<string, unknown>>;

/**
 * The registry file that defines the record with this id: the module (other than the registry
 * index, which re-exports everything) that exports the very object the registry holds.
 */
export function recordFile(id: ActivationId): string {
  const record = activations[id];
  const hit = Object.keys(modules).find(
    (path) => !path.endsWith('/index.ts') && Object.values(modules[path] ?? {}).includes(record),
  );
  if (!hit) throw new Error(`no registry file exports the ${id} record`);
  return hit.slice('/src/'.length);
}

/** The URL of a source file's page under the configured base. */
export function sourceHref(file: string): string {
  return `${import.meta.env.BASE_URL}source/${file}/`;
}
