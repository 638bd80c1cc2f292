// The service worker's precache list and version, written into a built app.
//
// Called by post-build.mjs on Trunk's staging folder, after every file has its
// final name and content. Also runs on its own, on a built folder:
//
//   node scripts/precache.mjs dist
//
// 1. lists EVERY file of the build (but sw.js itself), paths relative to the
//    app's root, index.html first;
// 2. the version is a hash of all those files' hashes: any change to any file
//    makes a new version, and so a new service worker;
// 3. writes the list and the version into sw.js (its `const VERSION` and
//    `const FILES` lines), and the version into index.html as
//    <meta name="taiwa-version"> (the app shows it on the About page).
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';

const META = /<meta name="taiwa-version"[^>]*>\s*/g;

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

/** Writes the precache list and version into `dir`'s sw.js and index.html; returns them. */
export function precache(dir) {
  const indexFile = join(dir, 'index.html');
  const swFile = join(dir, 'sw.js');
  const html = readFileSync(indexFile, 'utf8').replace(META, '');
  writeFileSync(indexFile, html);
  const files = walk(dir)
    .map((f) => relative(dir, f).split(sep).join('/'))
    .filter((f) => f !== 'sw.js')
    .sort((a, b) => (a === 'index.html' ? -1 : b === 'index.html' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const all = createHash('sha256');
  for (const f of files) {
    const h = createHash('sha256').update(readFileSync(join(dir, f))).digest('hex');
    all.update(`${f} ${h}\n`);
  }
  const version = all.digest('hex').slice(0, 16);

  let sw = readFileSync(swFile, 'utf8');
  if (!/^const VERSION = .*;$/m.test(sw) || !/^const FILES = .*;$/m.test(sw)) {
    throw new Error(`precache: ${swFile} has no "const VERSION = ...;" and "const FILES = [...];" lines to fill`);
  }
  sw = sw.replace(/^const VERSION = .*;$/m, `const VERSION = ${JSON.stringify(version)};`);
  sw = sw.replace(/^const FILES = .*;$/m, `const FILES = ${JSON.stringify(files)};`);
  writeFileSync(swFile, sw);
  writeFileSync(indexFile, html.replace('<title>', `<meta name="taiwa-version" content="${version}">\n  <title>`));
  return { version, files };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/precache.mjs DIST_DIR');
    process.exit(1);
  }
  const { version, files } = precache(dir);
  console.log(`precache: version ${version}, ${files.length} files`);
}
