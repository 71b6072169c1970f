/**
 * Wall time of the digits league (src/widgets/digits/league-element.ts: every league activation
 * over five seeds) in Debian's Chromium on the built site, with one worker and with as many as
 * the browser reports cores (`navigator.hardwareConcurrency`, at least two), alternating, so a
 * busy moment on this shared machine meets both settings. One worker is asked for through the
 * element's `data-threads`; the time is the element's own (`data-seconds`, click to last row).
 * Writes the result into bench/results/digits.json under `league`, keeping the rest.
 *
 * Run: `npm run build && npx node bench/digits-league.ts` (`BENCH_DIST=dir` for another build,
 * `ROUNDS=n` for other than 3 rounds).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { launchBrowser, scrollToCentre } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/static-server.ts';

const root = process.env.BENCH_DIST ?? 'dist';
const rounds = Number(process.env.ROUNDS ?? 3);
const PAGE = '/lessons/real-data/';

const { server, origin } = await serveStatic(root, '/');
const browser = await launchBrowser();
const seconds: Record<'one' | 'all', number[]> = { one: [], all: [] };
let cores = 0;
const loadAverageStart = loadavg()[0]!;
try {
  for (let k = 0; k < rounds; k++) {
    for (const setting of ['one', 'all'] as const) {
      const page = await browser.newPage();
      await page.goto(origin + PAGE, { waitUntil: 'load' });
      const league = page.locator('af-digits-league');
      await scrollToCentre(league);
      cores = await page.evaluate(() => navigator.hardwareConcurrency);
      if (setting === 'one') await league.evaluate((el) => el.setAttribute('data-threads', '1'));
      await league.locator('[data-action="run"]').click();
      await page.locator('af-digits-league[data-done="true"]').waitFor({ timeout: 900_000 });
      const status = await league.locator('[data-out="status"]').innerText();
      if (!status.startsWith('Done:')) throw new Error(`league failed: ${status}`);
      seconds[setting].push(Number(await league.getAttribute('data-seconds')));
      console.log(`${setting}: ${status} (load ${loadavg()[0]!.toFixed(1)})`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const league = {
  date: new Date().toISOString(),
  command: 'npx node bench/digits-league.ts',
  browser: 'Debian Chromium (playwright-core), headless',
  hardwareConcurrency: cores,
  workersAll: Math.min(4, Math.max(2, cores)),
  rounds,
  loadAverageStart,
  loadAverageEnd: loadavg()[0],
  secondsOneWorker: seconds.one,
  secondsAllWorkers: seconds.all,
  medianOneWorker: median(seconds.one),
  medianAllWorkers: median(seconds.all),
  speedUp: median(seconds.one) / median(seconds.all),
  // Other processes only ever slow a round down: the fastest round of each is the other reading.
  bestOneWorker: Math.min(...seconds.one),
  bestAllWorkers: Math.min(...seconds.all),
  speedUpOfBest: Math.min(...seconds.one) / Math.min(...seconds.all),
};
console.log(JSON.stringify(league, null, 2));
const file = new URL('./results/digits.json', import.meta.url);
const previous = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
writeFileSync(file, `${JSON.stringify({ ...previous, league }, null, 2)}\n`);
