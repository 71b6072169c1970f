/**
 * `npm run claims`: runs every registered claim (src/widgets/claims.ts) over seeds 1-20 in Node,
 * with the engine the worker runs, and writes bench/results/claims.json (what each figure on the
 * site quotes, read at build time) and bench/results/claims.md (the same as a table).
 *
 *   npm run claims                          every claim, seeds 1-20
 *   npm run claims -- --seeds 1-10          another seed range (or a list: --seeds 3,7,11)
 *   npm run claims -- tanh-saturates ...    only the claims named; the others keep their entry
 *
 * Exits with status 1 when a claim holds on fewer than 90% of the seeds it was tried on.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { checkClaim, claimsMarkdown, type ClaimResult } from '../src/lib/claims.ts';
import { allClaims } from '../src/widgets/claims.ts';

const JSON_PATH = 'bench/results/claims.json';
const MD_PATH = 'bench/results/claims.md';
/** Share of seeds a claim must hold on for the run to pass (18 of 20). */
const PASS_SHARE = 0.9;

/** Seeds from `1-20` or `1,4,9`; throws naming the text when it is neither. */
function parseSeeds(text: string): number[] {
  const range = /^(\d+)-(\d+)$/.exec(text);
  if (range) {
    const [lo, hi] = [Number(range[1]), Number(range[2])];
    if (hi < lo) throw new RangeError(`--seeds ${text}: empty range`);
    return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  }
  if (/^\d+(,\d+)*$/.test(text)) return text.split(',').map(Number);
  throw new RangeError(`--seeds ${text}: expected a range like 1-20 or a list like 1,2,5`);
}

const args = process.argv.slice(2);
let seeds = parseSeeds('1-20');
const ids: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--seeds') seeds = parseSeeds(args[++i] ?? '');
  else if (a.startsWith('--seeds=')) seeds = parseSeeds(a.slice('--seeds='.length));
  else ids.push(a);
}

const registered = allClaims();
const unknown = ids.filter((id) => !registered.some((c) => c.id === id));
if (unknown.length > 0) {
  console.error(
    `unknown claim ids: ${unknown.join(', ')}; registered: ${registered.map((c) => c.id).join(', ')}`,
  );
  process.exit(2);
}
const chosen = ids.length > 0 ? registered.filter((c) => ids.includes(c.id)) : registered;

const fresh: ClaimResult[] = [];
let failed = false;
for (const claim of chosen) {
  const start = performance.now();
  const result = checkClaim(claim, seeds);
  const ok = result.held.length >= PASS_SHARE * seeds.length;
  if (!ok) failed = true;
  const ms = Math.round(performance.now() - start);
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${claim.id}: ${result.held.length} / ${seeds.length} seeds (${ms} ms)`,
  );
  fresh.push(result);
}

// A run of some claims keeps the others' entries, so the site never loses a figure's line; entries
// of claims no longer registered are dropped.
// JSON has no Infinity or NaN: such figures are written as the strings "Infinity", "-Infinity" and
// "NaN" (what String gives), and read back as numbers.
const nonFinite = new Set(['Infinity', '-Infinity', 'NaN']);
const previous: ClaimResult[] = existsSync(JSON_PATH)
  ? (
      JSON.parse(readFileSync(JSON_PATH, 'utf8'), (_, v: unknown) =>
        typeof v === 'string' && nonFinite.has(v) ? Number(v) : v,
      ) as { claims: ClaimResult[] }
    ).claims
  : [];
const results = registered
  .map((c) => fresh.find((r) => r.id === c.id) ?? previous.find((r) => r.id === c.id))
  .filter((r): r is ClaimResult => r !== undefined);

mkdirSync('bench/results', { recursive: true });
const json = JSON.stringify(
  { command: 'npm run claims', claims: results },
  (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v),
  2,
);
writeFileSync(JSON_PATH, `${json}\n`);
const table = claimsMarkdown(results);
writeFileSync(
  MD_PATH,
  `# Claims\n\nEvery claim a figure of the site states, run over several seeds with \`npm run claims\` (scripts/claims.ts). ` +
    `Figures named …Epochs are the first epoch at which a lane reached the claim's threshold; Infinity means it had not by the last epoch run.\n\n${table}`,
);
console.log(`\n${table}\nwrote ${JSON_PATH} and ${MD_PATH}`);
process.exit(failed ? 1 : 0);
