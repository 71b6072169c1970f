/**
 * The embeddable figures of the site: every figure the lessons place (read from their MDX syntax
 * trees by `mdx-figures.ts`), plus the figures of other pages (the notebook cell, the
 * playground). One entry per figure id, at its first appearance (a training demo shown in two
 * lessons embeds once and links to the first). Build-time only.
 *
 * Every widget toolbar asks whether its figure has an embed page, so this runs once per toolbar
 * (94 in a build of seven lessons). Each lesson's figures are parsed once and kept with the body
 * they were read from; the trap is the dev server, where a lesson edited since has a new body and
 * is read again rather than served stale.
 */
import { lessonHref, lessonsInOrder, type Lesson } from './lessons.ts';
import { figuresInMdx, type MdxFigure } from './mdx-figures.ts';
import type { EmbeddableWidget } from '../widgets/registry.ts';

/** An embeddable figure and where it lives. */
export interface FigureEntry {
  /** Figure id: the embed page is `embed/<id>/`, the anchor on its page `#fig-<id>`. */
  readonly id: string;
  /** What to render; `Playground` is the playground page's figure. */
  readonly component: EmbeddableWidget | 'Playground';
  /** Props as written in the MDX. */
  readonly props: Readonly<Record<string, unknown>>;
  /** The page that shows the figure, under the base path. */
  readonly home: string;
  /** Title of that page. */
  readonly homeTitle: string;
}

/**
 * The cell on /notebook/, declared here so that page and its embed page render it from the same
 * props. Its id is also its URL namespace (`?expr.f=…`), so the embed is `embed/expr/?expr.f=…`.
 */
export const notebookCell = {
  id: 'expr',
  caption:
    'Your expression (solid) and its derivative by automatic differentiation (dashed). A syntax error is shown under the input, and the last valid expression stays on the plot.',
} as const;

/** Each lesson's figures, by lesson id, with the body they were read from. */
const parsed = new Map<string, { readonly body: string; readonly figures: readonly MdxFigure[] }>();

/** The figures of one lesson, parsed on first use and again only if its body changed. */
function lessonFigures(lesson: Lesson): readonly MdxFigure[] {
  const body = lesson.body ?? '';
  const cached = parsed.get(lesson.id);
  if (cached?.body === body) return cached.figures;
  // Errors count lines in the body, which is the file without its frontmatter.
  const figures = figuresInMdx(body, `${lesson.filePath ?? lesson.id} body`);
  parsed.set(lesson.id, { body, figures });
  return figures;
}

/** Every embeddable figure, lessons in reading order, then the notebook cell and the playground. */
export async function embeddableFigures(): Promise<FigureEntry[]> {
  const seen = new Set<string>();
  const out: FigureEntry[] = [];
  for (const lesson of await lessonsInOrder()) {
    for (const f of lessonFigures(lesson)) {
      if (seen.has(f.id)) continue;
      seen.add(f.id);
      out.push({ ...f, home: lessonHref(lesson.id), homeTitle: lesson.data.title });
    }
  }
  out.push({
    id: notebookCell.id,
    component: 'ExpressionCell',
    props: notebookCell,
    home: `${import.meta.env.BASE_URL}notebook/`,
    homeTitle: 'Your own activation',
  });
  out.push({
    id: 'playground',
    component: 'Playground',
    props: {},
    home: `${import.meta.env.BASE_URL}playground/`,
    homeTitle: 'Training playground',
  });
  return out;
}

/** The embed page of a figure, under the base path. */
export function embedHref(id: string): string {
  return `${import.meta.env.BASE_URL}embed/${id}/`;
}
