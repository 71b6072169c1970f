/**
 * Tiny per-neuron maps on canvas: one THUMB×THUMB image per hidden unit, coloured like the
 * decision boundary. Canvas rather than SVG because there can be 128 of them, redrawn live.
 * DOM-only helpers; the arrays come from the worker's snapshot.
 */
import { THUMB } from './config.ts';
import { DIAGRAM, type DiagramLayout } from './diagram.ts';

/** An RGB triple. */
export type Rgb = readonly [number, number, number];

/**
 * Resolves a CSS colour (a theme variable, which may be a `light-dark()` pair) to RGB by letting
 * the browser compute it on a probe element: canvas pixels need numbers, not variables.
 */
export function resolveColor(root: HTMLElement, css: string): Rgb {
  const probe = document.createElement('span');
  probe.style.color = css;
  probe.hidden = true;
  root.append(probe);
  const computed = getComputedStyle(probe).color;
  probe.remove();
  const [r = 128, g = 128, b = 128] = (computed.match(/[\d.]+/g) ?? []).map(Number);
  return [r, g, b];
}

/** Colour of value v in [−1, 1] between negative, neutral and positive. */
export function mix(v: number, neg: Rgb, mid: Rgb, pos: Rgb): Rgb {
  const t = Math.max(-1, Math.min(1, Number.isFinite(v) ? v : 0));
  const [a, w] = t >= 0 ? [pos, t] : [neg, -t];
  return [mid[0] + (a[0] - mid[0]) * w, mid[1] + (a[1] - mid[1]) * w, mid[2] + (a[2] - mid[2]) * w];
}

/** Colour steps of a {@link palette}: finer than a canvas pixel's 8 bits per channel can show. */
const STEPS = 512;

/**
 * The colours of values −1…1 in {@link STEPS} steps, as RGBA bytes: a pixel then costs a lookup,
 * not a {@link mix} call and two small arrays (128 maps of 256 pixels were 65,000 allocations a
 * redraw, a large part of the longest main-thread tasks while a deep network trained).
 */
function palette(colors: readonly [Rgb, Rgb, Rgb]): Uint8ClampedArray {
  const [neg, mid, pos] = colors;
  const out = new Uint8ClampedArray(4 * (STEPS + 1));
  for (let k = 0; k <= STEPS; k++) {
    const [r, g, b] = mix((2 * k) / STEPS - 1, neg, mid, pos);
    out.set([r, g, b, 255], 4 * k);
  }
  return out;
}

/** Writes `n` values, each scaled by `scale` and clamped to −1…1 (non-finite as 0), into RGBA pixels. */
function paint(
  pixels: Uint8ClampedArray,
  values: Float64Array,
  n: number,
  scale: number,
  colors: Uint8ClampedArray,
): void {
  for (let i = 0; i < n; i++) {
    const v = (values[i] ?? 0) * scale;
    // v − v is 0 exactly for finite v (NaN otherwise): non-finite values are neutral, as in mix.
    const t = v - v === 0 ? (v > 1 ? 1 : v < -1 ? -1 : v) : 0;
    const k = 4 * Math.round((t + 1) * (STEPS / 2));
    pixels[4 * i] = colors[k]!;
    pixels[4 * i + 1] = colors[k + 1]!;
    pixels[4 * i + 2] = colors[k + 2]!;
    pixels[4 * i + 3] = 255;
  }
}

/** Side of one unit's map on screen, and the gap between maps, in CSS pixels. */
const CELL = 40;
const GAP = 4;

/**
 * Draws every hidden unit of a snapshot into `host`: one canvas per hidden layer holding all its
 * units' maps (created when the layer sizes change). One canvas a layer, not one a unit: 128
 * canvases made 128 composited layers, and committing them cost more main-thread time per frame
 * than drawing them. Each unit's values are scaled by its own largest |value|, so a unit with a
 * small range (a sigmoid near 0.5, a nearly dead ReLU) still shows its shape; each THUMB×THUMB
 * map is scaled up with smoothing, which is the interpolation.
 */
export function drawNeuronMaps(
  host: HTMLElement,
  neurons: Float64Array,
  units: readonly number[],
  colors: readonly [Rgb, Rgb, Rgb],
): void {
  const key = units.join(',');
  if (host.dataset.units !== key) {
    host.dataset.units = key;
    host.replaceChildren(
      ...units.map((u, l) => {
        const row = document.createElement('div');
        row.className = 'pg-neuron-row';
        const label = document.createElement('span');
        label.textContent = `hidden ${l + 1}`;
        const c = document.createElement('canvas');
        c.width = u * (CELL + GAP) - GAP;
        c.height = CELL;
        // Inline, over the stylesheet's per-unit canvas size: the row shrinks to fit narrow screens.
        Object.assign(c.style, { width: `min(100%, ${c.width}px)`, height: 'auto', border: '0' });
        c.dataset.units = String(u);
        row.append(label, c);
        return row;
      }),
    );
  }
  const size = THUMB * THUMB;
  const lut = palette(colors);
  // A thin frame per map, a third of the way from the background to mid grey: visible in either theme.
  const border = `rgb(${colors[1].map((v) => Math.round(v + (128 - v) / 3)).join(',')})`;
  // Each layer's maps go side by side into one image, one putImageData into a scratch canvas,
  // then one scaled drawImage per map from it: a canvas source is snapshotted once per layer.
  const scratch = document.createElement('canvas');
  scratch.height = THUMB;
  const tile = scratch.getContext('2d');
  const map = new Uint8ClampedArray(4 * size);
  let unit = 0;
  for (const canvas of host.querySelectorAll('canvas')) {
    const ctx = canvas.getContext('2d');
    const count = Number(canvas.dataset.units);
    if (!ctx || !tile) return;
    scratch.width = count * THUMB;
    const row = new ImageData(count * THUMB, THUMB);
    for (let j = 0; j < count; j++) {
      const values = neurons.subarray((unit + j) * size, (unit + j + 1) * size);
      let peak = 0;
      for (const v of values) if (Number.isFinite(v)) peak = Math.max(peak, Math.abs(v));
      paint(map, values, size, peak > 0 ? 1 / peak : 0, lut);
      for (let r = 0; r < THUMB; r++)
        row.data.set(
          map.subarray(4 * r * THUMB, 4 * (r + 1) * THUMB),
          4 * (r * count * THUMB + j * THUMB),
        );
    }
    tile.putImageData(row, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.imageSmoothingEnabled = true;
    ctx.strokeStyle = border;
    for (let j = 0; j < count; j++) {
      const x = j * (CELL + GAP);
      ctx.drawImage(scratch, j * THUMB, 0, THUMB, THUMB, x, 0, CELL, CELL);
      ctx.strokeRect(x + 0.5, 0.5, CELL - 1, CELL - 1);
    }
    unit += count;
  }
}

/**
 * Paints every hidden unit's map and the output's map into the diagram's one canvas, at the
 * layout's places (view-box units; the canvas is the view box at 2x). Each unit is scaled by its
 * own largest |value|, like {@link drawNeuronMaps}; the output keeps the boundary's scale. All
 * maps go into one image first (one putImageData), then one smoothed drawImage per map: a canvas
 * per unit would be a composited layer per unit, which cost more than the drawing.
 */
export function drawDiagramMaps(
  canvas: HTMLCanvasElement,
  layout: DiagramLayout,
  neurons: Float64Array,
  output: { values: Float64Array; side: number; discrete: boolean },
  colors: readonly [Rgb, Rgb, Rgb],
): void {
  // As many pixels as the screen shows, not a fixed 2x of the view box: at 1x a 2x canvas was 4x
  // the pixels to upload, and its commit was the largest part of the longest frame.
  const width = Math.max(1, Math.round(canvas.clientWidth * devicePixelRatio));
  if (width !== canvas.width) {
    canvas.width = width;
    canvas.height = Math.round((width * DIAGRAM.height) / DIAGRAM.width);
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const boxes = layout.units.flat();
  const size = THUMB * THUMB;
  const lut = palette(colors);
  const scratch = document.createElement('canvas');
  scratch.width = Math.max(1, boxes.length) * THUMB;
  scratch.height = THUMB;
  const tile = scratch.getContext('2d');
  if (!tile) return;
  const row = new ImageData(scratch.width, THUMB);
  const map = new Uint8ClampedArray(4 * size);
  const count = Math.min(boxes.length, neurons.length / size);
  for (let j = 0; j < count; j++) {
    const values = neurons.subarray(j * size, (j + 1) * size);
    let peak = 0;
    for (const v of values) if (Number.isFinite(v)) peak = Math.max(peak, Math.abs(v));
    paint(map, values, size, peak > 0 ? 1 / peak : 0, lut);
    for (let r = 0; r < THUMB; r++)
      row.data.set(
        map.subarray(4 * r * THUMB, 4 * (r + 1) * THUMB),
        4 * (r * scratch.width + j * THUMB),
      );
  }
  tile.putImageData(row, 0, 0);
  const out = document.createElement('canvas');
  paintGrid(out, output.values, output.side, colors, output.discrete);
  const scale = canvas.width / DIAGRAM.width;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.imageSmoothingEnabled = true;
  for (let j = 0; j < count; j++) {
    const b = boxes[j]!;
    ctx.drawImage(scratch, j * THUMB, 0, THUMB, THUMB, b.x, b.y, b.size, b.size);
  }
  const o = layout.output;
  ctx.drawImage(out, o.x, o.y, o.size, o.size);
}

/**
 * Paints side×side values (top row first) into a canvas of that size, one pixel per value, in
 * [−1, 1] between the three colours; CSS scales it up with smoothing, which is the interpolation.
 */
export function paintGrid(
  canvas: HTMLCanvasElement,
  values: Float64Array,
  side: number,
  colors: readonly [Rgb, Rgb, Rgb],
  discrete = false,
): void {
  if (canvas.width !== side) canvas.width = canvas.height = side;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const image = ctx.createImageData(side, side);
  // Discretised: every point shows only which side of 0 it is on (TensorFlow Playground's option).
  const shown = discrete ? values.map((v) => (v > 0 ? 1 : v < 0 ? -1 : 0)) : values;
  paint(image.data, shown, side * side, 1, palette(colors));
  ctx.putImageData(image, 0, 0);
}
