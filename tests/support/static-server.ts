/**
 * A minimal static file server over the built site (dist/), honouring the configured base path,
 * so browser tests run against exactly what a static host would serve. Node built-ins only.
 * With `gzip`, text responses are gzip-compressed when the client accepts it, as any real static
 * host does; the benchmarks use that so transfer sizes and Lighthouse's simulated network match
 * a deployment (the tests keep plain bodies).
 */
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
};

/** Content types a static host compresses (text); fonts (woff2) and images are compressed already. */
export function isCompressible(contentType: string): boolean {
  return /^text\/|javascript|json|xml|svg/.test(contentType);
}

/** Starts serving `root` under `base` on an ephemeral localhost port. */
export async function serveStatic(
  root: string,
  base = '/',
  options: { gzip?: boolean } = {},
): Promise<{ server: Server; origin: string }> {
  const rootDir = resolve(root);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const gzipped = new Map<string, Buffer>();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end('not under base');
      return;
    }
    path = path.slice(prefix.length - 1);
    let file = normalize(join(rootDir, path));
    if (!file.startsWith(rootDir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const type = types[extname(file)] ?? 'application/octet-stream';
      if (
        options.gzip &&
        isCompressible(type) &&
        /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
      ) {
        // Compressed once per file, as a host serving precompressed files would: compressing a
        // large lesson on every request made the response time depend on the machine's load.
        let gz = gzipped.get(file);
        if (!gz) gzipped.set(file, (gz = gzipSync(body, { level: 9 })));
        res.writeHead(200, {
          'content-type': type,
          'content-encoding': 'gzip',
          vary: 'accept-encoding',
        });
        res.end(gz);
        return;
      }
      res.writeHead(200, { 'content-type': type });
      res.end(body);
    } catch {
      const notFound = await readFile(join(rootDir, '404.html')).catch(() =>
        Buffer.from('not found'),
      );
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(notFound);
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  return { server, origin: `http://127.0.0.1:${address.port}` };
}
