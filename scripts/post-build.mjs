// Trunk post-build hook, run after Trunk has hashed the file names:
//
// 0. builds the wasm, split at the lazy routes, and writes its loader into
//    index.html: see wasm-build.mjs (Trunk's own Rust step is skipped);
// 1. copies the content library (one JSON file per language, written by
//    build.rs) into dist/content/, named by a hash of its text, and names those
//    files in <meta name="taiwa-content-LANG"> for the app to load;
// 2. adds a strict Content-Security-Policy to index.html;
// 3. writes the service worker's precache list and version into sw.js (and the
//    version into index.html): see precache.mjs.
//
// Trunk writes one inline module script that loads the wasm. The policy allows
// exactly that script by its SHA-256 hash, the app's own origin for everything
// else, and 'wasm-unsafe-eval' so the browser may compile WebAssembly.
import { readFileSync, writeFileSync, mkdirSync, readdirSync, statSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { precache } from './precache.mjs';
import { buildWasm } from './wasm-build.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build: TRUNK_STAGING_DIR is not set; run me from trunk');
  process.exit(1);
}
// 0. The wasm and its loader.
await buildWasm(dir, {
  release: process.env.TRUNK_PROFILE === 'release',
  publicUrl: process.env.TRUNK_PUBLIC_URL || '/',
});

const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');

// 1. The content library. build.rs wrote it into the newest wasm build's OUT_DIR
//    (under CARGO_TARGET_DIR when set, as when worktrees share one cache).
const target = join(resolve(process.env.CARGO_TARGET_DIR || 'target'), 'wasm32-unknown-unknown');
const outs = [];
for (const profile of existsSync(target) ? readdirSync(target) : []) {
  const build = join(target, profile, 'build');
  if (!existsSync(build)) continue;
  for (const d of readdirSync(build)) {
    const f = join(build, d, 'out', 'content.ja.json');
    if (d.startsWith('taiwa-') && existsSync(f)) outs.push({ dir: join(build, d, 'out'), t: statSync(f).mtimeMs });
  }
}
if (!outs.length) {
  console.error('post-build: no content.ja.json from build.rs under target/wasm32-unknown-unknown');
  process.exit(1);
}
const newest = outs.sort((a, b) => b.t - a.t)[0].dir;
mkdirSync(join(dir, 'content'), { recursive: true });
const metas = [];
for (const lang of ['ja', 'en']) {
  const text = readFileSync(join(newest, `content.${lang}.json`));
  const name = `content/${lang}-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.json`;
  writeFileSync(join(dir, name), text);
  metas.push(`<meta name="taiwa-content-${lang}" content="${name}">`);
}
html = html.replace(/<meta name="taiwa-content-[a-z]+"[^>]*>\s*/g, '');
if (!html.includes('<title>')) {
  console.error('post-build: index.html has no <title> to put the content names before');
  process.exit(1);
}
html = html.replace('<title>', `${metas.join('\n  ')}\n  <title>`);
// 1b. The stylesheets only split-off pages use (facilitation, the shared
//    screen, the user's own content) are not on the first screen: their links
//    leave <head>, and are named in <meta name="taiwa-styles"> for the app to
//    add when it first draws a split-off page (ui::styles).
const deferred = [];
html = html.replace(/<link\b[^>]*\bhref="?([^" >]*?(?:facilitate|present|mine)-[0-9a-f]+\.css)"?[^>]*>\s*/g, (_, href) => {
  deferred.push(href);
  return '';
});
if (deferred.length !== 3) {
  console.error(`post-build: expected 3 page stylesheets to defer, found ${deferred.length}`);
  process.exit(1);
}
html = html.replace(/<meta name="taiwa-styles"[^>]*>\s*/g, '');
html = html.replace('<title>', `<meta name="taiwa-styles" content="${deferred.join(' ')}">\n  <title>`);

const hashes = [];
for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
  hashes.push(`'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
}
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
const meta = `<meta http-equiv="Content-Security-Policy" content="${csp}">`;
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '');
// (Release builds minify index.html: the charset may be written unquoted.)
const charset = /<meta charset="?utf-8"?>/i;
if (!charset.test(html)) {
  console.error('post-build: index.html has no <meta charset="utf-8"> to put the policy after');
  process.exit(1);
}
html = html.replace(charset, (m) => `${m}\n  ${meta}`);
writeFileSync(file, html);
console.log(`post-build: CSP added with ${hashes.length} script hash(es)`);

// 3. The service worker's list of files, last: every other file is final now.
const { version, files } = precache(dir);
console.log(`post-build: service worker version ${version} precaches ${files.length} files`);
