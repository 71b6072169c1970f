/**
 * The widgets a lesson can place, by the name its MDX uses, and how each placement becomes an
 * embeddable figure. The one list of widgets: the MDX figure collection (`build/mdx-figures.ts`)
 * reads it to find the figures, the embed pages (`pages/embed/[id].astro`) render each embeddable
 * name (their component map must have exactly these keys, which the type-check enforces), and a
 * unit test fails when a lesson places a widget this list lacks.
 *
 * Pure data, no component imports. The trap it avoids: every widget toolbar asks the figure
 * collection whether its figure has an embed page, so this module is in the import graph of every
 * page with a widget, and Astro gives a page the styles of every component in its graph, rendered
 * or not (dynamic imports included). Importing the components here would put every widget's CSS
 * on every page; the embed page imports them instead.
 */

/** A widget's props as written in the MDX: literals only. */
export type WidgetProps = Readonly<Record<string, unknown>>;

/**
 * How one placement of a widget becomes a figure: its figure id (the embed page is
 * `embed/<id>/`, the anchor `#fig-<id>`), or `null` when this placement is not a figure.
 * Throws when a prop the figure needs is missing; the caller adds the file and line.
 */
export type FigureIdOf = (props: WidgetProps) => string | null;

/** One widget a lesson can place. */
export interface WidgetEntry {
  /** The component, relative to `src/widgets/`: what a lesson imports under the entry's name. */
  readonly file: string;
  /** How a placement becomes a figure; `null` when the widget has no embed page. */
  readonly figureId: FigureIdOf | null;
}

/** The common case: the figure id is the `id` prop, which every placement must have. */
const idProp: FigureIdOf = (props) => {
  if (typeof props['id'] !== 'string') throw new Error('has no id');
  return props['id'];
};

/**
 * A training demo is named by its preset: `<TrainingDemo demo="dead-relu" />` is figure
 * `demo-dead-relu`, the id its playground gets. The league table is a table, not a figure with
 * state.
 */
const demoPreset: FigureIdOf = (props) =>
  typeof props['demo'] === 'string' && props['demo'] !== 'league-table'
    ? `demo-${props['demo']}`
    : null;

/** Every widget a lesson may place, by its MDX name. Adding a widget means adding it here. */
export const widgets = {
  ActivationPlot: { file: 'activation-plot/ActivationPlot.astro', figureId: idProp },
  ActivationExplorer: { file: 'explorer/ActivationExplorer.astro', figureId: idProp },
  CompareActivations: { file: 'compare/CompareActivations.astro', figureId: idProp },
  ChainRule: { file: 'chain-rule/ChainRule.astro', figureId: idProp },
  TanhIdentity: { file: 'tanh-identity/TanhIdentity.astro', figureId: idProp },
  FloatPitfalls: { file: 'float-pitfalls/FloatPitfalls.astro', figureId: idProp },
  TrainingDemo: { file: 'training-demo/TrainingDemo.astro', figureId: demoPreset },
  ExpressionCell: { file: 'expression-cell/ExpressionCell.astro', figureId: idProp },
  DigitsFigure: { file: 'digits/DigitsFigure.astro', figureId: idProp },
  // No toolbar and no embed page: a cost chart measured on the reader's device, and a table.
  CostBench: { file: 'cost-bench/CostBench.astro', figureId: null },
  PropertyTable: { file: 'property-table/PropertyTable.astro', figureId: null },
} as const satisfies Readonly<Record<string, WidgetEntry>>;

/** The MDX name of a registered widget. */
export type WidgetName = keyof typeof widgets;

/** A widget whose placements can be figures, each with an embed page. */
export type EmbeddableWidget = {
  [K in WidgetName]: (typeof widgets)[K]['figureId'] extends null ? never : K;
}[WidgetName];

/** The registry entry of an MDX component name, or `undefined` when it is not a widget. */
export function widgetNamed(name: string): WidgetEntry | undefined {
  return Object.hasOwn(widgets, name) ? widgets[name as WidgetName] : undefined;
}
