/**
 * Tiny per-neuron maps on canvas: one THUMB×THUMB image per hidden unit, coloured like the
 * decision boundary. Canvas rather than SVG because there can be 128 of them, redrawn live.
 * DOM-only helpers; the arrays come from the worker's snapshot.
 */
import { THUMB } from './config.ts';

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

/**
 * Draws every hidden unit of a snapshot into `host`, creating the canvases when the layer sizes
 * change. Each unit's values are scaled by its own largest |value|, so a unit with a small range
 * (a sigmoid near 0.5, a nearly dead ReLU) still shows its shape.
 */
export function drawNeuronMaps(host: HTMLElement, neurons: Float64Array, units: readonly number[], colors: readonly [Rgb, Rgb, Rgb]): void {
  const key = units.join(',');
  if (host.dataset.units !== key) {
    host.dataset.units = key;
    host.replaceChildren(
      ...units.map((u, l) => {
        const row = document.createElement('div');
        row.className = 'pg-neuron-row';
        const label = document.createElement('span');
        label.textContent = `hidden ${l + 1}`;
        row.append(label);
        for (let j = 0; j < u; j++) {
          const c = document.createElement('canvas');
          c.width = THUMB;
          c.height = THUMB;
          row.append(c);
        }
        return row;
      }),
    );
  }
  const canvases = host.querySelectorAll('canvas');
  const size = THUMB * THUMB;
  const [neg, mid, pos] = colors;
  canvases.forEach((canvas, unit) => {
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const values = neurons.subarray(unit * size, (unit + 1) * size);
    let peak = 0;
    for (const v of values) if (Number.isFinite(v)) peak = Math.max(peak, Math.abs(v));
    const image = ctx.createImageData(THUMB, THUMB);
    for (let i = 0; i < size; i++) {
      const [r, g, b] = mix(peak > 0 ? (values[i] ?? 0) / peak : 0, neg, mid, pos);
      image.data.set([r, g, b, 255], 4 * i);
    }
    ctx.putImageData(image, 0, 0);
  });
}

/**
 * Paints side×side values (top row first) into a canvas of that size, one pixel per value, in
 * [−1, 1] between the three colours; CSS scales it up with smoothing, which is the interpolation.
 */
export function paintGrid(canvas: HTMLCanvasElement, values: Float64Array, side: number, colors: readonly [Rgb, Rgb, Rgb]): void {
  if (canvas.width !== side) canvas.width = canvas.height = side;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const image = ctx.createImageData(side, side);
  const [neg, mid, pos] = colors;
  for (let i = 0; i < side * side; i++) {
    const [r, g, b] = mix(values[i] ?? 0, neg, mid, pos);
    image.data.set([r, g, b, 255], 4 * i);
  }
  ctx.putImageData(image, 0, 0);
}
