/**
 * The playground's network file: what the worker posts survives structured cloning (a custom
 * activation included), a saved session continues bit for bit, and every way a file can be wrong
 * is refused by `readNetworkFile` with a sentence that names it, before anything would be applied.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig, type Config } from '../../src/widgets/playground/config.ts';
import { createSession } from '../../src/widgets/playground/session.ts';
import { MAX_EPOCH, networkFileText } from '../../src/widgets/playground/network-format.ts';
import { readNetworkFile } from '../../src/widgets/playground/network-file.ts';

const config: Config = { ...defaultConfig, act: 'relu', layers: 1, width: 4, seed: 5, opt: 'adam' };
const custom: Config = {
  ...defaultConfig,
  act: 'custom',
  expr: 'x*sigmoid(x)',
  layers: 2,
  width: 5,
  seed: 3,
  opt: 'adam',
  batch: 1,
};

type Net = {
  spec: Record<string, unknown>;
  params: unknown[];
  epoch: unknown;
  training: Record<string, unknown>;
};

/** A trained session's file text and its parsed networks, for corrupting one field at a time. */
function saved(c: Config, epochs = 4): { text: string; nets: Net[] } {
  const s = createSession([c]);
  s.step(epochs);
  // What the worker posts goes through structured clone, exactly as postMessage would.
  const nets = structuredClone(s.toJSON()) as Net[];
  return { text: networkFileText(c, nets), nets };
}

const fileWith = (c: unknown, nets: unknown[]): string =>
  JSON.stringify({
    format: 'activation-notebook/playground-network',
    version: 1,
    config: c,
    networks: nets,
  });

describe('writing', () => {
  it('a custom-activation network survives structured cloning and names its expression', () => {
    const s = createSession([custom]);
    s.step(2);
    // Before the fix the spec held the compiled functions: DataCloneError in the worker.
    const [net] = structuredClone(s.toJSON()) as Net[];
    expect(net!.spec['customActivation']).toEqual({ label: 'x*sigmoid(x)' });
  });
});

describe('reading', () => {
  it.each([
    ['a registry activation', config],
    ['a custom activation', custom],
  ])('a saved session with %s continues bit for bit', (_, c) => {
    const straight = createSession([c]);
    straight.step(6);
    const { text } = saved(c, 6);
    const loaded = readNetworkFile(text, [{}]);
    expect(loaded.config).toEqual(c);
    const resumed = createSession([loaded.config], loaded.networks);
    expect(Array.from(resumed.snapshot()[0]!.grid)).toEqual(
      Array.from(straight.snapshot()[0]!.grid),
    );
    straight.step(7);
    resumed.step(7);
    const [a, b] = [straight.snapshot()[0]!, resumed.snapshot()[0]!];
    expect(b.epoch).toBe(13);
    expect(b.trainLoss).toBe(a.trainLoss);
    expect(Array.from(b.grid)).toEqual(Array.from(a.grid));
  });

  it.each([
    ['not json', /not JSON/],
    ['{"format":"other"}', /not a network saved/],
    ['{"format":"activation-notebook/playground-network","version":2}', /version 2/],
    [
      '{"format":"activation-notebook/playground-network","version":1,"config":{"lr":"fast"},"networks":[]}',
      /lr = fast/,
    ],
    [
      '{"format":"activation-notebook/playground-network","version":1,"config":{},"networks":[{"format":"activation-notebook/mlp","version":1,"spec":{},"params":[]}]}',
      /Network 1 in the file: epoch undefined/,
    ],
    [
      '{"format":"activation-notebook/playground-network","version":1,"config":{"seed":{"toString":"x"}},"networks":[]}',
      /setting "seed" is an object; a setting is a number or text/,
    ],
    [
      '{"format":"activation-notebook/playground-network","version":1,"config":{"lr":[1]},"networks":[]}',
      /setting "lr" is a list/,
    ],
    [
      '{"format":"activation-notebook/playground-network","version":1,"config":{"lr":1e999},"networks":[]}',
      /lr = Infinity/,
    ],
  ])('rejects %s with a reason', (text, reason) => {
    expect(() => readNetworkFile(text, [{}])).toThrow(reason);
  });

  // Each corruption once passed the page's checks and then failed in the worker (destroying the
  // current run) or loaded silently wrong.
  it.each<[string, (n: Net) => unknown, RegExp]>([
    [
      'a missing parameter',
      (n) => ({ ...n, params: n.params.slice(1) }),
      /does not load: setParams: expected \d+ values, got \d+/,
    ],
    ['a bogus loss', (n) => ({ ...n, spec: { ...n.spec, loss: 'bogus' } }), /bad loss bogus/],
    [
      'another init than the settings',
      (n) => ({ ...n, spec: { ...n.spec, init: 'he' } }),
      /does not match the file's settings: init "he" \(the settings give "xavier"\)/,
    ],
    [
      'a null weight',
      (n) => ({ ...n, params: [null, ...n.params.slice(1)] }),
      /parameter 0 is null, not a finite number/,
    ],
    [
      'a string weight',
      (n) => ({ ...n, params: ['1', ...n.params.slice(1)] }),
      /parameter 0 is "1", not a finite number/,
    ],
    [
      'epoch 1e308',
      (n) => ({ ...n, epoch: 1e308 }),
      /epoch 1e\+308 is not a whole number from 0 to 1e\+9/,
    ],
    ['a fractional epoch', (n) => ({ ...n, epoch: 2.5 }), /epoch 2.5/],
    [
      'a NaN optimiser moment',
      (n) => ({
        ...n,
        training: { ...n.training, v: [null, ...(n.training['v'] as unknown[]).slice(1)] },
      }),
      /moment v 0 is null/,
    ],
    [
      'a negative optimiser step',
      (n) => ({ ...n, training: { ...n.training, step: -1 } }),
      /optimiser step -1/,
    ],
    [
      'a damaged generator state',
      (n) => ({ ...n, training: { ...n.training, shuffle: [1] } }),
      /not a generator state/,
    ],
    [
      'a custom activation under registry settings',
      (n) => ({ ...n, spec: { ...n.spec, customActivation: { label: 'x' } } }),
      /trained with the custom activation "x", but the file's settings say relu/,
    ],
  ])('rejects a network with %s', (_, corrupt, reason) => {
    const { nets } = saved(config);
    expect(() => readNetworkFile(fileWith(config, [corrupt(nets[0]!)]), [{}])).toThrow(reason);
  });

  it('rejects 1e999 written into the file text (JSON reads it as Infinity)', () => {
    const { text } = saved(config);
    const damaged = text.replace(/"params": \[\n\s*(-?[\d.e-]+)/, '"params": [\n  1e999');
    expect(damaged).not.toBe(text);
    expect(() => readNetworkFile(damaged, [{}])).toThrow(/parameter 0 is Infinity/);
  });

  it('rejects a custom network whose weights were trained with another function', () => {
    const tanh = saved({ ...custom, act: 'tanh' });
    // Saved with tanh, marked custom: the weights would run through the page's expression.
    expect(() => readNetworkFile(fileWith(custom, tanh.nets), [{}])).toThrow(
      /trained with "tanh", but the file's settings say the custom activation "x\*sigmoid\(x\)"/,
    );
    const other = saved({ ...custom, expr: 'x*tanh(x)' });
    expect(() => readNetworkFile(fileWith(custom, other.nets), [{}])).toThrow(
      /trained with the expression "x\*tanh\(x\)"/,
    );
    expect(() => readNetworkFile(fileWith({ ...custom, expr: 'x *' }, other.nets), [{}])).toThrow(
      /does not compile/,
    );
  });

  it('checks each run against its own settings patch, and the number of runs', () => {
    const a = createSession([config, { ...config, act: 'tanh' }]);
    const text = networkFileText(config, structuredClone(a.toJSON()));
    expect(readNetworkFile(text, [{}, { act: 'tanh' }]).networks).toHaveLength(2);
    expect(() => readNetworkFile(text, [{}, { act: 'relu' }])).toThrow(
      /Network 2 .*activation "tanh" \(the settings give "relu"\)/,
    );
    expect(() => readNetworkFile(text, [{}])).toThrow(/should hold 1 network\./);
  });

  it('the epoch limit is generous: a month of training at 100 epochs a second', () => {
    expect(MAX_EPOCH).toBeGreaterThan(100 * 86_400 * 31);
  });
});
