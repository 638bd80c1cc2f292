// Builds the app's wasm, split at its lazy routes, into Trunk's staging folder.
//
// Trunk's own Rust step cannot split a wasm module, so index.html marks the Rust
// app `data-trunk-skip` and post-build.mjs calls this instead, before it writes
// the Content-Security-Policy and the service worker's file list:
//
// 1. cargo builds the `taiwa` binary for wasm32-unknown-unknown; .cargo/config.toml
//    adds `-C link-args=--emit-relocs`, which wasm-split needs;
// 2. wasm-split-cli (wasm_split_cli_support, installed by scripts/setup.sh) cuts
//    the module at every `wasm_split` function (the `lazy_page!` routes in
//    src/ui/app.rs): a main module, one module per group of pages, a module per
//    piece of code that several groups share, and `__wasm_split.js`, which
//    fetches and instantiates them on the first call;
// 3. wasm-bindgen makes the JS glue for the main module; the split modules only
//    import what the main module exports (memory, table, functions);
// 4. in release, wasm-opt -Oz on every module, as Trunk's data-wasm-opt="z" did;
// 5. every file is named with one hash of the whole output (the names refer to
//    each other), `taiwa-HASH.js`, `taiwa-HASH_bg.wasm`, `taiwa-split-HASH.js`,
//    `taiwa-MODULE-HASH.wasm`, and the loader Trunk would have written (same
//    script, same preload links with integrity) goes into index.html. Only the
//    main module and the JS are preloaded: the first screen needs nothing else.
//
// Run from post-build.mjs (Trunk's environment: TRUNK_STAGING_DIR, TRUNK_PROFILE,
// TRUNK_PUBLIC_URL).
import { spawnSync, spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { readFileSync, writeFileSync, readdirSync, rmSync, mkdirSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const BIN = 'taiwa';
// The module name that wasm-split writes into the main module's imports and
// wasm-bindgen into its JS glue; replaced by the hashed name below.
const LINK = '__wasm_split.js';

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.error && r.error.code === 'ENOENT') {
    throw new Error(`wasm-build: ${cmd} not found; run: bash scripts/setup.sh build`);
  }
  if (r.status !== 0) throw new Error(`wasm-build: ${cmd} ${args.join(' ')} failed (${r.status ?? r.signal})`);
}

function runAsync(cmd, args) {
  return new Promise((ok, fail) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], cwd: root });
    p.on('error', fail);
    p.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`wasm-build: ${cmd} ${args.join(' ')} failed (${code})`))));
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

function replaceAll(text, from, to, what) {
  if (!text.includes(from)) throw new Error(`wasm-build: ${what}: "${from}" not found`);
  return text.split(from).join(to);
}

/** Builds, splits, binds and optimises the wasm into `staging`; edits its index.html. */
export async function buildWasm(staging, { release, publicUrl }) {
  const targetDir = resolve(process.env.CARGO_TARGET_DIR || join(root, 'target'));
  const profile = release ? 'release' : 'debug';

  // 1. cargo (offline, as `trunk build --offline` ran it; `make` fetches first).
  run('cargo', ['build', '--target=wasm32-unknown-unknown', '--bin', BIN, '--offline', ...(release ? ['--release'] : [])]);
  const input = join(targetDir, 'wasm32-unknown-unknown', profile, `${BIN}.wasm`);

  // 2. wasm-split: main module, split modules and the loader of the split modules.
  const work = join(targetDir, 'wasm-split', profile);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'split'), { recursive: true });
  run('wasm-split-cli', [input, join(work, 'split'), '--out-name', BIN, '--target', 'web']);
  const modules = readdirSync(join(work, 'split'))
    .filter((f) => f.endsWith('.wasm') && f !== `${BIN}.wasm`)
    .sort();

  // 3. wasm-bindgen on the main module (the CLI must be the crate's version,
  // which Cargo.toml pins and scripts/setup.sh installs) (keeping the exports the split modules import).
  const lock = readFileSync(join(root, 'Cargo.lock'), 'utf8').match(/name = "wasm-bindgen"\nversion = "([^"]+)"/);
  const cli = spawnSync('wasm-bindgen', ['--version'], { encoding: 'utf8' }).stdout?.trim();
  if (lock && cli !== `wasm-bindgen ${lock[1]}`) {
    throw new Error(`wasm-build: need wasm-bindgen ${lock[1]}, found ${cli || 'none'}; run: bash scripts/setup.sh build`);
  }
  run('wasm-bindgen', ['--target=web', '--keep-lld-exports', '--no-typescript',
    `--out-dir=${join(work, 'bindgen')}`, `--out-name=${BIN}`, join(work, 'split', `${BIN}.wasm`)]);

  // 4. wasm-opt on every module, two at a time (the largest first).
  const wasmFiles = [
    { name: `${BIN}_bg.wasm`, path: join(work, 'bindgen', `${BIN}_bg.wasm`) },
    ...modules.map((m) => ({ name: m, path: join(work, 'split', m) })),
  ];
  if (release) {
    const wasmOpt = [join(root, 'scripts/tools/node_modules/.bin/wasm-opt'), 'wasm-opt'].find((p) => p === 'wasm-opt' || existsSync(p));
    const jobs = wasmFiles
      .map((f) => ({ f, size: readFileSync(f.path).length }))
      .sort((a, b) => b.size - a.size)
      .map(({ f }) => () => runAsync(wasmOpt, ['-Oz', f.path, '-o', f.path]));
    await pool(jobs, 2);
  }

  // 5. One hash of everything, then the names.
  const glue = readFileSync(join(work, 'bindgen', `${BIN}.js`), 'utf8');
  const link = readFileSync(join(work, 'split', LINK), 'utf8');
  const all = createHash('sha256').update(glue).update(link);
  for (const f of wasmFiles) all.update(f.name).update(readFileSync(f.path));
  const hash = all.digest('hex').slice(0, 16);
  const names = {
    js: `${BIN}-${hash}.js`,
    wasm: `${BIN}-${hash}_bg.wasm`,
    link: `${BIN}-split-${hash}.js`,
    module: (m) => `${BIN}-${m.replace(/\.wasm$/, '')}-${hash}.wasm`,
  };
  // (Only the import statements: the keys of the imports object stay the module
  // name written in the wasm.)
  let outGlue = replaceAll(glue, `from "./${LINK}"`, `from "./${names.link}"`, 'JS glue');
  let outLink = replaceAll(link, `"./${BIN}.js"`, `"./${names.js}"`, LINK);
  for (const m of modules) outLink = replaceAll(outLink, `"./${m}"`, `"./${names.module(m)}"`, LINK);
  if (release) {
    // Minified (terser, from scripts/tools): the glue is on the first screen.
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
  const mainWasm = readFileSync(wasmFiles[0].path);
  writeFileSync(join(staging, names.wasm), mainWasm);
  for (const m of modules) writeFileSync(join(staging, names.module(m)), readFileSync(join(work, 'split', m)));

  // The loader, as Trunk writes it, and the preloads of what the first screen needs.
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
  const file = join(staging, 'index.html');
  let html = readFileSync(file, 'utf8');
  html = html.replace(/<link[^>]*\bdata-trunk\b[^>]*\brel="rust"[^>]*>\s*/g, '');
  if (!html.includes('</head>')) throw new Error('wasm-build: index.html has no </head>');
  html = html.replace('</head>', `${script}\n${preloads.join('\n')}\n</head>`);
  writeFileSync(file, html);
  console.log(`wasm-build: ${names.wasm} (${mainWasm.length} bytes) and ${modules.length} split modules`);
}
