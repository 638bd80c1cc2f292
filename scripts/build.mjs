// The build of the app, in named steps. Trunk calls it once, as its
// post_build hook, after it has copied index.html, the stylesheets and
// public/ into its staging folder and hashed their names (Trunk's own Rust
// step is skipped: index.html marks the Rust app `data-trunk-skip`, because
// it cannot split a wasm module).
//
//   1. cargo     builds the `taiwa` binary for wasm32; its build.rs checks
//                content/ and writes the library (one JSON per language) and
//                the route table into OUT_DIR, which cargo's own messages name;
//   2. split     wasm-split-cli cuts the module at every `wasm_split` function
//                (the `lazy_page!` routes of src/ui/app.rs): a main module, one
//                module per group of pages, shared chunks, and their loader;
//   3. bindgen   wasm-bindgen makes the JS glue of the main module;
//   4. opt       in release, wasm-opt -Oz on every module;
//   5. minify    one hash of the whole output in every name, the JS minified
//                (terser) in release, and the loader Trunk would have written;
//   6. content   the library's JSON under hashed names in content/, named in
//                <meta name="taiwa-content-LANG">;
//   7. styles    the stylesheets only split-off pages use (DEFERRED_STYLES)
//                leave <head> and are named in <meta name="taiwa-styles">;
//   8. csp       a strict Content-Security-Policy with the loader's hash;
//   9. precache  the service worker's list of files, its version, and the
//                app's pages (from the route table, also kept as .routes.json
//                for the browser tests).
//
// Run by Trunk (TRUNK_STAGING_DIR, TRUNK_PROFILE, TRUNK_PUBLIC_URL). The steps
// are exported for the tests (pwa.test.mjs re-stamps a changed build).
import { spawnSync, spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { readFileSync, writeFileSync, readdirSync, rmSync, mkdirSync, existsSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve, relative, sep } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const BIN = 'taiwa';
// The module name wasm-split writes into the main module's imports and
// wasm-bindgen into its JS glue; replaced by the hashed name.
const LINK = '__wasm_split.js';
/** The stylesheets only split-off pages use: not on the first screen. */
export const DEFERRED_STYLES = ['facilitate', 'present', 'mine', 'lock', 'print'];

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.error && r.error.code === 'ENOENT') {
    throw new Error(`build: ${cmd} not found; run: bash scripts/setup.sh build`);
  }
  if (r.status !== 0) throw new Error(`build: ${cmd} ${args.join(' ')} failed (${r.status ?? r.signal})`);
  return r;
}

function runAsync(cmd, args) {
  return new Promise((ok, fail) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], cwd: root });
    p.on('error', fail);
    p.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`build: ${cmd} ${args.join(' ')} failed (${code})`))));
  });
}

/** Runs `jobs` (functions returning promises), `n` at a time. */
async function pool(jobs, n) {
  const queue = [...jobs];
  await Promise.all(Array.from({ length: Math.min(n, queue.length) }, async () => {
    while (queue.length) await queue.shift()();
  }));
}

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const hashOf = (bytes) => createHash('sha256').update(bytes).digest('hex');

function replaceAll(text, from, to, what) {
  if (!text.includes(from)) throw new Error(`build: ${what}: "${from}" not found`);
  return text.split(from).join(to);
}

/** Step 1: cargo. Returns the wasm and the build script's OUT_DIR. */
export function cargo({ release }) {
  const targetDir = resolve(process.env.CARGO_TARGET_DIR || join(root, 'target'));
  const profile = release ? 'release' : 'debug';
  // (Offline, as `trunk build --offline` ran it; `make` fetches first.)
  const r = run('cargo', ['build', '--target=wasm32-unknown-unknown', '--bin', BIN, '--offline',
    '--message-format=json-render-diagnostics', ...(release ? ['--release'] : [])],
  { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  let outDir;
  for (const line of r.stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const m = JSON.parse(line);
    // taiwa's own build script (taiwa-domain has none): target/…/build/taiwa-HASH/out.
    if (m.reason === 'build-script-executed' && /[\\/]build[\\/]taiwa-[0-9a-f]+[\\/]out$/.test(m.out_dir)) {
      outDir = m.out_dir;
    }
  }
  if (!outDir) throw new Error('build: cargo did not say where build.rs wrote the content (no build-script-executed message)');
  return { wasm: join(targetDir, 'wasm32-unknown-unknown', profile, `${BIN}.wasm`), outDir, work: join(targetDir, 'wasm-split', profile) };
}

/** Step 2: split. Returns the split modules' file names. */
export function split(wasm, work) {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'split'), { recursive: true });
  run('wasm-split-cli', [wasm, join(work, 'split'), '--out-name', BIN, '--target', 'web']);
  return readdirSync(join(work, 'split')).filter((f) => f.endsWith('.wasm') && f !== `${BIN}.wasm`).sort();
}

/** Step 3: bindgen on the main module (the CLI must be the crate's version). */
export function bindgen(work) {
  const lock = readFileSync(join(root, 'Cargo.lock'), 'utf8').match(/name = "wasm-bindgen"\nversion = "([^"]+)"/);
  const cli = spawnSync('wasm-bindgen', ['--version'], { encoding: 'utf8' }).stdout?.trim();
  if (lock && cli !== `wasm-bindgen ${lock[1]}`) {
    throw new Error(`build: need wasm-bindgen ${lock[1]}, found ${cli || 'none'}; run: bash scripts/setup.sh build`);
  }
  // (--keep-lld-exports: the split modules import the main module's memory,
  // table and functions.)
  run('wasm-bindgen', ['--target=web', '--keep-lld-exports', '--no-typescript',
    `--out-dir=${join(work, 'bindgen')}`, `--out-name=${BIN}`, join(work, 'split', `${BIN}.wasm`)]);
}

/** Step 4: opt, every module, two at a time (the largest first). */
export async function opt(files) {
  const wasmOpt = [join(root, 'scripts/tools/node_modules/.bin/wasm-opt'), 'wasm-opt'].find((p) => p === 'wasm-opt' || existsSync(p));
  const jobs = files
    .map((f) => ({ f, size: readFileSync(f.path).length }))
    .sort((a, b) => b.size - a.size)
    .map(({ f }) => () => runAsync(wasmOpt, ['-Oz', f.path, '-o', f.path]));
  await pool(jobs, 2);
}

/** Step 5: minify and name; writes the files and the loader into `staging`. */
export async function minify(staging, work, modules, files, { release, publicUrl }) {
  const glue = readFileSync(join(work, 'bindgen', `${BIN}.js`), 'utf8');
  const link = readFileSync(join(work, 'split', LINK), 'utf8');
  const all = createHash('sha256').update(glue).update(link);
  for (const f of files) all.update(f.name).update(readFileSync(f.path));
  const hash = all.digest('hex').slice(0, 16);
  const names = {
    js: `${BIN}-${hash}.js`,
    wasm: `${BIN}-${hash}_bg.wasm`,
    link: `${BIN}-split-${hash}.js`,
    module: (m) => `${BIN}-${m.replace(/\.wasm$/, '')}-${hash}.wasm`,
  };
  // (Only the import statements: the keys of the imports object stay the
  // module name written in the wasm.)
  let outGlue = replaceAll(glue, `from "./${LINK}"`, `from "./${names.link}"`, 'JS glue');
  let outLink = replaceAll(link, `"./${BIN}.js"`, `"./${names.js}"`, LINK);
  for (const m of modules) outLink = replaceAll(outLink, `"./${m}"`, `"./${names.module(m)}"`, LINK);
  if (release) {
    // Exported names stay: the split modules' loader imports them by name.
    const terser = await import(pathToFileURL(join(root, 'scripts/tools/node_modules/terser/main.js')).href);
    const options = { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } };
    outGlue = (await terser.minify(outGlue, options)).code;
    outLink = (await terser.minify(outLink, options)).code;
  }
  // Remove a previous build's files (trunk serve reuses its staging folder).
  for (const f of readdirSync(staging)) {
    if (new RegExp(`^${BIN}-.*\\.(js|wasm)$`).test(f)) rmSync(join(staging, f));
  }
  writeFileSync(join(staging, names.js), outGlue);
  writeFileSync(join(staging, names.link), outLink);
  const mainWasm = readFileSync(files[0].path);
  writeFileSync(join(staging, names.wasm), mainWasm);
  for (const m of modules) writeFileSync(join(staging, names.module(m)), readFileSync(join(work, 'split', m)));

  // The loader, as Trunk writes it, and the preloads of what the first
  // screen needs (the main module and the two JS files).
  const base = publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`;
  const preloads = [
    `<link rel="modulepreload" href="${base}${names.js}" crossorigin="anonymous" integrity="${sri(outGlue)}">`,
    `<link rel="modulepreload" href="${base}${names.link}" crossorigin="anonymous" integrity="${sri(outLink)}">`,
    `<link rel="preload" href="${base}${names.wasm}" crossorigin="anonymous" integrity="${sri(mainWasm)}" as="fetch" type="application/wasm">`,
  ];
  const script = `<script type="module">
import init, * as bindings from '${base}${names.js}';
const wasm = await init({ module_or_path: '${base}${names.wasm}' });


window.wasmBindings = bindings;


dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));

</script>`;
  editHtml(staging, (html) => {
    html = html.replace(/<link[^>]*\bdata-trunk\b[^>]*\brel="rust"[^>]*>\s*/g, '');
    if (!html.includes('</head>')) throw new Error('build: index.html has no </head>');
    return html.replace('</head>', `${script}\n${preloads.join('\n')}\n</head>`);
  });
  console.log(`build: ${names.wasm} (${mainWasm.length} bytes) and ${modules.length} split modules`);
}

/** Changes `staging`'s index.html. */
function editHtml(staging, change) {
  const file = join(staging, 'index.html');
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

/** Puts `tag` before `<title>` (release builds minify index.html). */
function beforeTitle(html, tag) {
  if (!html.includes('<title>')) throw new Error('build: index.html has no <title> to put meta tags before');
  return html.replace('<title>', `${tag}\n  <title>`);
}

/** Step 6: content. The library's JSON under names with their hash. */
export function content(staging, outDir) {
  mkdirSync(join(staging, 'content'), { recursive: true });
  const metas = [];
  for (const lang of ['ja', 'en']) {
    const text = readFileSync(join(outDir, `content.${lang}.json`));
    const name = `content/${lang}-${hashOf(text).slice(0, 16)}.json`;
    writeFileSync(join(staging, name), text);
    metas.push(`<meta name="taiwa-content-${lang}" content="${name}">`);
  }
  editHtml(staging, (html) => beforeTitle(html.replace(/<meta name="taiwa-content-[a-z]+"[^>]*>\s*/g, ''), metas.join('\n  ')));
}

/** Step 7: styles. The stylesheets of split-off pages leave <head>. */
export function styles(staging) {
  const deferred = [];
  const names = DEFERRED_STYLES.join('|');
  editHtml(staging, (html) => {
    html = html.replace(new RegExp(`<link\\b[^>]*\\bhref="?([^" >]*?(?:${names})-[0-9a-f]+\\.css)"?[^>]*>\\s*`, 'g'), (_, href) => {
      deferred.push(href);
      return '';
    });
    if (deferred.length !== DEFERRED_STYLES.length) {
      throw new Error(`build: expected the stylesheets ${DEFERRED_STYLES.join(', ')} to defer, found ${deferred.length}`);
    }
    return beforeTitle(html.replace(/<meta name="taiwa-styles"[^>]*>\s*/g, ''), `<meta name="taiwa-styles" content="${deferred.join(' ')}">`);
  });
}

/** Step 8: csp. Only the app's own origin, and the loader by its hash. */
export function csp(staging) {
  editHtml(staging, (html) => {
    const hashes = [];
    for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
      hashes.push(`'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
    }
    const policy = [
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
    const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
    html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '');
    const charset = /<meta charset="?utf-8"?>/i;
    if (!charset.test(html)) throw new Error('build: index.html has no <meta charset="utf-8"> to put the policy after');
    console.log(`build: CSP with ${hashes.length} script hash(es)`);
    return html.replace(charset, (m) => `${m}\n  ${meta}`);
  });
}

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

/**
 * Step 9: precache. Writes into `dir`'s sw.js every file of the build (but
 * sw.js; index.html first), a version (a hash of all the files' hashes: any
 * change makes a new service worker) and, given the route table, the app's
 * pages; and the version into index.html (<meta name="taiwa-version">).
 */
export function precache(dir, routes) {
  const indexFile = join(dir, 'index.html');
  const swFile = join(dir, 'sw.js');
  const META = /<meta name="taiwa-version"[^>]*>\s*/g;
  const html = readFileSync(indexFile, 'utf8').replace(META, '');
  writeFileSync(indexFile, html);
  const files = walk(dir)
    .map((f) => relative(dir, f).split(sep).join('/'))
    .filter((f) => f !== 'sw.js')
    .sort((a, b) => (a === 'index.html' ? -1 : b === 'index.html' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const all = createHash('sha256');
  for (const f of files) all.update(`${f} ${hashOf(readFileSync(join(dir, f)))}\n`);
  const version = all.digest('hex').slice(0, 16);
  let sw = readFileSync(swFile, 'utf8');
  for (const line of ['VERSION', 'FILES', 'APP_PAGES']) {
    if (!new RegExp(`^const ${line} = .*;$`, 'm').test(sw)) {
      throw new Error(`build: ${swFile} has no "const ${line} = ...;" line to fill`);
    }
  }
  sw = sw.replace(/^const VERSION = .*;$/m, `const VERSION = ${JSON.stringify(version)};`);
  sw = sw.replace(/^const FILES = .*;$/m, `const FILES = ${JSON.stringify(files)};`);
  if (routes) sw = sw.replace(/^const APP_PAGES = .*;$/m, `const APP_PAGES = ${JSON.stringify(routes.map((r) => r.path))};`);
  writeFileSync(swFile, sw);
  writeFileSync(indexFile, html.replace('<title>', `<meta name="taiwa-version" content="${version}">\n  <title>`));
  return { version, files };
}

/** Every step, in order, into Trunk's staging folder. */
export async function build(staging, { release, publicUrl }) {
  const { wasm, outDir, work } = cargo({ release });
  const modules = split(wasm, work);
  bindgen(work);
  const files = [
    { name: `${BIN}_bg.wasm`, path: join(work, 'bindgen', `${BIN}_bg.wasm`) },
    ...modules.map((m) => ({ name: m, path: join(work, 'split', m) })),
  ];
  if (release) await opt(files);
  await minify(staging, work, modules, files, { release, publicUrl });
  content(staging, outDir);
  styles(staging);
  csp(staging);
  const routes = JSON.parse(readFileSync(join(outDir, 'routes.json'), 'utf8'));
  // The route table beside the build, for the browser tests' page lists (a
  // dot file: not precached, not part of the app).
  writeFileSync(join(staging, '.routes.json'), JSON.stringify(routes));
  const { version, files: cached } = precache(staging, routes);
  console.log(`build: service worker version ${version} precaches ${cached.length} files, ${routes.length} app pages`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const staging = process.env.TRUNK_STAGING_DIR;
  if (!staging) {
    console.error('build: TRUNK_STAGING_DIR is not set; run me from trunk');
    process.exit(1);
  }
  await build(staging, {
    release: process.env.TRUNK_PROFILE === 'release',
    publicUrl: process.env.TRUNK_PUBLIC_URL || '/',
  });
}
