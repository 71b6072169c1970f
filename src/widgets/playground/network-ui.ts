/**
 * The reader's side of the network diagram: switching inputs on and off, adding and removing
 * layers and neurons, selecting a neuron, and reading a neuron's or a link's value on hover or
 * keyboard focus. Loaded with the element's modules; every listener is delegated to the diagram's
 * host, whose markup view.ts replaces when the shape changes.
 *
 * Shape and inputs are ordinary settings: a change writes the hidden `feat`, `shape`, `layers`
 * and `width` controls and goes through the same URL table as every other control, so it lands
 * in the address and starts a fresh, reproducible run.
 */
import type { Config } from './config.ts';
import {
  biasOf,
  diagramLayout,
  incomingOf,
  linksOf,
  nearestLink,
  DIAGRAM,
  type Link,
} from './diagram.ts';
import { featureLabels, parseFeatures, toggleFeature, type FeatureId } from './features.ts';
import type { RunSnapshot } from './protocol.ts';
import { UNIT_DEAD, UNIT_INACTIVE } from './unit-flags.ts';

type ConfigModule = typeof import('./config.ts');

/** What the playground element lends the diagram. */
export interface NetworkUiHost {
  /** The element. */
  readonly root: HTMLElement;
  /** The preset's settings (where `layers` and `width` go back to when `shape` is used). */
  readonly base: Config;
  /** The latest snapshot of the first run, or null before the worker answered. */
  snapshot(): RunSnapshot | null;
  /** Current settings. */
  config(): Config;
  /** Re-reads every control (after the hidden ones were written). */
  changed(): void;
  /** Selects a hidden unit (or none) for the histogram view. */
  select(unit: { layer: number; index: number } | null): void;
}

const fmt = (v: number): string =>
  Number.isFinite(v)
    ? (Math.abs(v) >= 100 ? v.toExponential(2) : v.toFixed(3)).replace('-', '−')
    : String(v);

/** Wires the diagram inside `host.root`. */
export function wireNetwork(host: NetworkUiHost, config: ConfigModule): void {
  const net = host.root.querySelector<HTMLElement>('[data-view="network"]');
  const readout = host.root.querySelector<HTMLElement>('[data-out="net-hover"]');
  if (!net || !readout) return;
  const hint = readout.textContent ?? '';

  const setHidden = (next: Config): void => {
    for (const key of ['feat', 'shape', 'layers', 'width'] as const) {
      const el = host.root.querySelector<HTMLInputElement>(`[data-param="${key}"]`);
      if (el) el.value = String(next[key]);
    }
    host.changed();
  };
  const resize = (change: (sizes: number[]) => void): void => {
    const c = host.config();
    const sizes = config.hiddenSizes(c);
    change(sizes);
    setHidden(config.withHiddenSizes(c, sizes, host.base));
  };
  const name = (
    layer: number,
    index: number,
    features: readonly FeatureId[],
    last: number,
  ): string =>
    layer === 0
      ? `input ${featureLabels[features[index]!]}`
      : layer === last
        ? 'the output'
        : `hidden ${layer}, neuron ${index + 1}`;

  const describeUnit = (key: string): string => {
    const [layer = 1, index = 0] = key.split(':').map(Number);
    const s = host.snapshot();
    const label = `Hidden layer ${layer}, neuron ${index + 1}`;
    if (!s) return `${label}.`;
    const unit = s.units.slice(0, layer - 1).reduce((a, b) => a + b, 0) + index;
    const size =
      s.neurons.length /
      Math.max(
        1,
        s.units.reduce((a, b) => a + b, 0),
      );
    const map = s.neurons.subarray(unit * size, (unit + 1) * size);
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of map) {
      if (!Number.isFinite(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    const flags = s.unitFlags[unit] ?? 0;
    const state =
      flags & UNIT_DEAD ? 'dead' : flags & UNIT_INACTIVE ? 'inactive, not dead' : 'active';
    const features = parseFeatures(host.config().feat);
    const weights = incomingOf(s.sizes, s.params, layer, index);
    const incoming =
      layer === 1
        ? `from the inputs: ${weights.map((w, i) => `${featureLabels[features[i]!]} ${fmt(w)}`).join(', ')}`
        : `from hidden layer ${layer - 1}: ${weights.map((w, i) => `#${i + 1} ${fmt(w)}`).join(', ')}`;
    return `${label}: output ${fmt(lo)} to ${fmt(hi)} over the plane, bias ${fmt(biasOf(s.sizes, s.params, layer, index))}, ${state}. Incoming weights ${incoming}.`;
  };
  const describeLink = (l: Link): string => {
    const s = host.snapshot();
    const features = parseFeatures(host.config().feat);
    const last = (s?.sizes.length ?? 2) - 1;
    return `Weight from ${name(l.layer - 1, l.from, features, last)} to ${name(l.layer, l.to, features, last)}: ${fmt(l.weight)}.`;
  };
  const show = (text: string): void => {
    if (readout.textContent !== text) readout.textContent = text;
  };
  // The hovered link drawn again on top, so the reader sees which one the value belongs to.
  const highlight = (l: Link | undefined): void => {
    const line = net.querySelector<SVGLineElement>('.pg-link-hover');
    if (!line) return;
    line.style.display = l ? 'inline' : 'none';
    if (l)
      for (const [k, v] of Object.entries({ x1: l.x1, y1: l.y1, x2: l.x2, y2: l.y2 }))
        line.setAttribute(k, v.toFixed(1));
  };
  const toggleSelect = (g: Element): void => {
    const key = g.getAttribute('data-neuron');
    // The markup is the truth: it is rebuilt (and the selection checked) when the shape changes.
    const selected = g.getAttribute('aria-pressed') === 'true' ? null : key;
    for (const el of net.querySelectorAll('[data-neuron]'))
      el.setAttribute('aria-pressed', String(el.getAttribute('data-neuron') === selected));
    const [layer = 1, index = 0] = (selected ?? '').split(':').map(Number);
    host.select(selected ? { layer, index } : null);
  };
  const act = (target: Element): void => {
    const feature = target.closest('[data-feature]');
    const layers = target.closest('[data-layers]');
    const units = target.closest('[data-units]');
    const unit = target.closest('[data-neuron]');
    if (feature)
      setHidden({
        ...host.config(),
        feat: toggleFeature(host.config().feat, feature.getAttribute('data-feature') as FeatureId),
      });
    else if (layers)
      resize((sizes) =>
        layers.getAttribute('data-layers') === '1' ? sizes.push(sizes.at(-1) ?? 4) : sizes.pop(),
      );
    else if (units) {
      const [l = 0, d = 0] = (units.getAttribute('data-units') ?? '').split(':').map(Number);
      resize((sizes) => (sizes[l] = (sizes[l] ?? 1) + d));
    } else if (unit) toggleSelect(unit);
  };

  net.addEventListener('click', (e) => {
    if (e.target instanceof Element) act(e.target);
  });
  // The SVG nodes are not buttons: Enter and Space act on them as on one.
  net.addEventListener('keydown', (e) => {
    const node =
      e.target instanceof Element ? e.target.closest('[data-feature], [data-neuron]') : null;
    if (node && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      act(node);
    }
  });
  net.addEventListener('focusin', (e) => {
    const node =
      e.target instanceof Element ? e.target.closest('[data-feature], [data-neuron]') : null;
    const key = node?.getAttribute('data-neuron');
    if (key) show(describeUnit(key));
    else if (node)
      show(
        `Input ${featureLabels[node.getAttribute('data-feature') as FeatureId]}: ${node.getAttribute('aria-checked') === 'true' ? 'on' : 'off'}; Enter switches it.`,
      );
  });
  net.addEventListener('pointermove', (e) => {
    const target = e.target instanceof Element ? e.target : null;
    const key = target?.closest('[data-neuron]')?.getAttribute('data-neuron');
    if (key) return (highlight(undefined), show(describeUnit(key)));
    const svg = net.querySelector('svg.pg-net-nodes');
    const s = host.snapshot();
    if (!svg || !s) return;
    const box = svg.getBoundingClientRect();
    const x = ((e.clientX - box.left) / box.width) * DIAGRAM.width;
    const y = ((e.clientY - box.top) / box.height) * DIAGRAM.height;
    const link = nearestLink(
      linksOf(diagramLayout(s.units), parseFeatures(host.config().feat), s.params),
      x,
      y,
      5,
    );
    highlight(link);
    show(link ? describeLink(link) : hint);
  });
  net.addEventListener('pointerleave', () => (highlight(undefined), show(hint)));
}
