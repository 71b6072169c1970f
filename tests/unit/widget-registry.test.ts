/**
 * The widget registry and the figures read from the lessons' MDX syntax trees.
 *
 * - Coverage: every widget a lesson imports from src/widgets/ is in the registry, under the name
 *   it is imported as and from the file the registry names. A new widget placed in a lesson and
 *   not registered fails here (and would otherwise have no embed page).
 * - Figures: an independent oracle compiles and runs each lesson with Sätteri's MDX compiler,
 *   with a stub for every component, and records the widget elements the page actually renders
 *   and their props as JavaScript evaluated them. The figure collection must find the same ones,
 *   in the same order, with equal props.
 * - Places where a widget's tag is text, not an element (code, comments, strings): a regular
 *   expression would find a figure there; the syntax tree does not.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { evaluate, mdxToMdast } from 'satteri';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { figuresInMdx, type MdxFigure } from '../../src/build/mdx-figures.ts';
import { widgetNamed, widgets, type WidgetName } from '../../src/widgets/registry.ts';

const lessonsDir = 'content/lessons';
const widgetsDir = 'src/widgets';
const features = { math: true, gfm: true } as const;
const lessons = readdirSync(lessonsDir)
  .filter((f) => f.endsWith('.mdx'))
  .sort()
  .map((file) => ({ file, source: readFileSync(join(lessonsDir, file), 'utf8') }));

interface Node {
  type: string;
  name?: string | null;
  value?: string;
  children?: Node[];
  position?: { start: { line: number }; end: { line: number } };
}

function nodes(root: Node): Node[] {
  return [root, ...(root.children ?? []).flatMap(nodes)];
}

/** A lesson's default imports: local name to module path relative to the repository. */
function importsOf(file: string, tree: Node): Map<string, string> {
  const out = new Map<string, string>();
  for (const esm of nodes(tree).filter((n) => n.type === 'mdxjsEsm')) {
    const parsed = ts.createSourceFile('esm.ts', esm.value ?? '', ts.ScriptTarget.Latest);
    for (const statement of parsed.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier))
        continue;
      const local = statement.importClause?.name?.text;
      const path = relative('.', resolve(lessonsDir, statement.moduleSpecifier.text));
      if (local) out.set(local, path);
    }
  }
  expect(out.size, `${file} imports its components`).toBeGreaterThan(0);
  return out;
}

function jsxNames(tree: Node): Set<string> {
  return new Set(
    nodes(tree)
      .filter((n) => n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement')
      .flatMap((n) => (n.name ? [n.name] : [])),
  );
}

describe('widget registry', () => {
  test('every entry names a component file that exists', () => {
    for (const [name, entry] of Object.entries(widgets)) {
      expect(existsSync(join(widgetsDir, entry.file)), name).toBe(true);
      expect(entry.file.endsWith(`/${name}.astro`), `${name}: ${entry.file}`).toBe(true);
    }
  });

  test.each(lessons)('$file: every widget it places is registered, from its file', (lesson) => {
    const tree = mdxToMdast(lesson.source, { features }) as Node;
    const imports = importsOf(lesson.file, tree);
    for (const name of jsxNames(tree)) {
      const path = imports.get(name);
      if (!path?.startsWith(`${widgetsDir}/`)) continue;
      expect(widgetNamed(name), `${lesson.file}: <${name}> from ${path}`).toBeDefined();
      expect(join(widgetsDir, widgetNamed(name)?.file ?? ''), name).toBe(path);
    }
  });
});

/** A rendered element, as the stub JSX runtime below builds it. */
interface Element {
  readonly type: unknown;
  readonly props: Record<string, unknown>;
}

const stubName = new WeakMap<object, string>();

/**
 * What the page renders: the lesson compiled and run, imports replaced by stub components, and
 * the element tree walked in document order for registered widgets.
 */
function renderedWidgets(source: string): { name: WidgetName; props: Record<string, unknown> }[] {
  const tree = mdxToMdast(source, { features }) as Node;
  const lines = source.split('\n');
  // Imports cannot run here; without them, MDX takes each component from `props.components`.
  for (const esm of nodes(tree).filter((n) => n.type === 'mdxjsEsm')) {
    const { start, end } = esm.position ?? { start: { line: 1 }, end: { line: 0 } };
    for (let line = start.line; line <= end.line; line++) lines[line - 1] = '';
  }
  // Every element name gets a stub: the imported components and Astro's own (`Fragment`).
  const components: Record<string, unknown> = {};
  for (const name of jsxNames(tree)) {
    const stub = (): null => null;
    stubName.set(stub, name);
    components[name] = stub;
  }
  const Fragment = Symbol('Fragment');
  const jsx = (type: unknown, props: unknown): Element => ({
    type,
    props: props as Record<string, unknown>,
  });
  const module = evaluate(lines.join('\n'), { Fragment, jsx, jsxs: jsx, features }) as {
    default: (props: unknown) => Element;
  };
  const out: { name: WidgetName; props: Record<string, unknown> }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null || !('props' in node)) return;
    const { type, props } = node as Element;
    const name = typeof type === 'function' ? stubName.get(type) : undefined;
    if (name && widgetNamed(name)) {
      const { children, ...rest } = props;
      expect(children, `<${name}> has no children`).toBeUndefined();
      out.push({ name: name as WidgetName, props: rest });
    }
    walk(props['children']);
  };
  walk(module.default({ components }));
  return out;
}

describe('figures from the MDX syntax tree', () => {
  const all = lessons.flatMap((l) => figuresInMdx(l.source, l.file));

  test('the lessons have the figures the embed pages show', () => {
    expect(all.length).toBeGreaterThan(40);
    for (const { file, source } of lessons) {
      const ids = figuresInMdx(source, file).map((f) => f.id);
      expect(new Set(ids).size, file).toBe(ids.length);
    }
  });

  test.each(lessons)('$file: the figures are what the page renders, in order', (lesson) => {
    const expected: MdxFigure[] = renderedWidgets(lesson.source).flatMap(({ name, props }) => {
      const id = widgets[name].figureId?.(props) ?? null;
      return id === null ? [] : [{ id, component: name as MdxFigure['component'], props }];
    });
    expect(figuresInMdx(lesson.source, lesson.file)).toEqual(expected);
  });

  test('a training demo is named by its preset; the league table is not a figure', () => {
    expect(
      figuresInMdx(
        '<TrainingDemo demo="dead-relu" />\n\n<TrainingDemo demo="league-table" />',
        'x',
      ),
    ).toEqual([{ id: 'demo-dead-relu', component: 'TrainingDemo', props: { demo: 'dead-relu' } }]);
  });

  test('a widget tag that is text is not a figure', () => {
    const mdx = [
      "import ActivationPlot from '../../src/widgets/activation-plot/ActivationPlot.astro';",
      '',
      '```mdx',
      '<ActivationPlot id="in-a-code-block" ids={["relu"]} />',
      '```',
      '',
      'Write `<ActivationPlot id="in-inline-code" />` in a lesson.',
      '',
      '{/* <ActivationPlot id="in-a-jsx-comment" /> */}',
      '',
      '{/*',
      '<ActivationPlot id="in-a-multi-line-comment" />',
      '*/}',
      '',
      '<Exercise figure="x" hint="<ActivationPlot id=&quot;in-a-string&quot; />">',
      '',
      'Try $\\frac{<ActivationPlot id="in-math" />}{2}$.',
      '',
      '<ActivationPlotter id="another-component" />',
      '',
      '<ActivationPlot id="nested" ids={["tanh"]} />',
      '',
      '</Exercise>',
      '',
      'Inline <ActivationPlot id="inline" /> too.',
    ].join('\n');
    expect(figuresInMdx(mdx, 'hostile.mdx')).toEqual([
      { id: 'nested', component: 'ActivationPlot', props: { id: 'nested', ids: ['tanh'] } },
      { id: 'inline', component: 'ActivationPlot', props: { id: 'inline' } },
    ]);
  });

  test('props it cannot reproduce are errors naming the file, line and attribute', () => {
    expect(() => figuresInMdx('Text\n\n<ChainRule id="c" depth={someVar} />', 'l.mdx')).toThrow(
      /^l\.mdx, line 3: <ChainRule>: attribute depth=\{someVar\}/,
    );
    expect(() => figuresInMdx('<ChainRule id="c" {...props} />', 'l.mdx')).toThrow(/spread/);
    expect(() => figuresInMdx('<ChainRule caption="x" />', 'l.mdx')).toThrow(
      /^l\.mdx, line 1: <ChainRule> has no id/,
    );
    expect(() => figuresInMdx('<ChainRule id="c">\n\ntext\n\n</ChainRule>', 'l.mdx')).toThrow(
      /self-closing/,
    );
    expect(() => figuresInMdx('<ChainRule id="c"', 'l.mdx')).toThrow(/^l\.mdx: cannot parse/);
  });
});
