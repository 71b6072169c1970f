/**
 * What ships, where it runs: the activation kernels and the training engine timed as the
 * production build runs them in Chromium, beside the same workload on the TypeScript sources in
 * Node. Both sides run the same functions; only the code's form (bundled and minified, or source)
 * and the engine (Chromium's V8, or Node's) differ.
 *
 * - Kernels: the build's own cost-widget worker (src/widgets/cost-bench/worker.ts), which runs
 *   `measureCosts` (src/lib/kernel-cost.ts) over every activation, tuned kernel then textbook
 *   loop; in Node, `measureCosts` on the sources, and the built activation chunk's kernels imported
 *   into Node (which once ran 2-3x slower than the sources: bench/README.md). 7 rounds each side,
 *   interleaved; per kernel the median ns per element and the median over rounds of the
 *   textbook/tuned ratio.
 * - Training and snapshot: the build's own playground worker, driven through its protocol
 *   (configure, step 1 epoch, step 1000 epochs; each answered by a snapshot); in Node,
 *   `createSession` on the sources, the same calls. Epochs per second from the difference of the
 *   two steps (the snapshot and the messaging cancel); the snapshot (50x50 boundary grid, 16x16
 *   neuron maps, losses and accuracies) is the one-epoch step less one epoch. 5 rounds each side,
 *   interleaved, after one warm-up round each, a fresh session each round in one worker (Node
 *   keeps its process too); medians.
 *
 * Needs a build: `npm run build && npx node bench/shipped.ts` (`BENCH_DIST` names another build).
 * Writes bench/results/shipped.json.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { activationIds } from '../src/lib/activations/types.ts';
import { activations } from '../src/lib/activations/index.ts';
import { benchInputs, measureCosts, timeKernel, type KernelCost } from '../src/lib/kernel-cost.ts';
import { defaultConfig, type Config } from '../src/widgets/playground/config.ts';
import { resolveRun, type ResolvedRun } from '../src/widgets/playground/resolve.ts';
import { createSession } from '../src/widgets/playground/session.ts';
import { launchBrowser } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/static-server.ts';

const dist = process.env.BENCH_DIST ?? 'dist';
const KERNEL_ROUNDS = Number(process.env.BENCH_KERNEL_ROUNDS ?? 7);
const TRAIN_ROUNDS = 5;
const EPOCHS = 1000;
/** The playground's default network, and a deep one (6 hidden layers of 8, as bench/training.ts's `big`). */
const NETS: Record<string, Config> = {
  default: defaultConfig,
  deep: { ...defaultConfig, layers: 6, width: 8 },
};

/** The built worker whose code contains `marker` (a string literal the minifier keeps). */
function builtWorker(marker: string): string {
  const dir = join(dist, '_astro');
  const hits = readdirSync(dir).filter(
    (f) => /worker.*\.js$/.test(f) && readFileSync(join(dir, f), 'utf8').includes(marker),
  );
  if (hits.length !== 1)
    throw new Error(
      `expected one built worker containing ${marker}, found ${hits.length} in ${dir}`,
    );
  return `/_astro/${hits[0]}`;
}
const costWorker = builtWorker('baseline');

/**
 * The built activation chunk, imported here in Node: the same code the pages load. Its exports
 * are minified names, so the registry is the export that holds every activation.
 */
async function builtRegistry(): Promise<typeof activations> {
  const dir = join(dist, '_astro');
  for (const file of readdirSync(dir).filter((f) => /^activations\..*\.js$/.test(f))) {
    const mod = (await import(resolve(dir, file))) as Record<string, unknown>;
    for (const value of Object.values(mod)) {
      if (value && typeof value === 'object' && activationIds.every((id) => id in value))
        return value as typeof activations;
    }
  }
  throw new Error(`no built activation registry in ${dir}`);
}
const shippedInNode = await builtRegistry();
/** ns per element of the built chunk's tuned kernel, in Node, the measureCosts way. */
function shippedNs(id: (typeof activationIds)[number]): number {
  const io = { xs: benchInputs(4096), out: new Float64Array(4096) };
  return timeKernel(
    () => shippedInNode[id].fInto(io.xs, io.out),
    4096,
    15,
    5,
    () => performance.now(),
  );
}
const playgroundWorker = builtWorker('check-file');

const median = (v: readonly number[]): number => [...v].sort((a, b) => a - b)[v.length >> 1] ?? NaN;

interface TrainRound {
  /** ms for configure's answer is not timed; these are the two steps, snapshot included. */
  readonly oneMs: number;
  readonly manyMs: number;
}

/** Epochs per second and snapshot ms from one round's two steps. */
function rates(r: TrainRound): { epochsPerSecond: number; snapshotMs: number } {
  const epochMs = (r.manyMs - r.oneMs) / (EPOCHS - 1);
  return { epochsPerSecond: 1000 / epochMs, snapshotMs: r.oneMs - epochMs };
}

function nodeTrainRound(config: Config): TrainRound {
  const session = createSession([config]);
  session.snapshot();
  let t = performance.now();
  session.step(1);
  session.snapshot();
  const oneMs = performance.now() - t;
  t = performance.now();
  session.step(EPOCHS);
  session.snapshot();
  return { oneMs, manyMs: performance.now() - t };
}

const { server, origin } = await serveStatic(dist, '/');
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  // A bare page on the site's origin, without the site's CSP: the workers load from /_astro/.
  await page.route(`${origin}/__bench__/`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }),
  );
  await page.goto(`${origin}/__bench__/`);
  const browserVersion = browser.version();

  const chromiumCosts = (): Promise<KernelCost[]> =>
    page.evaluate(
      (url) =>
        new Promise<KernelCost[]>((resolve, reject) => {
          const worker = new Worker(url, { type: 'module' });
          const out: KernelCost[] = [];
          worker.onmessage = (
            e: MessageEvent<{ type: string; cost?: KernelCost; message?: string }>,
          ) => {
            if (e.data.type === 'result' && e.data.cost) out.push(e.data.cost);
            else if (e.data.type === 'done') {
              worker.terminate();
              resolve(out);
            } else if (e.data.type === 'error') reject(new Error(e.data.message));
          };
          worker.onerror = (e) => reject(new Error(e.message));
          worker.postMessage({ type: 'run', derivative: false });
        }),
      costWorker,
    );

  /**
   * One round in the page's playground worker, kept across rounds (as Node keeps its process), so
   * both sides time a warm JIT: each round configures a fresh session under a new generation.
   */
  const chromiumTrainRound = (run: ResolvedRun, gen: number): Promise<TrainRound> =>
    page.evaluate(
      ({ url, run, epochs, gen }) => {
        const w = window as unknown as { benchWorker?: Worker };
        const worker = (w.benchWorker ??= new Worker(url, { type: 'module' }));
        return new Promise<TrainRound>((resolve, reject) => {
          let waiting: (() => void) | undefined;
          worker.onmessage = (e: MessageEvent<{ type: string; gen: number; message?: string }>) => {
            if (e.data.type === 'error') reject(new Error(e.data.message));
            else if (e.data.type === 'snapshot' && e.data.gen === gen) waiting?.();
          };
          worker.onerror = (e) => reject(new Error(e.message));
          const ask = (message: object): Promise<number> =>
            new Promise((ok) => {
              const start = performance.now();
              waiting = () => ok(performance.now() - start);
              worker.postMessage(message);
            });
          void (async () => {
            await ask({ type: 'configure', gen, runs: [run] });
            const oneMs = await ask({ type: 'step', gen, epochs: 1 });
            const manyMs = await ask({ type: 'step', gen, epochs });
            resolve({ oneMs, manyMs });
          })();
        });
      },
      { url: playgroundWorker, run, epochs: EPOCHS, gen },
    );

  // Kernels: rounds interleaved between the two sides, so drift on this shared machine hits both.
  const kernelRounds: {
    node: KernelCost[];
    chromium: KernelCost[];
    shipped: Map<string, number>;
  }[] = [];
  for (let r = 0; r < KERNEL_ROUNDS; r++) {
    const node = measureCosts(activationIds, { textbook: true });
    const shipped = new Map(activationIds.map((id) => [id, shippedNs(id)]));
    kernelRounds.push({ node, chromium: await chromiumCosts(), shipped });
  }
  const kernelRow = (id: (typeof activationIds)[number]) => {
    const side = (which: 'node' | 'chromium') => {
      const ns = (form: string, round: KernelCost[]) =>
        round.find((c) => c.id === id && c.form === form)?.nsPerElement ?? NaN;
      const tuned = kernelRounds.map((k) => ns('tuned', k[which]));
      const textbook = kernelRounds.map((k) => ns('textbook', k[which]));
      const ratios = tuned.map((t, i) => (textbook[i] ?? NaN) / t);
      return {
        tunedNs: median(tuned),
        textbookNs: median(textbook),
        speedup: median(ratios),
        range: [Math.min(...ratios), Math.max(...ratios)],
      };
    };
    const shippedNodeNs = median(kernelRounds.map((k) => k.shipped.get(id) ?? NaN));
    return { id, chromium: side('chromium'), node: side('node'), shippedNodeNs };
  };
  const allRows = activationIds.map(kernelRow);
  const kernels = allRows.filter((r) => Number.isFinite(r.chromium.textbookNs));
  /**
   * Chromium's medians in the shape `measureCosts` returns: what the site's cost figure and
   * property table print at build time (read from this file, so builds stay reproducible).
   */
  const chromiumCostList: KernelCost[] = [
    {
      id: 'copy',
      form: 'baseline',
      nsPerElement: median(
        kernelRounds.map((k) => k.chromium.find((c) => c.id === 'copy')?.nsPerElement ?? NaN),
      ),
    },
    ...allRows.flatMap((r): KernelCost[] => [
      { id: r.id, form: 'tuned', nsPerElement: r.chromium.tunedNs },
      ...(Number.isFinite(r.chromium.textbookNs)
        ? [{ id: r.id, form: 'textbook' as const, nsPerElement: r.chromium.textbookNs }]
        : []),
    ]),
  ];

  const training: Record<
    string,
    {
      chromium: { epochsPerSecond: number; snapshotMs: number };
      node: { epochsPerSecond: number; snapshotMs: number };
      ratio: number;
    }
  > = {};
  let gen = 0;
  for (const [name, config] of Object.entries(NETS)) {
    const node: TrainRound[] = [];
    const chromium: TrainRound[] = [];
    // One warm-up round on each side, not counted: both then time compiled code.
    // the page resolves a run once and sends it (the worker's `configure`); so does this
    const run = resolveRun(config);
    nodeTrainRound(config);
    await chromiumTrainRound(run, ++gen);
    for (let r = 0; r < TRAIN_ROUNDS; r++) {
      node.push(nodeTrainRound(config));
      chromium.push(await chromiumTrainRound(run, ++gen));
    }
    const summary = (rounds: TrainRound[]) => {
      const rs = rounds.map(rates);
      return {
        epochsPerSecond: median(rs.map((r) => r.epochsPerSecond)),
        snapshotMs: median(rs.map((r) => r.snapshotMs)),
      };
    };
    const c = summary(chromium);
    const n = summary(node);
    training[name] = { chromium: c, node: n, ratio: c.epochsPerSecond / n.epochsPerSecond };
  }

  const f = (v: number, d = 2) => v.toFixed(d);
  console.log(
    `Chromium ${browserVersion} on the production build (${dist}); Node ${process.version} on the sources.\n`,
  );
  console.log(
    '| kernel | Chromium tuned ns/el | Chromium textbook ns/el | Chromium speed-up (rounds) | Node tuned ns/el | Node textbook ns/el | Node speed-up (rounds) | built chunk in Node, tuned ns/el |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const k of kernels) {
    const c = k.chromium;
    const n = k.node;
    console.log(
      `| ${k.id} | ${f(c.tunedNs)} | ${f(c.textbookNs)} | ${f(c.speedup)}x (${f(c.range[0]!)}-${f(c.range[1]!)}) | ${f(n.tunedNs)} | ${f(n.textbookNs)} | ${f(n.speedup)}x (${f(n.range[0]!)}-${f(n.range[1]!)}) | ${f(k.shippedNodeNs)} |`,
    );
  }
  console.log(
    '\n| network | Chromium epochs/s (shipped worker) | Node epochs/s (sources) | Chromium / Node | Chromium snapshot ms | Node snapshot ms |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, t] of Object.entries(training)) {
    console.log(
      `| ${name} | ${f(t.chromium.epochsPerSecond, 0)} | ${f(t.node.epochsPerSecond, 0)} | ${f(t.ratio)} | ${f(t.chromium.snapshotMs)} | ${f(t.node.snapshotMs)} |`,
    );
  }
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/shipped.json',
    `${JSON.stringify({ date: new Date().toISOString(), chromium: browserVersion, node: process.version, dist, costWorker, playgroundWorker, chromiumCosts: chromiumCostList, kernels, training }, null, 2)}\n`,
  );
} finally {
  await browser.close();
  server.close();
}
