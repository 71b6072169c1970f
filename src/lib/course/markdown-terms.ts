/**
 * Marks the first use of each glossary term on a page. `<Term id="logit">` renders a link to the
 * glossary only on its first appearance; later uses are plain text, so a paragraph is not a row
 * of links. Which use is first is a property of the document, not of one component instance, so
 * it is decided here, while the MDX tree is walked in document order, by adding a `first`
 * attribute to that element. (Counting in the component instead would depend on the order in
 * which Astro happens to render sibling components, which it does not promise.)
 */
import { defineMdastPlugin, type MdastVisitorContext } from 'satteri';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'satteri';

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/** The string value of attribute `name`, if it is a plain string. */
function stringAttribute(node: Readonly<JsxElement>, name: string): string | undefined {
  for (const a of node.attributes)
    if (a.type === 'mdxJsxAttribute' && a.name === name && typeof a.value === 'string')
      return a.value;
  return undefined;
}

/** The mdast plugin; a factory, so each document gets its own record of terms seen. */
export const firstTermUse = () => {
  const seen = new Set<string>();
  const visit = (node: Readonly<JsxElement>, ctx: MdastVisitorContext): void => {
    if (node.name !== 'Term') return;
    const id = stringAttribute(node, 'id');
    if (id === undefined || seen.has(id)) return;
    seen.add(id);
    // Sätteri cannot set `attributes` in place, so the element is replaced by a copy that has one more.
    ctx.replaceNode(node, {
      ...node,
      attributes: [...node.attributes, { type: 'mdxJsxAttribute', name: 'first', value: null }],
    } as JsxElement);
  };
  return defineMdastPlugin({
    name: 'first-term-use',
    mdxJsxTextElement: visit,
    mdxJsxFlowElement: visit,
  });
};
