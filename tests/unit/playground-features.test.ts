/**
 * The playground's TensorFlow-Playground settings as pure parts: input features, per-layer widths
 * (and old `layers`/`width` links), regression, train/test ratio, and the per-unit statistics the
 * network diagram shows.
 */
import { describe, expect, it } from 'vitest';
import { parseParams, serializeParams } from '../../src/lib/url-state.ts';
import {
  configTable,
  datasetOf,
  defaultConfig,
  hiddenSizes,
  registrySpecOf,
  withHiddenSizes,
  type Config,
} from '../../src/widgets/playground/config.ts';
import {
  featureIds,
  featurize,
  parseFeatures,
  toggleFeature,
} from '../../src/widgets/playground/features.ts';
import { UNIT_DEAD, UNIT_INACTIVE, createSession } from '../../src/widgets/playground/session.ts';
import { specOf } from '../../src/widgets/playground/custom.ts';
import {
  LINK_WIDTHS,
  biasOf,
  diagramLayout,
  diagramMarkup,
  incomingOf,
  linkPaths,
  linksOf,
  nearestLink,
} from '../../src/widgets/playground/diagram.ts';
import { createMlp } from '../../src/lib/nn/index.ts';

const parse = (query: string) => parseParams(configTable, query, 'train');

describe('input features', () => {
  it('featurize computes every feature per point, and the default is the points themselves', () => {
    const points = Float64Array.of(2, -3, 0.5, 1);
    expect(featurize(points, 2, ['x1', 'x2'])).toBe(points);
    const all = featurize(points, 2, featureIds);
    expect(Array.from(all.slice(0, 7))).toEqual([2, -3, 4, 9, -6, Math.sin(2), Math.sin(-3)]);
    expect(all).toHaveLength(14);
  });

  it('the setting reads in network order, each once; toggling never leaves none', () => {
    expect(parseFeatures('x2sq,x1,x1sq,x1')).toEqual(['x1', 'x1sq', 'x2sq']);
    expect(parse('train.feat=x2,x1').values.feat).toBe('x1,x2');
    expect(parse('train.feat=x2,x1').notices.map((n) => n.message)).toEqual([
      'Adjusted train.feat: written as x1,x2 (each once, in order).',
    ]);
    expect(parse('train.feat=x1,x2').notices).toEqual([]);
    expect(toggleFeature('x1,x2', 'x1sq')).toBe('x1,x2,x1sq');
    expect(toggleFeature('x1,x2', 'x1')).toBe('x2');
    expect(toggleFeature('x2', 'x2')).toBe('x2');
  });

  it('the URL keeps features; junk falls back to x1,x2 with a notice', () => {
    expect(parse('train.feat=x1sq,x2sq').values.feat).toBe('x1sq,x2sq');
    const bad = parse('train.feat=x3');
    expect(bad.values.feat).toBe('x1,x2');
    expect(bad.notices[0]?.message).toContain('train.feat');
    expect(parseFeatures(parse('train.feat=').values.feat)).toEqual(['x1', 'x2']);
  });

  it('with x1² and x2² a network without hidden layers separates the circle', () => {
    const c: Config = { ...defaultConfig, layers: 0, feat: 'x1sq,x2sq', opt: 'adam', lr: 0.03 };
    const s = createSession([c]);
    s.step(100);
    expect(s.snapshot()[0]!.testAccuracy).toBeGreaterThan(0.95);
    expect(registrySpecOf(c).sizes).toEqual([2, 1]);
    const raw = createSession([{ ...c, feat: 'x1,x2' }]);
    raw.step(100);
    expect(raw.snapshot()[0]!.testAccuracy).toBeLessThan(0.8);
  });
});

describe('network shape', () => {
  it('old links with layers and width still build the same network', () => {
    const c = parse('train.layers=8&train.width=16').values;
    expect(hiddenSizes(c)).toEqual(Array(8).fill(16));
    expect(registrySpecOf(c).sizes).toEqual([2, ...Array(8).fill(16), 1]);
  });

  it('shape gives a width per layer and overrides layers and width', () => {
    const c = parse('train.shape=8,4,2&train.layers=5').values;
    expect(hiddenSizes(c)).toEqual([8, 4, 2]);
    for (const bad of ['0', '17', '1,2,3,4,5,6,7,8,9', '4,,2', 'a']) {
      const p = parse(`train.shape=${bad}`);
      expect(p.values.shape).toBe('');
      expect(p.notices).toHaveLength(1);
    }
  });

  it('withHiddenSizes writes an even network as layers and width, any other as shape, in bounds', () => {
    const even = withHiddenSizes(defaultConfig, [5, 5, 5], defaultConfig);
    expect([even.shape, even.layers, even.width]).toEqual(['', 3, 5]);
    const uneven = withHiddenSizes({ ...defaultConfig, layers: 3 }, [6, 2], defaultConfig);
    expect([uneven.shape, uneven.layers, uneven.width]).toEqual(['6,2', 2, 6]);
    expect(serializeParams(configTable, uneven, 'train')).toBe('train.shape=6%2C2');
    expect(
      hiddenSizes(withHiddenSizes(defaultConfig, [40, 0, 3, 3, 3, 3, 3, 3, 3, 3], defaultConfig)),
    ).toEqual([16, 1, 3, 3, 3, 3, 3, 3]);
    expect(hiddenSizes(withHiddenSizes(defaultConfig, [], defaultConfig))).toEqual([]);
  });
});

describe('problems and splits', () => {
  it('the ratio sets the share of training points; 70 is the old split exactly', () => {
    expect(datasetOf(defaultConfig).train.n).toBe(168);
    expect(datasetOf({ ...defaultConfig, ratio: 50 }).train.n).toBe(120);
    expect(parse('train.ratio=95').notices).toHaveLength(1);
  });

  it('regression trains a linear output on squared error and reports no accuracy', () => {
    const c: Config = { ...defaultConfig, data: 'reg-plane', out: 'tanh' };
    expect(registrySpecOf(c).outputActivation).toBe('linear');
    const s = createSession([c]);
    const before = s.snapshot()[0]!.testLoss;
    s.step(30);
    const after = s.snapshot()[0]!;
    expect(after.testLoss).toBeLessThan(before / 4);
    expect(after.testAccuracy).toBeNaN();
  });

  it('show-test and discretise parse from the URL with safe defaults', () => {
    expect(parse('train.showtest=no&train.discrete=yes').values).toMatchObject({
      showtest: 'no',
      discrete: 'yes',
    });
    expect(parse('train.discrete=1').values.discrete).toBe('no');
  });
});

describe('per-unit statistics', () => {
  it('ReLU units with a large negative bias are inactive and dead; the histograms count every training point', () => {
    const c: Config = { ...defaultConfig, act: 'relu', bias: -5, layers: 1, width: 4 };
    const s = createSession([c]).snapshot()[0]!;
    expect(s.sizes).toEqual([2, 4, 1]);
    expect(s.params.length).toBe(2 * 4 + 4 + 4 + 1);
    expect(
      Array.from(s.unitFlags).filter((f) => f === (UNIT_DEAD | UNIT_INACTIVE)).length,
    ).toBeGreaterThan(0);
    const perUnit = s.unitHistograms.length / 4;
    const inRange = s.unitHistograms.subarray(0, perUnit).reduce((a, b) => a + b, 0);
    expect(inRange).toBeLessThanOrEqual(168);
    const tanh = createSession([{ ...defaultConfig, layers: 1, width: 4 }]).snapshot()[0]!;
    expect(Array.from(tanh.unitFlags).every((f) => (f & UNIT_DEAD) === 0)).toBe(true);
  });
});

describe('network diagram geometry', () => {
  const c: Config = { ...defaultConfig, shape: '5,3', feat: 'x1,x2,x1x2' };
  const s = createSession([c]).snapshot()[0]!;
  const layout = diagramLayout([5, 3]);
  const links = linksOf(layout, parseFeatures(c.feat), s.params);

  it('one link per weight, each with the engine’s value; biases and incoming weights read the same layout', () => {
    expect(links).toHaveLength(3 * 5 + 5 * 3 + 3);
    const model = createMlp(specOf(c));
    const w = model.layers[1]!.weights;
    const link = links.find((l) => l.layer === 2 && l.from === 4 && l.to === 1)!;
    expect(link.weight).toBe(w[1 * 5 + 4]);
    expect(incomingOf(s.sizes, s.params, 2, 1)).toEqual(Array.from(w.subarray(5, 10)));
    expect(biasOf(s.sizes, s.params, 3, 0)).toBe(model.layers[2]!.biases[0]);
  });

  it('draws a dozen paths, not a path per link, and every link lands in exactly one', () => {
    const paths = linkPaths(links);
    expect(paths.positive).toHaveLength(LINK_WIDTHS.length);
    const moves = [...paths.positive, ...paths.negative].join('').match(/M/g) ?? [];
    expect(moves).toHaveLength(links.length);
  });

  it('finds the link under the pointer, and nothing far from every link', () => {
    const l = links[7]!;
    expect(nearestLink(links, (l.x1 + l.x2) / 2, (l.y1 + l.y2) / 2, 3)).toBe(l);
    expect(nearestLink(links, -100, -100, 5)).toBeUndefined();
  });

  it('the build-time maps are one path per sign and opacity step for all nodes, covering every node once', () => {
    const hidden = [4, 2];
    const side = 6;
    const units = hidden.reduce((a, b) => a + b, 0);
    const values = Float64Array.from({ length: units * side * side }, (_, i) => Math.sin(i * 0.7));
    const html = diagramMarkup({
      hidden,
      features: ['x1', 'x2'],
      params: new Float64Array(64),
      maps: { values, side, output: values.subarray(0, 36), outputSide: 6 },
      extent: 6,
      maxLayers: 6,
      maxWidth: 8,
    });
    const fills = [
      ...html.matchAll(/<path d="([^"]*)" fill="var\(--curve-[12]\)" fill-opacity="([\d.]+)"/g),
    ];
    // Two signs by five steps at most, where a path per node and step made dozens.
    expect(fills.length).toBeLessThanOrEqual(10);
    expect(new Set(fills.map((m) => `${m[0]!.includes('curve-1')}:${m[2]}`)).size).toBe(
      fills.length,
    );
    const layout = diagramLayout(hidden);
    const boxes = [...layout.inputs, ...layout.units.flat(), layout.output];
    const drawn = fills
      .flatMap((m) => [...m[1]!.matchAll(/h([\d.]+)v([\d.]+)/g)])
      .reduce((area, r) => area + Number(r[1]) * Number(r[2]), 0);
    const boxArea = boxes.reduce((area, b) => area + b.size * b.size, 0);
    expect(Math.abs(drawn - boxArea) / boxArea).toBeLessThan(0.02);
  });

  it('the markup has one data-neuron per hidden unit and a switch per feature, the +/− disabled at the limits', () => {
    const html = diagramMarkup({
      hidden: [16, 1],
      features: ['x1'],
      params: new Float64Array(64),
      extent: 6,
      maxLayers: 2,
      maxWidth: 16,
    });
    expect(html.match(/data-neuron="/g)).toHaveLength(17);
    expect(html).toContain('data-neuron="2:0"');
    expect(html.match(/role="switch"/g)).toHaveLength(7);
    expect(html).toMatch(/data-layers="1"[^>]*disabled/);
    expect(html).toMatch(/data-units="0:1"[^>]*disabled/);
    expect(html).toMatch(/data-units="1:-1"[^>]*disabled/);
  });
});
