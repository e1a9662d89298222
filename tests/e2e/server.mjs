// A minimal static file server for dist/, like any web host: files only, no fallbacks.
// Usage: node tests/e2e/server.mjs --root dist --port 8080 [--prefix /newslens/]
// Also importable: `startServer({ root, port, prefix })` resolves to { server, url, requests,
// setRoot(dir), stop() }: `requests` lists every path asked for, `setRoot` serves another
// directory from now on (a new deploy), `stop` closes the server and its open connections.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

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

export function startServer({ root, port = 0, prefix = '/' }) {
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
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
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
  });
  console.log(`serving ${arg('root', 'dist')} at ${url}`);
}
