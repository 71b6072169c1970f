/**
 * The pure parts of sharing and export: finding the figures a lesson's MDX places (what the embed
 * pages render), CSV text, every widget's CSV table, and the playground's loss history.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { figuresInMdx } from '../../src/build/mdx-figures.ts';
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
import { lossCsv } from '../../src/widgets/playground/network-io.ts';
import { initialView, reduce } from '../../src/widgets/playground/protocol.ts';

describe('figuresInMdx', () => {
  it('reads ids, string, JSON and boolean props', () => {
    const mdx =
      'Text <b>x</b>\n<ActivationPlot\n  id="a"\n  ids={["relu", "tanh"]}\n  derivative\n  domain={[-4, 4]}\n  caption="It {works} /> here"\n/>\n<TrainingDemo demo="dead-relu" />\n<TrainingDemo demo="league-table" />';
    expect(figuresInMdx(mdx, 'x.mdx')).toEqual([
      {
        id: 'a',
        component: 'ActivationPlot',
        props: {
          id: 'a',
          ids: ['relu', 'tanh'],
          derivative: true,
          domain: [-4, 4],
          caption: 'It {works} /> here',
        },
      },
      { id: 'demo-dead-relu', component: 'TrainingDemo', props: { demo: 'dead-relu' } },
    ]);
  });

  it('refuses props it cannot reproduce, naming the file', () => {
    expect(() => figuresInMdx('<ChainRule id="c" depth={someVar} />', 'l.mdx')).toThrow(
      /l\.mdx.*depth/,
    );
    expect(() => figuresInMdx('<ChainRule caption="x" />', 'l.mdx')).toThrow(/has no id/);
  });

  it('finds every figure of the lessons, each id once per lesson', () => {
    const dir = 'content/lessons';
    const all = readdirSync(dir)
      .filter((f) => f.endsWith('.mdx'))
      .flatMap((f) => figuresInMdx(readFileSync(`${dir}/${f}`, 'utf8'), f));
    expect(all.length).toBeGreaterThan(20);
    const figureIds = readdirSync(dir).flatMap((f) => [
      ...readFileSync(`${dir}/${f}`, 'utf8').matchAll(
        /^<(ActivationPlot|ActivationExplorer|CompareActivations|ChainRule|TanhIdentity|FloatPitfalls|ExpressionCell|DigitsFigure)\b/gm,
      ),
    ]).length;
    expect(all.filter((f) => f.component !== 'TrainingDemo')).toHaveLength(figureIds);
  });
});

describe('CSV', () => {
  it('quotes text that needs it and keeps numbers exact', () => {
    expect(
      toCsv({
        header: ['x', 'say "hi", ok'],
        rows: [
          [0.1 + 0.2, NaN],
          [-0, 1e-300],
        ],
      }),
    ).toBe('x,"say ""hi"", ok"\r\n0.30000000000000004,NaN\r\n0,1e-300\r\n');
  });

  it('every widget exports a rectangular table of its plotted data', () => {
    const tables = [
      explorerCsv({
        activation: 'elu',
        halfRange: 4,
        params: resolvedParams(activations.elu, {}),
        cursor: 1,
      }),
      compareCsv({ ids: ['sigmoid', 'relu'], mode: 'logdf', halfRange: 5 }),
      compareCsv({ ids: [], mode: 'f', halfRange: 5 }),
      chainCsv({ depth: 12, mean: 0, spread: 1, seed: 3, weight: 8, bias: -4 }),
      identityCsv({ t: 0.5, halfRange: 4 }),
      pitfallCsv({ key: 'softplus-log' }),
      activationPlotCsv({
        figureId: 'f',
        ids: ['gelu', 'silu'],
        derivative: false,
        domain: [-3, 3],
        description: '',
      }),
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

// The network file itself (writing, reading, every rejection) is tests/unit/network-file.test.ts.
describe('playground loss history', () => {
  const config = { ...defaultConfig, act: 'relu' as const, layers: 1, width: 4, seed: 5 };

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
