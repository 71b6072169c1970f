/**
 * The source files a reader can open from a figure's "code" view: the activation registry and the
 * widget models, read as text at build time. One list feeds both the source pages and the views,
 * so a view never links to a page that was not built.
 */
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

/** The registry file that defines the record with this id. */
export function recordFile(id: ActivationId): string {
  const hit = Object.keys(sources).find((path) => path.startsWith('lib/activations/') && sources[path]?.includes(`id: '${id}'`));
  if (!hit) throw new Error(`no registry file defines ${id}`);
  return hit;
}

/** The URL of a source file's page under the configured base. */
export function sourceHref(file: string): string {
  return `${import.meta.env.BASE_URL}source/${file}/`;
}
