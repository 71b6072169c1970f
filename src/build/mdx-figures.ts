/**
 * Finds the figures a lesson's MDX places, with their props, so the embed pages can render each
 * one again on its own. The MDX stays the only place a figure is declared: nothing to keep in
 * sync by hand. Pure (strings in, data out), so it is unit-tested without a build.
 *
 * It reads JSX elements whose tag is a known widget and whose attributes are literals: strings
 * (`id="relu-explorer"`), JSON expressions (`ids={["relu"]}`, `domain={[-4, 4]}`) and bare
 * booleans (`derivative`). Anything else (a variable, a function) is an error naming the file and
 * attribute, because an embed page cannot reproduce a figure whose props it cannot read.
 */

/** Components that have an embed page. */
export const embeddableComponents = [
  'ActivationPlot',
  'ActivationExplorer',
  'CompareActivations',
  'ChainRule',
  'TanhIdentity',
  'FloatPitfalls',
  'TrainingDemo',
  'ExpressionCell',
  'DigitsFigure',
] as const;

/** One of {@link embeddableComponents}. */
export type EmbeddableComponent = (typeof embeddableComponents)[number];

/** A figure as written in MDX. */
export interface MdxFigure {
  /** The figure id (`id` prop; `demo-<demo>` for a training demo). */
  readonly id: string;
  readonly component: EmbeddableComponent;
  /** The props, as literals. */
  readonly props: Readonly<Record<string, unknown>>;
}

/** Reads attributes from `src` starting after the tag name; returns them and the end index. */
function readAttributes(
  src: string,
  start: number,
  where: string,
): { props: Record<string, unknown>; end: number } {
  const props: Record<string, unknown> = {};
  let i = start;
  for (;;) {
    while (/\s/.test(src[i] ?? '')) i++;
    if (src.startsWith('/>', i)) return { props, end: i + 2 };
    if (src[i] === '>' || i >= src.length)
      throw new Error(`${where}: a figure must be a self-closing element`);
    const name = /^[A-Za-z_][\w-]*/.exec(src.slice(i))?.[0];
    if (!name) throw new Error(`${where}: cannot read an attribute at "${src.slice(i, i + 20)}"`);
    i += name.length;
    if (src[i] !== '=') {
      props[name] = true;
      continue;
    }
    i++;
    if (src[i] === '"' || src[i] === "'") {
      const close = src.indexOf(src[i] as string, i + 1);
      if (close < 0) throw new Error(`${where}: unterminated string in ${name}`);
      props[name] = src.slice(i + 1, close);
      i = close + 1;
    } else if (src[i] === '{') {
      const end = matchingBrace(src, i);
      const expr = src.slice(i + 1, end).trim();
      try {
        props[name] = JSON.parse(expr) as unknown;
      } catch {
        throw new Error(
          `${where}: attribute ${name}={${expr}} is not a literal an embed page can read`,
        );
      }
      i = end + 1;
    } else {
      throw new Error(`${where}: cannot read the value of ${name}`);
    }
  }
}

/** Index of the brace closing the one at `open`, skipping braces inside strings. */
function matchingBrace(src: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  throw new Error(`unbalanced braces at ${open}`);
}

/** Every embeddable figure in one MDX body, in document order. `file` names it in errors. */
export function figuresInMdx(body: string, file: string): MdxFigure[] {
  const out: MdxFigure[] = [];
  const tag = new RegExp(`<(${embeddableComponents.join('|')})(?=[\\s/>])`, 'g');
  for (const m of body.matchAll(tag)) {
    const component = m[1] as EmbeddableComponent;
    const { props } = readAttributes(body, m.index + m[0].length, `${file}: <${component}>`);
    if (component === 'TrainingDemo') {
      // The league table is a table, not a figure with state.
      if (typeof props['demo'] !== 'string' || props['demo'] === 'league-table') continue;
      out.push({ id: `demo-${props['demo']}`, component, props });
      continue;
    }
    if (typeof props['id'] !== 'string') throw new Error(`${file}: <${component}> has no id`);
    out.push({ id: props['id'], component, props });
  }
  return out;
}
