/**
 * Every widget's URL state: a random valid state survives serialize -> parse unchanged, garbage
 * query strings never throw and always give a valid state plus a notice per bad parameter, and a
 * figure's parameters never leak into another figure's namespace.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { activations } from '../../src/lib/activations/index.ts';
import { activationIds, type ActivationId } from '../../src/lib/activations/types.ts';
import {
  namespaceOnly,
  queryWithState,
  stateFromQuery,
  type UrlCodec,
} from '../../src/widgets/shared/url-codec.ts';
import {
  explorerUrl,
  resolvedParams,
  zoomLevels,
  type ExplorerState,
} from '../../src/widgets/explorer/model.ts';
import {
  compareUrl,
  compareZoomLevels,
  normalizeIds,
  type CompareMode,
  type CompareState,
} from '../../src/widgets/compare/model.ts';
import {
  chainBounds,
  chainUrl,
  maxDepth,
  type ChainRuleState,
} from '../../src/widgets/chain-rule/model.ts';
import {
  identityUrl,
  identityZoomLevels,
  type IdentityState,
} from '../../src/widgets/tanh-identity/model.ts';
import { pitfalls, pitfallUrl, type PitfallState } from '../../src/widgets/float-pitfalls/model.ts';
import {
  cellUrl,
  examples,
  initialState,
  keepParams,
  rangeLevels,
  type CellState,
} from '../../src/widgets/expression-cell/model.ts';
import { parseExpression } from '../../src/lib/expr/index.ts';

/** A double in [lo, hi] without -0 (a URL writes -0 as 0, and the two are the same setting). */
const num = (lo: number, hi: number) =>
  fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true }).map((v) => v + 0);

interface Case<S> {
  readonly name: string;
  readonly codec: UrlCodec<S>;
  /** Build-time states of instances (the table's defaults). */
  readonly initial: fc.Arbitrary<S>;
  /** Any state a reader can reach from that instance. */
  readonly state: (initial: S) => fc.Arbitrary<S>;
}

const explorerInitial = fc.constantFrom(...activationIds).chain((id: ActivationId) =>
  fc.constantFrom(...zoomLevels).map((halfRange): ExplorerState => ({
    activation: id,
    halfRange,
    params: resolvedParams(activations[id], {}),
    cursor: 1,
  })),
);

const explorer: Case<ExplorerState> = {
  name: 'explorer',
  codec: explorerUrl,
  initial: explorerInitial,
  state: (initial) =>
    fc.constantFrom(...zoomLevels).chain((halfRange) =>
      fc.record({
        activation: fc.constant(initial.activation),
        halfRange: fc.constant(halfRange),
        cursor: num(-halfRange, halfRange),
        params: fc.record(
          Object.fromEntries(
            activations[initial.activation].params.map((p) => [p.name, num(p.min, p.max)]),
          ),
        ),
      }),
    ),
};

const compareIds = fc.subarray([...activationIds]).map((ids) => normalizeIds(ids));
const compareModesList: CompareMode[] = ['f', 'df', 'logdf'];
const compare: Case<CompareState> = {
  name: 'compare',
  codec: compareUrl,
  initial: fc.record({
    ids: compareIds,
    mode: fc.constantFrom(...compareModesList),
    halfRange: fc.constantFrom(...compareZoomLevels),
  }),
  state: () =>
    fc.record({
      ids: compareIds,
      mode: fc.constantFrom(...compareModesList),
      halfRange: fc.constantFrom(...compareZoomLevels),
    }),
};

const chainState = fc.record({
  depth: fc.integer({ min: 1, max: maxDepth }),
  mean: num(...chainBounds.mean),
  spread: num(...chainBounds.spread),
  seed: fc.integer({ min: chainBounds.seed[0], max: chainBounds.seed[1] }),
  weight: num(...chainBounds.weight),
  bias: num(...chainBounds.bias),
});
const chain: Case<ChainRuleState> = {
  name: 'chain-rule',
  codec: chainUrl,
  initial: fc
    .integer({ min: 1, max: maxDepth })
    .map((depth) => ({ depth, mean: 0, spread: 1, seed: 1, weight: 1, bias: 0 })),
  state: () => chainState,
};

const identity: Case<IdentityState> = {
  name: 'tanh-identity',
  codec: identityUrl,
  initial: fc.constant({ t: 1, halfRange: 4 }),
  state: () => fc.record({ t: num(0, 1), halfRange: fc.constantFrom(...identityZoomLevels) }),
};

const pitfallKeys = pitfalls.map((p) => p.key);
const pitfall: Case<PitfallState> = {
  name: 'float-pitfalls',
  codec: pitfallUrl,
  initial: fc.constantFrom(...pitfallKeys).map((key) => ({ key })),
  state: () => fc.constantFrom(...pitfallKeys).map((key) => ({ key })),
};

/**
 * The notebook cell's text is free (valid or not, it is kept), and its parameters are those its
 * text names (all of them while it does not parse), as `keepParams` leaves them after every edit.
 */
const cellText = fc.oneof(
  fc.constantFrom(
    ...examples.map((e) => e.text),
    'x * sigmoid(beta * x)',
    'a * x + b',
    'x * (1 +',
    'max(0, x',
    '',
    '1/x',
    '%+&=#?',
  ),
  fc.string({ maxLength: 200 }).filter((t) => /^[^\p{Cc}]*$/u.test(t)),
);
const paramName = fc.oneof(
  fc.constantFrom('a', 'b', 'beta', 'alpha'),
  fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/),
);
const cellStateOf = fc
  .tuple(
    cellText,
    fc.uniqueArray(fc.tuple(paramName, num(-5, 5)), { maxLength: 5, selector: ([n]) => n }),
  )
  .chain(([text, extra]) => {
    const parsed = parseExpression(text);
    const names = parsed.ok ? parsed.params : extra.map(([n]) => n);
    return fc.record({
      text: fc.constant(text),
      params: fc
        .subarray([...names])
        .chain((ns) =>
          fc
            .tuple(...ns.map(() => num(-5, 5)))
            .map((vs) => keepParams(text, Object.fromEntries(ns.map((n, i) => [n, vs[i] ?? 0])))),
        ),
      compare: fc.constantFrom('none' as const, ...activationIds),
      halfRange: fc.constantFrom(...rangeLevels),
    });
  });
const cell: Case<CellState> = {
  name: 'expression-cell',
  codec: cellUrl,
  // Every cell starts from the same state; a second one checks the table's defaults follow the instance.
  initial: fc.constantFrom(initialState, {
    text: 'x * sigmoid(beta * x)',
    params: { beta: 2 },
    compare: 'relu',
    halfRange: 4,
  } satisfies CellState),
  state: () => cellStateOf,
};

// One list, typed loosely at the edge so each case keeps its own state type inside.
const cases = [explorer, compare, chain, identity, pitfall, cell] as unknown as Case<unknown>[];

/** Garbage for one namespace: its real keys and random ones, with random or hostile values. */
function garbageQuery(ns: string, keys: readonly string[]): fc.Arbitrary<string> {
  const key = fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 8 }));
  const value = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom(
      '',
      'NaN',
      'Infinity',
      '-Infinity',
      '1e400',
      '-0',
      '0x10',
      ' 1',
      '1,2',
      'relu,,tanh',
      '%',
      '%zz',
      '<script>',
    ),
    fc.double().map(String),
  );
  const pair = fc
    .tuple(key, value)
    .map(([k, v]) => `${encodeURIComponent(`${ns}.${k}`)}=${encodeURIComponent(v)}`);
  return fc.oneof(
    fc.array(pair, { maxLength: 6 }).map((ps) => ps.join('&')),
    fc.string({ maxLength: 80 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => `${ns}.${s}`),
  );
}

describe.each(cases)('$name URL state', (c) => {
  const ns = 'fig-under-test';

  it('round-trips every valid state exactly', () => {
    fc.assert(
      fc.property(
        c.initial.chain((initial) => fc.tuple(fc.constant(initial), c.state(initial))),
        ([initial, state]) => {
          const query = queryWithState(c.codec, initial, state, ns);
          const back = stateFromQuery(c.codec, initial, query, ns);
          expect(back.notices).toEqual([]);
          expect(back.state).toEqual(state);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes nothing for the build-time state, so an untouched figure keeps a clean URL', () => {
    fc.assert(
      fc.property(c.initial, (initial) => {
        expect(queryWithState(c.codec, initial, initial, ns)).toBe('');
      }),
    );
  });

  it('turns garbage into a valid state with notices, and never throws', () => {
    fc.assert(
      fc.property(
        c.initial.chain((initial) =>
          fc.tuple(fc.constant(initial), garbageQuery(ns, Object.keys(c.codec.table(initial)))),
        ),
        ([initial, query]) => {
          const { state, notices } = stateFromQuery(c.codec, initial, query, ns);
          // Valid means: it serializes and reads back to itself with nothing to report.
          const again = stateFromQuery(
            c.codec,
            initial,
            queryWithState(c.codec, initial, state, ns),
            ns,
          );
          expect(again.notices).toEqual([]);
          expect(again.state).toEqual(state);
          for (const n of notices) expect(n.param.startsWith(`${ns}.`)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('leaves other namespaces alone', () => {
    fc.assert(
      fc.property(
        c.initial.chain((initial) => fc.tuple(fc.constant(initial), c.state(initial))),
        ([initial, state]) => {
          const query = queryWithState(c.codec, initial, state, ns, 'other.x=1&plain=2');
          expect(new URLSearchParams(query).get('other.x')).toBe('1');
          expect(new URLSearchParams(query).get('plain')).toBe('2');
          expect(namespaceOnly(query, ns)).toBe(queryWithState(c.codec, initial, state, ns));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe.each(cases)('$name URL state with a name given twice', (c) => {
  const ns = 'fig-under-test';

  it('reads the first occurrence of every name and reports each later one, naming the value in use', () => {
    fc.assert(
      fc.property(
        c.initial.chain((initial) =>
          fc.tuple(fc.constant(initial), c.state(initial), c.state(initial)),
        ),
        ([initial, a, b]) => {
          const first = queryWithState(c.codec, initial, a, ns);
          const second = queryWithState(c.codec, initial, b, ns);
          const both = [first, second].filter((q) => q !== '').join('&');
          // What "first wins" means, computed independently: keep each name's first value only.
          const firsts = new URLSearchParams();
          for (const [k, v] of new URLSearchParams(both)) if (!firsts.has(k)) firsts.set(k, v);
          const expected = stateFromQuery(c.codec, initial, firsts.toString(), ns);
          const got = stateFromQuery(c.codec, initial, both, ns);
          expect(got.state).toEqual(expected.state);
          const repeated = [...new URLSearchParams(second).keys()].filter((k) =>
            new URLSearchParams(first).has(k),
          );
          expect(got.notices.map((n) => n.param)).toEqual(repeated);
          for (const n of got.notices) {
            expect(n.message).toContain('given more than once and only the first is read; using ');
            expect(n.message).toContain(
              `using ${(firsts.get(n.param) ?? '') === '' ? 'none' : (firsts.get(n.param) ?? '').slice(0, 40)}`,
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the expression cell keeps what the reader typed', () => {
  it('keeps text that does not parse, with its parameters, and reports nothing', () => {
    const { state, notices } = stateFromQuery(
      cellUrl,
      initialState,
      'expr.f=x*tanh(softplus(beta*x)&expr.p=beta:2.5',
      'expr',
    );
    expect(notices).toEqual([]);
    expect(state).toEqual({
      ...initialState,
      text: 'x*tanh(softplus(beta*x)',
      params: { beta: 2.5 },
    });
  });

  it('drops the parameters the text does not name, snaps the range, and reports a bad comparison', () => {
    const { state, notices } = stateFromQuery(
      cellUrl,
      initialState,
      'own.f=a*x&own.p=a:2,zz:3&own.r=7&own.vs=nope',
      'own',
    );
    expect(state).toEqual({ text: 'a*x', params: { a: 2 }, compare: 'none', halfRange: 6 });
    expect(notices.map((n) => n.param)).toEqual(['own.vs']);
  });
});

describe('notices name the bad value and fall back to the default', () => {
  const initial: ExplorerState = {
    activation: 'elu',
    halfRange: 4,
    params: resolvedParams(activations.elu, {}),
    cursor: 1,
  };

  it('rejects an out-of-range cursor and an unknown key, keeps the valid rest', () => {
    const { state, notices } = stateFromQuery(
      explorerUrl,
      initial,
      'elu-explorer.cursor=99&elu-explorer.range=8&elu-explorer.zzz=1',
      'elu-explorer',
    );
    expect(state.cursor).toBe(1);
    expect(state.halfRange).toBe(8);
    expect(notices.map((n) => n.param)).toEqual(['elu-explorer.cursor', 'elu-explorer.zzz']);
    expect(notices[0]?.message).toContain('99');
  });

  it('reports an unknown activation id in a comparison', () => {
    const init: CompareState = { ids: ['sigmoid', 'tanh'], mode: 'f', halfRange: 5 };
    const { state, notices } = stateFromQuery(compareUrl, init, 'c.ids=relu,nope', 'c');
    expect(state.ids).toEqual(['sigmoid', 'tanh']);
    expect(notices).toHaveLength(1);
  });

  it('clamps a cursor that is valid alone but outside the chosen range', () => {
    const { state, notices } = stateFromQuery(explorerUrl, initial, 'e.range=1&e.cursor=3', 'e');
    expect(notices).toEqual([]);
    expect(state.cursor).toBe(1);
  });
});
