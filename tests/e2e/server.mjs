// A minimal static file server for dist/, like any web host: files only, no fallbacks.
// Usage: node tests/e2e/server.mjs --root dist --port 8080 [--prefix /newslens/] [--gzip]
// Also importable: `startServer({ root, port, prefix, gzip })` resolves to { server, url, requests,
// setRoot(dir), stop() }: `requests` lists every path asked for, `setRoot` serves another
// directory from now on (a new deploy), `stop` closes the server and its open connections.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

export function startServer({ root, port = 0, prefix = '/', gzip = false }) {
  let base = resolve(root);
  const requests = [];
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      requests.push(path);
      if (!path.startsWith(prefix)) {
        res.writeHead(404).end('not found');
        return;
      }
      let file = normalize(join(base, path.slice(prefix.length)));
      if (!file.startsWith(base)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      };
      // Compressed like most hosts send it, when asked to (`gzip`) and the client accepts it.
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        const packed = gzipSync(body);
        res.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': packed.length, vary: 'accept-encoding' });
        res.end(packed);
        return;
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((ok) =>
    server.listen(port, '127.0.0.1', () =>
      ok({
        server,
        url: `http://127.0.0.1:${server.address().port}${prefix}`,
        requests,
        setRoot(dir) {
          base = resolve(dir);
        },
        stop() {
          return new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          });
        },
      }),
    ),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name, dflt) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : dflt;
  };
  const { url } = await startServer({
    root: arg('root', 'dist'),
    port: Number(arg('port', 8080)),
    prefix: arg('prefix', '/'),
    gzip: process.argv.includes('--gzip'),
  });
  console.log(`serving ${arg('root', 'dist')} at ${url}`);
}
