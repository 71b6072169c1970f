/**
 * Serves a built site with gzip in a process of its own and prints its origin on stdout, so a
 * benchmark's own work (Lighthouse processing a trace) never delays a response: the simulated
 * network takes its server latency from the observed one. `node bench/serve-dist.ts dist`.
 */
import { serveStatic } from '../tests/support/static-server.ts';

const { origin } = await serveStatic(process.argv[2] ?? 'dist', '/', { gzip: true });
console.log(origin);
