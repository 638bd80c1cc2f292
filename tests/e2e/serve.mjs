// A small static server for the built app, as a production host would serve it:
// files from a dist folder under a path prefix, and index.html for any unknown
// path below it (so deep links survive a reload). Loopback only.
//
// Tests may change what is served while it runs: `site.control.mounts` is the
// list of { prefix, dir } (change a dir to serve another build on the same
// origin), and `site.control.down = true` drops every request unanswered, as a
// network that is down would. Setting `site.control.heard = []` records the
// path of every request that reaches the server from then on.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

const HASHED = /-[0-9a-f]{12,}(_bg)?\.[a-z]+$/;
// What a production host compresses.
const COMPRESSIBLE = /^\.(html|js|mjs|css|json|wasm|webmanifest|svg|txt)$/;

/**
 * Serves each `dir` under its `prefix`: mounts = [{ prefix: '/', dir: 'dist' }].
 * For tests only, `inject: { path, script }` serves `script` at `path` and loads
 * it from every HTML page, as the last element of <head> (so it runs before the
 * app's module script, under the page's Content-Security-Policy).
 * With `compress: true`, text and wasm go out gzipped (level 9) to a browser
 * that accepts it, as a production host sends them: the benchmark's Lighthouse
 * run simulates a slow network on the bytes it is actually sent.
 */
export async function serve(mounts, port = 0, { inject, compress = false } = {}) {
  const control = { mounts, down: false };
  const gzipped = new Map(); // file -> { mtime, body }
  const server = createServer(async (req, res) => {
    // The injected test script is the test's own instrument, not the app: it
    // answers even while the network is "down".
    if (inject && req.url.split('?')[0] === inject.path) {
      res.writeHead(200, { 'content-type': TYPES['.js'], 'cache-control': 'no-cache' });
      res.end(inject.script);
      return;
    }
    control.heard?.push(decodeURIComponent(req.url.split('?')[0]));
    if (control.down) {
      req.socket.destroy();
      return;
    }
    try {
      const url = new URL(req.url, 'http://localhost');
      const path = decodeURIComponent(url.pathname);
      const mount = control.mounts
        .filter((m) => path.startsWith(m.prefix) || path + '/' === m.prefix)
        .sort((a, b) => b.prefix.length - a.prefix.length)[0];
      if (!mount) {
        res.writeHead(404).end('not found');
        return;
      }
      const root = resolve(mount.dir);
      const rel = normalize(path.slice(mount.prefix.length)).replace(/^([/\\])+/, '');
      let file = join(root, rel);
      if (!file.startsWith(root)) {
        res.writeHead(403).end();
        return;
      }
      let info = await stat(file).catch(() => null);
      if (!info || info.isDirectory()) {
        // Unknown paths and folders get the app, which routes on the client.
        file = join(root, 'index.html');
        info = await stat(file);
      }
      let body = await readFile(file);
      if (inject && extname(file) === '.html') {
        body = body.toString('utf8').replace('</head>', `<script src="${inject.path}"></script>\n</head>`);
      }
      const headers = {
        'content-type': TYPES[extname(file)] || 'application/octet-stream',
        // Names with a content hash never change; the rest (index.html, sw.js,
        // the manifest, icons) is checked with the server on each use.
        'cache-control': HASHED.test(file) ? 'max-age=31536000, immutable' : 'no-cache',
      };
      if (compress && COMPRESSIBLE.test(extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
        const known = gzipped.get(file);
        if (!inject && known && known.mtime === info.mtimeMs) body = known.body;
        else {
          body = gzipSync(body, { level: 9 });
          if (!inject) gzipped.set(file, { mtime: info.mtimeMs, body });
        }
        headers['content-encoding'] = 'gzip';
        headers.vary = 'accept-encoding';
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const { port: actual } = server.address();
  return {
    server,
    control,
    origin: `http://127.0.0.1:${actual}`,
    close: () => new Promise((ok) => {
      server.close(ok);
      server.closeAllConnections();
    }),
  };
}

// `node serve.mjs DIR [PORT]` serves one folder at the root.
if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] || 'dist';
  const port = Number(process.argv[3] || 8080);
  const { origin } = await serve([{ prefix: '/', dir }], port);
  console.log(`Taiwa is served at ${origin}/ (Ctrl+C to stop)`);
}
