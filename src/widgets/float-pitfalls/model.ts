/**
 * Floating-point pitfalls as pure functions: each textbook formula from the lessons, written the
 * obvious way, set against the module's stable form, with the gap measured in ULPs. The module's
 * forms are checked in the test suite to within 4 ULP (f) and 8 ULP (f') of 80-digit reference
 * values, so the gap here is the textbook formula's own error, up to those few ULPs.
 */
import * as Plot from '@observablehq/plot';
import { getActivation } from '../../lib/activations/index.ts';
import { dotPathMark } from '../../lib/plots/dot-path.ts';
import { ulpDistance } from '../../lib/ulp.ts';
import type { CsvTable } from '../shared/csv.ts';
import type { UrlCodec } from '../shared/url-codec.ts';

/** The widget's state: which pitfall is plotted. */
export interface PitfallState {
  /** A {@link Pitfall} key. */
  readonly key: string;
}

/** One textbook formula and the stable value it should equal. */
export interface Pitfall {
  readonly key: string;
  /** Short name for the picker. */
  readonly label: string;
  /** The formula as written in textbooks, in TeX. */
  readonly tex: string;
  readonly textbook: (x: number) => number;
  readonly stable: (x: number) => number;
  /** Plotted x interval; sampled evenly in asinh(x), so both small and large |x| get points. */
  readonly domain: readonly [number, number];
  /** Inputs worth reading off exactly, with what happens there. */
  readonly probes: readonly number[];
  /** What goes wrong, in one sentence. */
  readonly failure: string;
}

const f = (id: Parameters<typeof getActivation>[0]) => getActivation(id);

/** The pitfalls the lessons refer to. */
export const pitfalls: readonly Pitfall[] = [
  {
    key: 'tanh-exp-ratio',
    label: 'tanh as a ratio of exponentials',
    tex: '\\tanh x = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}',
    textbook: (x) => (Math.exp(x) - Math.exp(-x)) / (Math.exp(x) + Math.exp(-x)),
    stable: (x) => f('tanh').f(x),
    domain: [-800, 800],
    probes: [800, 711, 20, 1e-10],
    failure:
      'Beyond |x| ≈ 710 one exponential overflows to ∞ while the other underflows towards 0, so the ratio is ∞/∞ = NaN; near 0 the numerator cancels.',
  },
  {
    key: 'sigmoid-left-tail',
    label: 'sigmoid as 1 / (1 + e^−x)',
    tex: '\\sigma(x) = \\frac{1}{1 + e^{-x}}',
    textbook: (x) => 1 / (1 + Math.exp(-x)),
    stable: (x) => f('sigmoid').f(x),
    domain: [-760, 40],
    probes: [-720, -740, -40],
    failure:
      'For x below about −709.8, e^−x overflows and the result is 0, although σ(x) is still a positive double down to x ≈ −745.',
  },
  {
    key: 'sigmoid-derivative',
    label: "sigmoid' as σ(1 − σ)",
    tex: "\\sigma'(x) = \\sigma(x)\\,\\big(1 - \\sigma(x)\\big)",
    textbook: (x) => {
      const s = 1 / (1 + Math.exp(-x));
      return s * (1 - s);
    },
    stable: (x) => f('sigmoid').df(x),
    domain: [-60, 60],
    probes: [40, 20, 37],
    failure:
      'For large x, σ(x) rounds to 1 and 1 − σ(x) loses every digit: at x = 40 the product is 0 instead of about 4.2e−18.',
  },
  {
    key: 'softplus-log',
    label: 'softplus as log(1 + e^x)',
    tex: '\\operatorname{softplus}(x) = \\log\\left(1 + e^{x}\\right)',
    textbook: (x) => Math.log(1 + Math.exp(x)),
    stable: (x) => f('softplus').f(x),
    domain: [-800, 800],
    probes: [-40, 710, 36],
    failure:
      'At x = −40, 1 + e^x rounds to 1 and the log is 0; at x = 710, e^x overflows and the result is ∞.',
  },
  {
    key: 'tanh-derivative',
    label: "tanh' as 1 − tanh²",
    tex: "\\tanh'(x) = 1 - \\tanh^2 x",
    textbook: (x) => 1 - Math.tanh(x) ** 2,
    stable: (x) => f('tanh').df(x),
    domain: [-40, 40],
    probes: [20, 10, 19.1],
    failure:
      'tanh(x) rounds to 1 once x passes about 19.1, so 1 − tanh² is 0 where the true slope is still about 1.7e−17 at x = 20.',
  },
  {
    key: 'elu-expm1',
    label: 'ELU as e^x − 1 near 0',
    tex: '\\operatorname{ELU}(x) = e^{x} - 1 \\quad (x \\le 0)',
    textbook: (x) => (x > 0 ? x : Math.exp(x) - 1),
    stable: (x) => f('elu').f(x),
    domain: [-1e-6, 0],
    probes: [-1e-10, -1e-15, -1e-300],
    failure:
      'For tiny negative x, e^x − 1 subtracts two nearly equal numbers: at x = −1e−10 it keeps only about 7 correct digits; expm1 keeps them all.',
  },
];

/** The pitfall with this key (the first one for an unknown key). */
export function pitfallByKey(key: string): Pitfall {
  return pitfalls.find((p) => p.key === key) ?? (pitfalls[0] as Pitfall);
}

/** The textbook result's distance from the stable one, in ULPs (Infinity when one is NaN). */
export function ulpGap(p: Pitfall, x: number): number {
  return ulpDistance(p.textbook(x), p.stable(x));
}

/** The largest gap drawn at its value; larger ones (and NaN) go on the "off scale" row. */
export const ceiling = 1e17;

/**
 * Rows outside the log scale's honest range, each labelled on the axis: exact results (a gap of
 * 0 has no place on a log axis, and drawing it at 1 ULP would claim an error that is not there)
 * and results wrong past the ceiling or NaN. A value is never moved onto the edge of the scale.
 */
const exactRow = 0.5;
const offRow = 1e18;

/** The plotted inputs: evenly spaced in asinh(x) over the pitfall's domain. */
function sampleXs(p: Pitfall): number[] {
  const [a, b] = p.domain;
  const ua = Math.asinh(a);
  const ub = Math.asinh(b);
  const n = 801;
  return Array.from({ length: n }, (_, i) => Math.sinh(ua + ((ub - ua) * i) / (n - 1)));
}

/**
 * Ticks for a symlog x axis: its ends, 0 and the powers of ten from 10 (±1 would crowd 0 on a
 * phone). Plot's own ticks for symlog are evenly spaced in x (−800, −600, −400, ...), which the
 * scale squeezes together near the ends until the labels overlap; powers of ten sit evenly
 * apart. A power is left out when it is within a factor of 2 of an end, whose label would crowd
 * it.
 */
export function symlogTicks(a: number, b: number): number[] {
  const ticks = new Set([a, b]);
  if (a < 0 && b > 0) ticks.add(0);
  for (let p = 10; p < Math.max(-a, b); p *= 10) {
    if (-p > a && -a / p >= 2) ticks.add(-p);
    if (p < b && b / p >= 2) ticks.add(p);
  }
  return [...ticks].sort((x, y) => x - y);
}

/** Plot options: ULP gap of the textbook formula across the domain, log scale. */
export function pitfallPlotOptions(p: Pitfall, width: number, figureId: string): Plot.PlotOptions {
  const [a, b] = p.domain;
  const rows = sampleXs(p).map((x) => ({ x, gap: ulpGap(p, x) }));
  const symlog = Math.max(Math.abs(a), Math.abs(b)) > 100;
  const powers = [1, 1e4, 1e8, 1e12, 1e16];
  return {
    width,
    height: Math.round(Math.min(320, Math.max(220, width * 0.45))),
    marginLeft: 64,
    className: `af-plot-${figureId}`,
    ariaDescription: `Error of the textbook formula in ULPs, log scale, for x from ${a} to ${b}; exact results on the bottom row, errors past ${ceiling} or NaN on the top row.`,
    style: { background: 'transparent', overflow: 'visible' },
    x: {
      domain: [a, b],
      type: symlog ? 'symlog' : 'linear',
      ...(symlog ? { ticks: symlogTicks(a, b) } : {}),
      label: 'x',
      grid: true,
    },
    y: {
      type: 'log',
      domain: [exactRow, offRow],
      label: 'error (ULPs)',
      grid: true,
      ticks: [exactRow, ...powers, offRow],
      tickFormat: (v: number) =>
        v === exactRow
          ? 'exact'
          : v === offRow
            ? 'off scale'
            : v === 1
              ? '1'
              : `1e${Math.round(Math.log10(v))}`,
    },
    marks: [
      Plot.ruleY([4], { stroke: 'var(--curve-3)', strokeDasharray: '3,3' }),
      Plot.ruleY([Math.sqrt(exactRow), Math.sqrt(ceiling * offRow)], { stroke: 'var(--border)' }),
      // 801 samples: one path each rather than a circle each (src/lib/plots/dot-path.ts says why).
      dotPathMark(
        rows.filter((r) => r.gap >= 1 && r.gap <= ceiling).map((r) => ({ x: r.x, y: r.gap })),
        1.6,
        { fill: 'var(--curve-2)' },
      ),
      dotPathMark(
        rows.filter((r) => r.gap === 0).map((r) => ({ x: r.x, y: exactRow })),
        1.6,
        { fill: 'var(--muted)' },
      ),
      Plot.dot(
        rows.filter((r) => !(r.gap <= ceiling)),
        { x: 'x', y: () => offRow, r: 2.5, symbol: 'times', stroke: 'var(--accent)' },
      ),
    ],
  };
}

/** A value for the readout, full precision. */
export function show(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v);
}

/** An ULP gap for the readout. */
export function showGap(gap: number): string {
  if (!Number.isFinite(gap)) return 'NaN vs a number: wrong outright';
  if (gap === 0) return '0 (identical)';
  return gap < 1e6 ? `${gap} ULP` : `${gap.toExponential(2)} ULP`;
}

/** URL parameter: `pitfall`, the key of the plotted formula. */
export const pitfallUrl: UrlCodec<PitfallState> = {
  table: (initial) => ({
    pitfall: { kind: 'enum', values: pitfalls.map((p) => p.key), default: initial.key },
  }),
  encode: (state) => ({ pitfall: state.key }),
  decode: (values) => ({ key: String(values['pitfall']) }),
};

/** The plotted data for download: x, textbook value, stable value, gap in ULPs. */
export function pitfallCsv(state: PitfallState): CsvTable {
  const p = pitfallByKey(state.key);
  return {
    header: ['x', 'textbook', 'stable', 'gap (ULP)'],
    rows: sampleXs(p).map((x) => [x, p.textbook(x), p.stable(x), ulpGap(p, x)]),
  };
}
