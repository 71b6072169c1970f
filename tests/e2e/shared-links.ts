/**
 * A shared link for every widget that keeps state in the URL: the landings the JavaScript budget
 * is checked on besides the plain pages. Each sets most of its widget's parameters away from the
 * build-time figure, so the page cannot show its server-rendered state and must compute (and
 * load whatever that takes: KaTeX for a typed formula, the expression compiler for a custom
 * activation). Every value a link names differs from its default: the budget test requires the
 * figure's state, as the figure would share it, to be exactly the link's. `stateless` lists the custom elements that read nothing from the URL; the budget
 * test fails on any other element without a landing here, so a new widget needs one.
 */

/** One landing: a page, a query, and the figure whose URL state it sets. */
export interface SharedLink {
  /** The widget's custom element, without the `af-` prefix. */
  readonly widget: string;
  /** Page path under the base, with a trailing slash. */
  readonly path: string;
  /** Query string, with its `?`. */
  readonly query: string;
  /** Figure id (the `fig-` anchor) whose state the query sets. */
  readonly figure: string;
}

export const sharedLinks: readonly SharedLink[] = [
  {
    widget: 'explorer',
    path: 'lessons/relu/',
    query: '?relu-explorer.range=8&relu-explorer.cursor=-2',
    figure: 'relu-explorer',
  },
  {
    widget: 'compare',
    path: 'lessons/conclusion/',
    query: '?conclusion-overlay.ids=relu,gelu,mish&conclusion-overlay.mode=df',
    figure: 'conclusion-overlay',
  },
  {
    widget: 'chain-rule',
    path: 'lessons/sigmoid/',
    query:
      '?sigmoid-chain.depth=9&sigmoid-chain.mean=1&sigmoid-chain.spread=2&sigmoid-chain.seed=5',
    figure: 'sigmoid-chain',
  },
  {
    widget: 'tanh-identity',
    path: 'lessons/tanh/',
    query: '?tanh-identity.t=0.3&tanh-identity.range=8',
    figure: 'tanh-identity',
  },
  {
    widget: 'float-pitfalls',
    path: 'lessons/tanh/',
    query: '?tanh-float.pitfall=sigmoid-left-tail',
    figure: 'tanh-float',
  },
  {
    widget: 'expression-cell',
    path: 'notebook/',
    query: '?expr.f=max(0.1*x,x)&expr.vs=gelu&expr.r=4',
    figure: 'expr',
  },
  {
    widget: 'expression-cell',
    path: 'lessons/conclusion/',
    query: '?own.f=x*tanh(softplus(a*x))&own.p=a:1.5',
    figure: 'conclusion-cell',
  },
  {
    widget: 'digits-lab',
    path: 'lessons/real-data/',
    query: '?digits-dead.lr=0.5&digits-dead.epochs=3&digits-dead.seed=4',
    figure: 'digits-dead',
  },
  {
    widget: 'playground',
    path: 'playground/',
    query:
      '?train.act=custom&train.expr=x*sigmoid(x)&train.layers=8&train.width=16&train.opt=adam&train.batch=1&train.pts=1,1,1',
    figure: 'playground',
  },
];

/**
 * Custom elements with no URL state (a toolbar, a search box, figures fixed by their lesson; the
 * digits league runs its fixed budget and reads nothing from the URL).
 */
export const stateless: readonly string[] = [
  'widget-toolbar',
  'activation-plot',
  'league-table',
  'search',
  'cost-bench',
  'digits-league',
];
