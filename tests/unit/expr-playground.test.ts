/**
 * The reader's expression in the playground: the URL table accepts `act=custom` with `expr`,
 * the spec carries the compiled function to the engine, a bad expression falls back to tanh with
 * a notice, and a network with a custom activation trains (loss falls) exactly like the built-in
 * it spells out.
 */
import { describe, expect, it } from 'vitest';
import { createMlp } from '../../src/lib/nn/index.ts';
import { parseParams } from '../../src/lib/url-state.ts';
import {
  configTable,
  datasetOf,
  defaultConfig,
  trainOptionsOf,
  type Config,
} from '../../src/widgets/playground/config.ts';
import { checkCustom, hiddenActivationOf, specOf } from '../../src/widgets/playground/custom.ts';
import { fallbackFunction, playgroundHref } from '../../src/widgets/expression-cell/model.ts';

function lossesOf(c: Config, epochs: number): number[] {
  const model = createMlp(specOf(c));
  const data = datasetOf(c);
  return Array.from({ length: epochs }, () =>
    model.trainEpoch(data.train.inputs, data.train.targets, trainOptionsOf(c, false)),
  );
}

describe('custom activation in the playground', () => {
  it('reads the link the notebook cell writes', () => {
    const href = playgroundHref('/', fallbackFunction(), {});
    const { values, notices } = parseParams(
      configTable,
      new URL(href, 'https://x.org').search,
      'train',
    );
    expect(notices).toEqual([]);
    expect(values.act).toBe('custom');
    expect(values.expr).toBe('x * sigmoid(1.702 * x)');
  });

  it('passes the compiled expression, with its parameter values, to the engine', () => {
    const spec = specOf({ ...defaultConfig, act: 'custom', expr: 'a * x', exprp: 'a:0.5' });
    expect(spec.customActivation?.label).toBe('a * x');
    expect(spec.customActivation?.f(4)).toBe(2);
    expect(spec.customActivation?.df(4)).toBe(0.5);
    expect(specOf(defaultConfig).customActivation).toBeUndefined();
  });

  it('falls back to tanh with a notice when the expression does not parse, keeping the text', () => {
    const bad: Config = { ...defaultConfig, act: 'custom', expr: 'x * (1 +' };
    const { config, notices } = checkCustom(bad, 'train');
    expect(config.act).toBe('tanh');
    expect(config.expr).toBe('x * (1 +');
    expect(notices[0]).toMatch(/custom activation .*expected a number.*using tanh/);
    expect(hiddenActivationOf(bad)).toBe('tanh');
    expect(checkCustom({ ...defaultConfig, act: 'custom', expr: '' }, 'train').notices[0]).toMatch(
      /empty/,
    );
  });

  it('trains: the loss falls, and tanh(x) typed in trains like the built-in tanh', () => {
    const base: Config = { ...defaultConfig, lr: 0.05, seed: 3 };
    const custom = lossesOf({ ...base, act: 'custom', expr: 'x * sigmoid(1.702 * x)' }, 30);
    expect(custom[29]!).toBeLessThan(custom[0]! * 0.7);
    // Not bit for bit: the engine runs the registry's vectorised tanh, which may differ from the
    // scalar one the expression calls by a few ULP (both within the accuracy contract).
    const typed = lossesOf({ ...base, act: 'custom', expr: 'tanh(x)' }, 5);
    const builtIn = lossesOf({ ...base, act: 'tanh' }, 5);
    typed.forEach((loss, i) => expect(Math.abs(loss - builtIn[i]!)).toBeLessThan(1e-12));
  });
});
