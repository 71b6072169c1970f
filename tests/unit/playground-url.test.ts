/**
 * The playground on the shared URL codec, and one configuration resolved once: every config
 * survives a link for every preset, old links (`layers`/`width`) build the network they always
 * did, a bad value costs only itself, controls and files are checked like a URL without a query
 * string, and a resolved run is plain data holding exactly what the engine and the views need.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  configTable,
  datasetOf,
  defaultConfig,
  hiddenSizes,
  playgroundUrl,
  registrySpecOf,
  trainOptionsOf,
  type Config,
} from '../../src/widgets/playground/config.ts';
import * as customModule from '../../src/widgets/playground/custom.ts';
import { CustomLoader } from '../../src/widgets/playground/custom-loader.ts';
import { parseFeatures } from '../../src/widgets/playground/features.ts';
import {
  demoPresets,
  playgroundPreset,
  type Preset,
} from '../../src/widgets/playground/presets.ts';
import { resolveRun, resolveRuns, runConfigs } from '../../src/widgets/playground/resolve.ts';
import { createSession, openSession } from '../../src/widgets/playground/session.ts';
import {
  queryWithState,
  stateFromQuery,
  stateFromRecord,
} from '../../src/widgets/shared/url-codec.ts';
import { configArbitrary } from './playground-arbitraries.ts';

const presets: readonly Preset[] = [playgroundPreset, ...Object.values(demoPresets)];
const presetArbitrary = fc.constantFrom(...presets);

describe('the playground URL codec', () => {
  it('parse(serialize(config)) is the config, for every preset (fuzz)', () => {
    fc.assert(
      fc.property(presetArbitrary, configArbitrary, (preset, config) => {
        const query = queryWithState(playgroundUrl, preset.base, config, preset.namespace, 'x=1');
        const back = stateFromQuery(playgroundUrl, preset.base, query, preset.namespace);
        expect(back.notices).toEqual([]);
        expect(back.state).toEqual(config);
        expect(new URLSearchParams(query).get('x')).toBe('1');
      }),
    );
  });

  it('a preset without reader changes writes nothing, and a link reproduces the preset', () => {
    for (const p of presets) {
      expect(queryWithState(playgroundUrl, p.base, p.base, p.namespace)).toBe('');
      const seeded = stateFromQuery(playgroundUrl, p.base, `${p.namespace}.seed=3`, p.namespace);
      expect(seeded).toEqual({ state: { ...p.base, seed: 3 }, notices: [] });
    }
  });

  it.each([
    ['', [6, 6], ['x1', 'x2']],
    ['train.layers=3&train.width=5', [5, 5, 5], ['x1', 'x2']],
    ['train.layers=0', [], ['x1', 'x2']],
    ['train.layers=8&train.width=16', Array(8).fill(16), ['x1', 'x2']],
    ['train.shape=7%2C6%2C6&train.layers=5', [7, 6, 6], ['x1', 'x2']],
    ['train.shape=7,6,6', [7, 6, 6], ['x1', 'x2']],
    ['train.feat=x1%2Cx2%2Cx1sq', [6, 6], ['x1', 'x2', 'x1sq']],
    ['train.feat=', [6, 6], ['x1', 'x2']],
  ])('old link ?%s builds the same network', (query, hidden, features) => {
    const { state, notices } = stateFromQuery(playgroundUrl, defaultConfig, query, 'train');
    expect(notices).toEqual([]);
    const run = resolveRun(state);
    expect(run.hiddenSizes).toEqual(hidden);
    expect(run.features).toEqual(features);
    expect(run.spec.sizes).toEqual([features.length, ...hidden, 1]);
  });

  it('every current setting is read from a link', () => {
    const query =
      'train.act=relu&train.out=tanh&train.lr=0.1&train.batch=20&train.init=he&train.bias=-1' +
      '&train.opt=adam&train.l2=0.001&train.l1=0.002&train.data=reg-gauss&train.noise=0.2' +
      '&train.ratio=50&train.showtest=no&train.discrete=yes&train.seed=42&train.pts=1%2C2%2C1';
    const { state, notices } = stateFromQuery(playgroundUrl, defaultConfig, query, 'train');
    expect(notices).toEqual([]);
    expect(state).toEqual({
      ...defaultConfig,
      act: 'relu',
      out: 'tanh',
      lr: 0.1,
      batch: 20,
      init: 'he',
      bias: -1,
      opt: 'adam',
      l2: 0.001,
      l1: 0.002,
      data: 'reg-gauss',
      noise: 0.2,
      ratio: 50,
      showtest: 'no',
      discrete: 'yes',
      seed: 42,
      pts: '1,2,1',
    });
    const run = resolveRun(state);
    expect(run.regression).toBe(true);
    // Regression predicts a value: the output is linear whatever `out` says.
    expect(run.spec.outputActivation).toBe('linear');
    expect(run.train).toEqual({
      learningRate: 0.1,
      batchSize: 20,
      optimizer: 'adam',
      l2: 0.001,
      l1: 0.002,
    });
    expect(run.data.train.n).toBe(121);
  });

  it('malformed values get defaults and a notice each, and the rest of the link still counts', () => {
    const { state, notices } = stateFromQuery(
      playgroundUrl,
      defaultConfig,
      'train.shape=0,99&train.feat=x9&train.ratio=5&train.lr=0.1&train.seed=7',
      'train',
    );
    expect(state).toEqual({ ...defaultConfig, lr: 0.1, seed: 7 });
    expect(notices.map((n) => n.param)).toEqual(['train.shape', 'train.feat', 'train.ratio']);
    for (const n of notices) expect(n.message).toMatch(/^Ignored train\.\w+=.*; using /);
  });
});

describe('controls and files go through the codec directly', () => {
  const recordArbitrary = fc.dictionary(
    fc.constantFrom(...Object.keys(configTable), 'bogus'),
    fc.oneof(fc.string(), fc.constantFrom('relu', '0.5', '3', '4,2', 'x1,x2', 'yes', '')),
  );

  it('a record of control values reads as the link with those values would (fuzz)', () => {
    fc.assert(
      fc.property(presetArbitrary, recordArbitrary, (preset, record) => {
        const ns = preset.namespace;
        const query = new URLSearchParams(
          Object.entries(record).map(([k, v]) => [`${ns}.${k}`, v]),
        ).toString();
        const fromControls = stateFromRecord(playgroundUrl, preset.base, preset.base, record, ns);
        const fromLink = stateFromQuery(playgroundUrl, preset.base, query, ns);
        expect(fromControls).toEqual(fromLink);
      }),
    );
  });

  it('only the settings given change; a bad one takes the preset value and says so', () => {
    const current: Config = { ...defaultConfig, lr: 0.5, seed: 9, shape: '4,2' };
    const { state, notices } = stateFromRecord(
      playgroundUrl,
      defaultConfig,
      current,
      { act: 'relu', batch: 'abc' },
      'train',
    );
    expect(state).toEqual({ ...current, act: 'relu', batch: defaultConfig.batch });
    expect(notices.map((n) => n.message)).toEqual([
      'Ignored train.batch=abc: it is not a number; using 10.',
    ]);
  });

  it('a saved file’s settings (numbers as numbers) read back as the config written', () => {
    fc.assert(
      fc.property(configArbitrary, (config) => {
        const saved = JSON.parse(JSON.stringify(config)) as Record<string, string | number>;
        const back = stateFromRecord(playgroundUrl, defaultConfig, defaultConfig, saved, '');
        expect(back).toEqual({ state: config, notices: [] });
      }),
    );
  });
});

describe('a configuration resolved once', () => {
  it('holds the network, inputs, training options and data its settings give (fuzz)', () => {
    fc.assert(
      fc.property(configArbitrary, (config) => {
        const run = resolveRun(config);
        expect(run.config).toBe(config);
        expect(run.features).toEqual(parseFeatures(config.feat));
        expect(run.hiddenSizes).toEqual(hiddenSizes(config));
        expect(run.spec).toEqual(registrySpecOf(config));
        expect(run.spec.sizes).toEqual([run.features.length, ...run.hiddenSizes, 1]);
        expect({ ...run.train, instrument: false }).toEqual(trainOptionsOf(config, false));
        expect(run.data).toEqual(datasetOf(config));
        // Plain data: what the page posts to the worker arrives whole.
        expect(structuredClone(run)).toEqual(run);
      }),
      { numRuns: 60 },
    );
  });

  it('runs share the playground’s seed, whatever their patch says', () => {
    const base = { ...defaultConfig, seed: 5 };
    const runs = runConfigs(base, [{}, { act: 'relu', seed: 99 }]);
    expect(runs).toEqual([base, { ...base, act: 'relu' }]);
    expect(resolveRuns(base, [{}, { act: 'relu' }]).map((r) => r.config)).toEqual(runs);
  });

  it('a session of resolved runs trains exactly as one built from the settings', () => {
    const configs = runConfigs({ ...defaultConfig, feat: 'x1,x2,x1x2', shape: '5,3' }, [
      { act: 'relu' },
      { act: 'custom', expr: 'x*sigmoid(x)' },
    ]);
    const a = openSession(configs.map(resolveRun));
    const b = createSession(configs);
    a.step(3);
    b.step(3);
    expect(a.toJSON()).toEqual(b.toJSON());
    expect(a.snapshot()).toEqual(b.snapshot());
  });

  it('the page compiles a custom expression once for its views, whatever else changes', () => {
    const loader = new CustomLoader(customModule);
    const c: Config = { ...defaultConfig, act: 'custom', expr: 'x*sigmoid(x)' };
    const fn = loader.hidden(c, 'tanh');
    expect(typeof fn).toBe('object');
    expect(loader.hidden({ ...c, lr: 0.5, seed: 4 }, 'tanh')).toBe(fn);
    const other = loader.hidden({ ...c, expr: 'tanh(x)' }, 'tanh');
    expect(other).not.toBe(fn);
    expect(loader.hidden({ ...c, expr: 'nope(' }, 'tanh')).toBe('tanh');
    expect(loader.hidden(defaultConfig, 'linear')).toBe('tanh');
    expect(new CustomLoader(undefined).hidden(c, 'linear')).toBe('linear');
  });
});
