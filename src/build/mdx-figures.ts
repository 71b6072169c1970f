/**
 * Finds the figures a lesson's MDX places, with their props, so the embed pages can render each
 * one again on its own. The MDX stays the only place a figure is declared: nothing to keep in
 * sync by hand. Pure (a string in, data out), so it is unit-tested without a build.
 *
 * It parses the MDX into its syntax tree with Sätteri, the parser the site's MDX is compiled
 * with, and takes every JSX element whose name the widget registry (`widgets/registry.ts`) knows.
 * So a widget's tag inside a code block, inline code, a JSX comment or an attribute string is
 * text, not a figure, exactly as on the page. The attributes must be literals: strings
 * (`id="relu-explorer"`), JSON expressions (`ids={["relu"]}`, `domain={[-4, 4]}`) and bare
 * booleans (`derivative`). Anything else (a variable, a function, a spread) is an error naming the
 * file, line and attribute, because an embed page cannot reproduce a figure whose props it
 * cannot read.
 */
import { markdownFeatures } from '../integrations/markdown-math.ts';
import { mdxToMdast } from 'satteri';
import {
  widgetNamed,
  type EmbeddableWidget,
  type FigureIdOf,
  type WidgetProps,
} from '../widgets/registry.ts';

/** A figure as written in MDX. */
export interface MdxFigure {
  /** The figure id, from the registry's rule (`id`; `demo-<demo>` for a training demo). */
  readonly id: string;
  readonly component: EmbeddableWidget;
  /** The props, as literals. */
  readonly props: WidgetProps;
}

/** Parsed as the site compiles it (GFM spelled out: it is Sätteri's default). */
const features = { ...markdownFeatures, gfm: true } as const;

/** The parts of an mdast node this module reads (Sätteri's own node types are a wide union). */
interface TreeNode {
  readonly type: string;
  readonly name?: string | null;
  readonly attributes?: readonly Attribute[];
  readonly children?: readonly TreeNode[];
  readonly position?: { readonly start: { readonly line: number } };
}

/** A JSX attribute: `name="text"`, `name={expression}`, bare `name`, or a spread `{...x}`. */
type Attribute =
  | {
      readonly type: 'mdxJsxAttribute';
      readonly name: string;
      readonly value?: string | { readonly value: string } | null;
    }
  | { readonly type: 'mdxJsxExpressionAttribute'; readonly value: string };

/** The props of an element, as literals; `where` names it in errors. */
function readProps(attributes: readonly Attribute[], where: string): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const attribute of attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute')
      throw new Error(
        `${where}: the spread {${attribute.value}} is not a literal an embed page can read`,
      );
    const { name, value } = attribute;
    if (value === null || value === undefined) props[name] = true;
    else if (typeof value === 'string') props[name] = value;
    else {
      const expr = value.value.trim();
      try {
        props[name] = JSON.parse(expr) as unknown;
      } catch {
        throw new Error(
          `${where}: attribute ${name}={${expr}} is not a literal an embed page can read`,
        );
      }
    }
  }
  return props;
}

/**
 * Every embeddable figure in one MDX source, in document order. `file` names the source in
 * errors, which add the line counted from the start of `source`.
 */
export function figuresInMdx(source: string, file: string): MdxFigure[] {
  let tree: TreeNode;
  try {
    tree = mdxToMdast(source, { features }) as TreeNode;
  } catch (error) {
    throw new Error(`${file}: cannot parse the MDX: ${(error as Error).message}`, { cause: error });
  }
  const out: MdxFigure[] = [];
  const visit = (node: TreeNode): void => {
    const isElement = node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
    const figureId: FigureIdOf | null | undefined =
      isElement && node.name ? widgetNamed(node.name)?.figureId : undefined;
    if (figureId) {
      const where = `${file}, line ${node.position?.start.line ?? '?'}: <${node.name}>`;
      // The embed page renders the component with these props and nothing else.
      if (node.children?.length)
        throw new Error(`${where}: a figure must be a self-closing element`);
      const props = readProps(node.attributes ?? [], where);
      let id: string | null;
      try {
        id = figureId(props);
      } catch (error) {
        throw new Error(`${where} ${(error as Error).message}`, { cause: error });
      }
      if (id !== null) out.push({ id, component: node.name as EmbeddableWidget, props });
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return out;
}
