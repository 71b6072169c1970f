/**
 * Reads the course elements a lesson's MDX places (citations, glossary terms, exercises) straight
 * from its source, in document order. The citation numbers and the reference list of a page are
 * both derived from this one scan, so they cannot disagree, and a citation added anywhere
 * renumbers the page by itself. Pure: strings in, data out.
 */

/** Removes what a reader never sees and a scan must not match: frontmatter, imports, comments, code. */
function visibleSource(body: string): string {
  return body
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/^(?:import|export) .*$/gm, '')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, '')
    .replace(/^```[\s\S]*?^```/gm, '')
    .replace(/`[^`\n]*`/g, '');
}

/** The `id` of every `<Tag id="…">` in document order, repeats included. */
function idsOf(body: string, tag: string): string[] {
  const re = new RegExp(`<${tag}\\b[^>]*?\\bid=["']([^"']+)["']`, 'g');
  return [...visibleSource(body).matchAll(re)].map((m) => m[1] as string);
}

/** Ids in order of first appearance, each once. */
function firstAppearances(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/** The works a lesson cites (`<Cite id="…" />`), in order of first citation: index + 1 is the number. */
export function citationsInMdx(body: string): string[] {
  return firstAppearances(idsOf(body, 'Cite'));
}

/** The glossary terms a lesson marks (`<Term id="…">`), in order of first use. */
export function termsInMdx(body: string): string[] {
  return firstAppearances(idsOf(body, 'Term'));
}

/** How many `<Exercise` elements a lesson has. */
export function exerciseCount(body: string): number {
  return [...visibleSource(body).matchAll(/<Exercise\b/g)].length;
}

/** Words per minute assumed for reading time: a careful pace for technical prose. */
export const wordsPerMinute = 200;

/** Extra reading time per display formula and per figure, in minutes: both are read slowly. */
const minutesPerFormula = 0.25;
const minutesPerFigure = 0.5;

/**
 * Reading time of a lesson in whole minutes (at least 1): words of prose at
 * {@link wordsPerMinute}, plus a little for each display formula and each figure. JSX tags and
 * their props are not prose and are not counted as words.
 */
export function readingMinutes(body: string): number {
  const source = visibleSource(body);
  const formulas = [...source.matchAll(/\$\$[\s\S]*?\$\$/g)].length;
  const figures = [
    ...source.matchAll(
      /<(?:ActivationPlot|ActivationExplorer|CompareActivations|ChainRule|TanhIdentity|FloatPitfalls|TrainingDemo|CostBench|ExpressionCell|PropertyTable|DigitsFigure)\b/g,
    ),
  ].length;
  const prose = source
    .replace(/\$\$[\s\S]*?\$\$/g, ' ')
    .replace(/<[A-Z][\w.]*\b(?:[^>"'{]|"[^"]*"|'[^']*'|\{(?:[^{}]|\{[^{}]*\})*\})*\/?>/g, ' ')
    .replace(/<\/[A-Z][\w.]*>/g, ' ');
  const words = prose.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return Math.max(
    1,
    Math.round(words / wordsPerMinute + formulas * minutesPerFormula + figures * minutesPerFigure),
  );
}

/** Components that draw a numbered figure (`<figure class="af-figure" id="fig-<id>">`). */
export const figureComponents = [
  'ActivationPlot',
  'ActivationExplorer',
  'CompareActivations',
  'ChainRule',
  'TanhIdentity',
  'FloatPitfalls',
  'TrainingDemo',
  'CostBench',
  'ExpressionCell',
  'DigitsFigure',
] as const;

/**
 * The figure ids of a lesson in document order: the `id` prop, or `demo-<demo>` for a training
 * demo (the league table is a table, not a figure, and is left out). Index + 1 is the figure's
 * number within the lesson, so numbers follow the page order by construction.
 */
export function figureIdsInMdx(body: string): string[] {
  const out: string[] = [];
  const tag = new RegExp(
    `<(${figureComponents.join('|')})\\b((?:[^>"'{]|"[^"]*"|'[^']*'|\\{(?:[^{}]|\\{[^{}]*\\})*\\})*)/?>`,
    'g',
  );
  for (const m of visibleSource(body).matchAll(tag)) {
    const attrs = m[2] ?? '';
    if (m[1] === 'TrainingDemo') {
      const demo = /\bdemo=["']([^"']+)["']/.exec(attrs)?.[1];
      if (demo && demo !== 'league-table') out.push(`demo-${demo}`);
      continue;
    }
    const id = /(?:^|\s)id=["']([^"']+)["']/.exec(attrs)?.[1];
    if (id) out.push(id);
  }
  return out;
}
