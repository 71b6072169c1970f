/**
 * The pure parts of sharing and export: finding the figures a lesson's MDX places (what the embed
 * pages render), CSV text, every widget's CSV table, and the playground's network file (a saved
 * session continues exactly where it stopped; a bad file is rejected with a reason).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { figuresInMdx } from '../../src/components/mdx-figures.ts';
import { toCsv } from '../../src/widgets/shared/csv.ts';
import { explorerCsv, resolvedParams } from '../../src/widgets/explorer/model.ts';
import { compareCsv } from '../../src/widgets/compare/model.ts';
import { chainCsv } from '../../src/widgets/chain-rule/model.ts';
import { identityCsv } from '../../src/widgets/tanh-identity/model.ts';
import { pitfallCsv } from '../../src/widgets/float-pitfalls/model.ts';
import { activationPlotCsv } from '../../src/widgets/activation-plot/figure.ts';
import { activations } from '../../src/lib/activations/index.ts';
import { defaultConfig } from '../../src/widgets/playground/config.ts';
import { createSession } from '../../src/widgets/playground/session.ts';
import { lossCsv, networkFileText, parseNetworkFile } from '../../src/widgets/playground/network-io.ts';
import { initialView, reduce } from '../../src/widgets/playground/protocol.ts';

describe('figuresInMdx', () => {
  it('reads ids, string, JSON and boolean props', () => {
    const mdx = 'Text <b>x</b>\n<ActivationPlot\n  id="a"\n  ids={["relu", "tanh"]}\n  derivative\n  domain={[-4, 4]}\n  caption="It {works} /> here"\n/>\n<TrainingDemo demo="dead-relu" />\n<TrainingDemo demo="league-table" />';
    expect(figuresInMdx(mdx, 'x.mdx')).toEqual([
      { id: 'a', component: 'ActivationPlot', props: { id: 'a', ids: ['relu', 'tanh'], derivative: true, domain: [-4, 4], caption: 'It {works} /> here' } },
      { id: 'demo-dead-relu', component: 'TrainingDemo', props: { demo: 'dead-relu' } },
    ]);
  });

  it('refuses props it cannot reproduce, naming the file', () => {
    expect(() => figuresInMdx('<ChainRule id="c" depth={someVar} />', 'l.mdx')).toThrow(/l\.mdx.*depth/);
    expect(() => figuresInMdx('<ChainRule caption="x" />', 'l.mdx')).toThrow(/has no id/);
  });

  it('finds every figure of the lessons, each id once per lesson', () => {
    const dir = 'content/lessons';
    const all = readdirSync(dir).filter((f) => f.endsWith('.mdx')).flatMap((f) => figuresInMdx(readFileSync(`${dir}/${f}`, 'utf8'), f));
    expect(all.length).toBeGreaterThan(20);
    const figureIds = readdirSync(dir)
      .flatMap((f) => [...readFileSync(`${dir}/${f}`, 'utf8').matchAll(/^<(ActivationPlot|ActivationExplorer|CompareActivations|ChainRule|TanhIdentity|FloatPitfalls|ExpressionCell)\b/gm)])
      .length;
    expect(all.filter((f) => f.component !== 'TrainingDemo')).toHaveLength(figureIds);
  });
});

describe('CSV', () => {
  it('quotes text that needs it and keeps numbers exact', () => {
    expect(toCsv({ header: ['x', 'say "hi", ok'], rows: [[0.1 + 0.2, NaN], [-0, 1e-300]] })).toBe('x,"say ""hi"", ok"\r\n0.30000000000000004,NaN\r\n0,1e-300\r\n');
  });

  it('every widget exports a rectangular table of its plotted data', () => {
    const tables = [
      explorerCsv({ activation: 'elu', halfRange: 4, params: resolvedParams(activations.elu, {}), cursor: 1 }),
      compareCsv({ ids: ['sigmoid', 'relu'], mode: 'logdf', halfRange: 5 }),
      compareCsv({ ids: [], mode: 'f', halfRange: 5 }),
      chainCsv({ depth: 12, mean: 0, spread: 1, seed: 3 }),
      identityCsv({ t: 0.5, halfRange: 4 }),
      pitfallCsv({ key: 'softplus-log' }),
      activationPlotCsv({ figureId: 'f', ids: ['gelu', 'silu'], derivative: false, domain: [-3, 3], description: '' }),
    ];
    for (const t of tables) {
      expect(t.rows.length).toBeGreaterThan(0);
      for (const row of t.rows) expect(row).toHaveLength(t.header.length);
    }
    const explorer = tables[0]!;
    expect(explorer.header).toEqual(['x', 'ELU f(x)', "ELU f'(x)"]);
    const row = explorer.rows[100]!;
    expect(row[1]).toBe(activations.elu.f(row[0] as number));
    expect(row[2]).toBe(activations.elu.df(row[0] as number));
    expect(tables[3]!.rows).toHaveLength(12);
  });
});

describe('playground network file', () => {
  const config = { ...defaultConfig, act: 'relu' as const, layers: 1, width: 4, seed: 5 };

  // Weights and epoch are restored exactly; the shuffling order after a reload is the engine's
  // business (it is not part of the saved model), so the continuation is checked for progress only.
  it('a saved session restores the exact network and keeps training from it', () => {
    const a = createSession([config]);
    a.step(20);
    const text = networkFileText(config, a.toJSON());
    const loaded = parseNetworkFile(text, 1);
    expect(loaded.config).toEqual(config);
    const b = createSession([loaded.config], loaded.networks);
    expect(b.snapshot()[0]!.epoch).toBe(20);
    expect(b.snapshot()[0]!.diverged).toBe(false);
    expect(Array.from(b.snapshot()[0]!.grid)).toEqual(Array.from(a.snapshot()[0]!.grid));
    const before = b.snapshot()[0]!.trainLoss;
    b.step(30);
    const after = b.snapshot()[0]!;
    expect(after.epoch).toBe(50);
    expect(after.trainLoss).toBeLessThan(before);
  });

  it.each([
    ['not json', /not JSON/],
    ['{"format":"other"}', /not a network saved/],
    ['{"format":"activation-notebook/playground-network","version":2}', /version 2/],
    ['{"format":"activation-notebook/playground-network","version":1,"config":{"lr":"fast"},"networks":[]}', /lr = fast/],
    ['{"format":"activation-notebook/playground-network","version":1,"config":{},"networks":[{"format":"activation-notebook/mlp","version":1,"spec":{},"params":[]}]}', /Network 1 .*not a saved network/],
  ])('rejects %s with a reason', (text, reason) => {
    expect(() => parseNetworkFile(text, 1)).toThrow(reason);
  });

  it('restores a network trained with the reader\'s own activation', () => {
    const custom = { ...config, act: 'custom' as const, expr: 'x * sigmoid(x)' };
    const a = createSession([custom]);
    a.step(3);
    const loaded = parseNetworkFile(networkFileText(custom, a.toJSON()), 1);
    const b = createSession([loaded.config], loaded.networks);
    expect(Array.from(b.snapshot()[0]!.grid)).toEqual(Array.from(a.snapshot()[0]!.grid));
    const broken = networkFileText({ ...custom, expr: 'x *' }, a.toJSON());
    expect(() => parseNetworkFile(broken, 1)).toThrow(/does not compile/);
  });

  it('leaves the weights to the engine, which names what is wrong with them', () => {
    const [net] = createSession([config]).toJSON() as [{ params: unknown[] }];
    const { config: c, networks } = parseNetworkFile(networkFileText(config, [{ ...net, params: net.params.slice(1) }]), 1);
    expect(() => createSession([c], networks)).toThrow(/param/i);
  });

  it('rejects a network whose shape does not match its settings', () => {
    const other = createSession([{ ...config, width: 5 }]).toJSON();
    expect(() => parseNetworkFile(networkFileText(config, other), 1)).toThrow(/does not match/);
  });

  it('writes the loss history as epoch, train, test', () => {
    let view = initialView(1);
    const s = createSession([config]);
    for (let i = 0; i < 3; i++) {
      view = reduce(view, { type: 'snapshot', gen: view.gen, running: false, runs: s.snapshot() });
      s.step(2);
    }
    const table = lossCsv(view, ['only']);
    expect(table.header).toEqual(['epoch', 'train', 'test']);
    expect(table.rows.map((r) => r[0])).toEqual([0, 2, 4]);
  });
});
