/**
 * The network diagram (TensorFlow Playground's signature picture) as pure geometry and markup:
 * the seven input features on the left, one small map per hidden unit, the output on the right,
 * and a link per weight, coloured by sign and as wide as its magnitude. No DOM: the same string
 * is the build-time figure (with each unit's epoch-0 map drawn as SVG paths) and what the page
 * puts in place when the shape changes; the live maps are then painted on one canvas between the
 * links and the nodes (neuron-maps.ts), and the links redrawn as a dozen paths (linkPaths).
 *
 * Why a dozen paths and not a path per link: the largest network has about 2,000 links, and
 * restyling 2,000 elements per frame costs more than the frame budget; grouped by sign and width
 * step, an update is 12 attribute writes. Hover finds the nearest link by geometry instead.
 */
import { featureFunctions, featureIds, featureLabels, type FeatureId } from './features.ts';

/** The diagram's coordinate box (SVG view box units). */
export const DIAGRAM = { width: 600, height: 400 } as const;

const INPUT = { x: 52, size: 26, gap: 12 } as const;
const HIDDEN = { from: 118, to: 522 } as const;
const OUTPUT = { x: 556, size: 36 } as const;
/** Top and bottom of the band nodes are placed in (the bottom band holds the layer widths). */
const BAND = { top: 6, bottom: DIAGRAM.height - 22 } as const;

/** A square node in view-box units (x, y: top-left corner). */
export interface NodeBox {
  readonly x: number;
  readonly y: number;
  readonly size: number;
}

/** Where everything goes for some hidden sizes. */
export interface DiagramLayout {
  /** All seven features, active or not. */
  readonly inputs: readonly (NodeBox & { readonly id: FeatureId })[];
  /** Per hidden layer, its units. */
  readonly units: readonly (readonly NodeBox[])[];
  /** The output node. */
  readonly output: NodeBox;
  /** Horizontal centre of each hidden layer's column. */
  readonly columns: readonly number[];
}

function column(count: number, size: number, gap: number, x: number): NodeBox[] {
  const height = count * size + (count - 1) * gap;
  const top = (BAND.top + BAND.bottom) / 2 - height / 2;
  return Array.from({ length: count }, (_, i) => ({ x, y: top + i * (size + gap), size }));
}

/** The layout for some hidden-layer sizes (the inputs are always all seven features). */
export function diagramLayout(hidden: readonly number[]): DiagramLayout {
  const widest = Math.max(1, ...hidden);
  const size = Math.max(12, Math.min(36, Math.floor((BAND.bottom - BAND.top) / widest) - 4));
  const gap = Math.min(
    12,
    Math.max(3, (BAND.bottom - BAND.top - widest * size) / Math.max(1, widest - 1)),
  );
  const step = (HIDDEN.to - HIDDEN.from) / Math.max(1, hidden.length);
  const columns = hidden.map((_, l) => HIDDEN.from + (l + 0.5) * step);
  // Wide enough columns could take bigger maps, but equal sizes keep the layers comparable.
  const unitSize = Math.min(size, step - 14);
  return {
    inputs: column(featureIds.length, INPUT.size, INPUT.gap, INPUT.x).map((b, i) => ({
      ...b,
      id: featureIds[i]!,
    })),
    units: hidden.map((u, l) =>
      column(u, unitSize, gap + size - unitSize, columns[l]! - unitSize / 2),
    ),
    output: column(1, OUTPUT.size, 0, OUTPUT.x)[0]!,
    columns,
  };
}

/** One weight as drawn: from the right edge of its source to the left edge of its target. */
export interface Link {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly weight: number;
  /** Layer of the target: 1 = first hidden layer; the output layer is hidden.length + 1. */
  readonly layer: number;
  /** Index of the source in its layer (for the first layer: among the active features). */
  readonly from: number;
  /** Index of the target in its layer. */
  readonly to: number;
}

/**
 * Every link of a network with `sizes` (inputs = active features first, output last) and
 * parameters in the engine's layout `[W1 b1 … WL bL …]`, W out×in row-major.
 */
export function linksOf(
  layout: DiagramLayout,
  features: readonly FeatureId[],
  params: Float64Array,
): Link[] {
  const sources: (readonly NodeBox[])[] = [
    features.map((f) => layout.inputs[featureIds.indexOf(f)]!),
    ...layout.units,
  ];
  const targets: (readonly NodeBox[])[] = [...layout.units, [layout.output]];
  const links: Link[] = [];
  let offset = 0;
  targets.forEach((outs, l) => {
    const ins = sources[l]!;
    outs.forEach((t, j) => {
      ins.forEach((s, i) => {
        links.push({
          x1: s.x + s.size,
          y1: s.y + s.size / 2,
          x2: t.x,
          y2: t.y + t.size / 2,
          weight: params[offset + j * ins.length + i] ?? 0,
          layer: l + 1,
          from: i,
          to: j,
        });
      });
    });
    offset += ins.length * outs.length + outs.length;
  });
  return links;
}

/** The bias of unit `index` of non-input layer `layer` (1-based), from the same parameter layout. */
export function biasOf(
  sizes: readonly number[],
  params: Float64Array,
  layer: number,
  index: number,
): number {
  let offset = 0;
  for (let l = 1; l < layer; l++) offset += sizes[l - 1]! * sizes[l]! + sizes[l]!;
  return params[offset + sizes[layer - 1]! * sizes[layer]! + index] ?? NaN;
}

/** The incoming weights of unit `index` of non-input layer `layer` (1-based). */
export function incomingOf(
  sizes: readonly number[],
  params: Float64Array,
  layer: number,
  index: number,
): number[] {
  let offset = 0;
  for (let l = 1; l < layer; l++) offset += sizes[l - 1]! * sizes[l]! + sizes[l]!;
  const n = sizes[layer - 1]!;
  return Array.from(params.subarray(offset + index * n, offset + (index + 1) * n));
}

/** Width steps of the links: |w| at or above each threshold takes the next width. */
const THRESHOLDS = [0.15, 0.4, 0.8, 1.5, 3] as const;
/** Stroke width of each step, in view-box units. */
export const LINK_WIDTHS = [0.6, 1.1, 1.7, 2.4, 3.2, 4.2] as const;

/** The width step of a weight. */
export const linkStep = (w: number): number => THRESHOLDS.filter((t) => Math.abs(w) >= t).length;

/** Path data per sign and width step: `positive[k]` and `negative[k]` for step k. */
export function linkPaths(links: readonly Link[]): { positive: string[]; negative: string[] } {
  const positive = LINK_WIDTHS.map(() => '');
  const negative = LINK_WIDTHS.map(() => '');
  for (const l of links) {
    if (!Number.isFinite(l.weight)) continue;
    const list = l.weight >= 0 ? positive : negative;
    const k = linkStep(l.weight);
    list[k] += `M${l.x1.toFixed(1)} ${l.y1.toFixed(1)}L${l.x2.toFixed(1)} ${l.y2.toFixed(1)}`;
  }
  return { positive, negative };
}

/** The link nearest to (x, y) within `radius` view-box units, or undefined. */
export function nearestLink(
  links: readonly Link[],
  x: number,
  y: number,
  radius: number,
): Link | undefined {
  let best: Link | undefined;
  let bestD = radius * radius;
  for (const l of links) {
    const dx = l.x2 - l.x1;
    const dy = l.y2 - l.y1;
    const t = Math.max(
      0,
      Math.min(1, ((x - l.x1) * dx + (y - l.y1) * dy) / (dx * dx + dy * dy || 1)),
    );
    const ex = l.x1 + t * dx - x;
    const ey = l.y1 + t * dy - y;
    const d = ex * ex + ey * ey;
    if (d < bestD) {
      bestD = d;
      best = l;
    }
  }
  return best;
}

/** Opacity steps of a static map. */
const LEVELS = 5;

/** A side×side field of values (top row first) to draw in a box. */
export interface Field {
  readonly values: ArrayLike<number>;
  readonly side: number;
  readonly box: NodeBox;
}

/**
 * Fields as SVG paths, each scaled by its own largest |value|: one path per sign and opacity step
 * for all the fields together, runs of a row merged. A path per field and step made some 150
 * elements for the default network, the largest part of the playground's first style and layout
 * on a phone. Build time only (and the inputs, whose maps never change).
 */
export function fieldPaths(fields: readonly Field[]): string {
  const runs = new Map<string, string>();
  for (const { values, side, box } of fields) {
    let peak = 0;
    for (let i = 0; i < side * side; i++)
      if (Number.isFinite(values[i])) peak = Math.max(peak, Math.abs(values[i]!));
    const cell = box.size / side;
    const keyOf = (v: number): string => {
      const t = peak > 0 && Number.isFinite(v) ? v / peak : 0;
      const level = Math.min(LEVELS - 1, Math.floor(Math.abs(t) * LEVELS));
      return `${t >= 0 ? 1 : 2}:${level}`;
    };
    for (let r = 0; r < side; r++) {
      let c = 0;
      while (c < side) {
        const key = keyOf(values[r * side + c]!);
        let end = c + 1;
        while (end < side && keyOf(values[r * side + end]!) === key) end++;
        const x1 = (box.x + c * cell).toFixed(1);
        const y1 = (box.y + r * cell).toFixed(1);
        runs.set(
          key,
          `${runs.get(key) ?? ''}M${x1} ${y1}h${((end - c) * cell).toFixed(1)}v${cell.toFixed(1)}h${(-(end - c) * cell).toFixed(1)}z`,
        );
        c = end;
      }
    }
  }
  return [...runs]
    .map(([key, d]) => {
      const [sign, level] = key.split(':').map(Number) as [number, number];
      return `<path d="${d}" fill="var(--curve-${sign})" fill-opacity="${(0.1 + (0.8 * (level + 0.5)) / LEVELS).toFixed(2)}"/>`;
    })
    .join('');
}

/** A feature's values on an n×n grid of the plane [−6, 6]², top row first. */
export function featureField(id: FeatureId, n: number, extent: number): Float64Array {
  const out = new Float64Array(n * n);
  const f = featureFunctions[id];
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++)
      out[r * n + c] = f(
        -extent + ((c + 0.5) * 2 * extent) / n,
        extent - ((r + 0.5) * 2 * extent) / n,
      );
  }
  return out;
}

/** What {@link diagramMarkup} draws. */
export interface DiagramInput {
  /** Units per hidden layer. */
  readonly hidden: readonly number[];
  /** Active features, in network order. */
  readonly features: readonly FeatureId[];
  /** The network's parameters (engine layout), for the links. */
  readonly params: Float64Array;
  /** Build time: each hidden unit's thumb×thumb map, unit after unit (the live page paints a canvas instead). */
  readonly maps?: {
    readonly values: Float64Array;
    readonly side: number;
    readonly output: Float64Array;
    readonly outputSide: number;
  };
  /** Half-width of the plane the maps cover. */
  readonly extent: number;
  /** Most hidden layers and units per layer the +/− buttons allow. */
  readonly maxLayers: number;
  readonly maxWidth: number;
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * The diagram's HTML: the layer controls, then a box holding the links (SVG), the live maps'
 * canvas and the nodes (SVG: focusable inputs and units, each unit a `data-neuron="l:i"` group).
 */
export function diagramMarkup(input: DiagramInput): string {
  const { hidden, features } = input;
  const layout = diagramLayout(hidden);
  const { width: W, height: H } = DIAGRAM;
  const pct = (x: number): string => `${((100 * x) / W).toFixed(2)}%`;
  const paths = linkPaths(linksOf(layout, features, input.params));
  const linkSvg = LINK_WIDTHS.map(
    (w, k) =>
      `<path data-links="positive-${k}" d="${paths.positive[k]}" stroke="var(--pg-link-positive)" stroke-width="${w}"/><path data-links="negative-${k}" d="${paths.negative[k]}" stroke="var(--pg-link-negative)" stroke-width="${w}"/>`,
  ).join('');
  const fieldSide = 12;
  const fields: Field[] = layout.inputs.map((box) => ({
    values: featureField(box.id, fieldSide, input.extent),
    side: fieldSide,
    box,
  }));
  if (input.maps) {
    const { values, side, output, outputSide } = input.maps;
    let unit = 0;
    for (const layer of layout.units)
      for (const box of layer)
        fields.push({
          values: values.subarray(side * side * unit, side * side * ++unit),
          side,
          box,
        });
    fields.push({ values: output, side: outputSide, box: layout.output });
  }
  const inputNodes = layout.inputs
    .map((b) => {
      const on = features.includes(b.id);
      const label = featureLabels[b.id];
      return `<g class="pg-node pg-input" data-feature="${b.id}" role="switch" aria-checked="${on}" tabindex="0" aria-label="Input ${esc(label)}"><rect class="pg-frame" x="${b.x}" y="${b.y.toFixed(1)}" width="${b.size}" height="${b.size}"/><text x="${b.x - 5}" y="${(b.y + b.size / 2 + 4).toFixed(1)}" text-anchor="end">${esc(label)}</text></g>`;
    })
    .join('');
  const unitNodes = layout.units
    .map((layer, l) =>
      layer
        .map((b, i) => {
          const x = b.x.toFixed(1);
          const y = b.y.toFixed(1);
          const s = b.size.toFixed(1);
          const x2 = (b.x + b.size).toFixed(1);
          const y2 = (b.y + b.size).toFixed(1);
          return `<g class="pg-node pg-unit" data-neuron="${l + 1}:${i}" role="button" tabindex="0" aria-pressed="false" aria-label="Hidden layer ${l + 1}, neuron ${i + 1}"><rect class="pg-frame" x="${x}" y="${y}" width="${s}" height="${s}"/><path class="pg-dead-mark" d="M${x} ${y}L${x2} ${y2}M${x2} ${y}L${x} ${y2}"/></g>`;
        })
        .join(''),
    )
    .join('');
  const o = layout.output;
  const widths = layout.units
    .map(
      (layer, l) =>
        `<text class="pg-width" x="${layout.columns[l]!.toFixed(1)}" y="${H - 6}" text-anchor="middle">${layer.length}</text>`,
    )
    .join('');
  const cols = hidden
    .map(
      (u, l) =>
        `<div class="pg-net-col" style="left:${pct(layout.columns[l]!)}"><button type="button" data-units="${l}:1" aria-label="Add a neuron to layer ${l + 1} (now ${u})" ${u >= input.maxWidth ? 'disabled' : ''}>+</button><button type="button" data-units="${l}:-1" aria-label="Remove a neuron from layer ${l + 1} (now ${u})" ${u <= 1 ? 'disabled' : ''}>−</button></div>`,
    )
    .join('');
  const count = hidden.length;
  return (
    `<div class="pg-net-edit"><button type="button" data-layers="-1" aria-label="Remove the last hidden layer" ${count === 0 ? 'disabled' : ''}>−</button><span>${count} hidden layer${count === 1 ? '' : 's'}</span><button type="button" data-layers="1" aria-label="Add a hidden layer" ${count >= input.maxLayers ? 'disabled' : ''}>+</button></div>` +
    `<div class="pg-net-cols">${cols}</div>` +
    `<div class="pg-net-box" style="aspect-ratio:${W}/${H}">` +
    `<svg class="pg-net-links" viewBox="0 0 ${W} ${H}" aria-hidden="true"><g fill="none" stroke-linecap="round">${linkSvg}</g>${fieldPaths(fields)}</svg>` +
    `<canvas class="pg-net-maps" width="${2 * W}" height="${2 * H}" aria-hidden="true"></canvas>` +
    `<svg class="pg-net-nodes" viewBox="0 0 ${W} ${H}" role="group" aria-label="Network: ${features.length} inputs, hidden layers of ${hidden.join(', ') || 'none'} neurons, one output"><line class="pg-link-hover" x1="0" y1="0" x2="0" y2="0" style="display:none"/>${inputNodes}${unitNodes}<rect class="pg-frame pg-output" x="${o.x}" y="${o.y.toFixed(1)}" width="${o.size}" height="${o.size}"/><text class="pg-width" x="${o.x + o.size / 2}" y="${(o.y - 6).toFixed(1)}" text-anchor="middle">output</text>${widths}</svg>` +
    `</div>`
  );
}
