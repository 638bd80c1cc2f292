// Draws the app's PNG icons from public/icons/icon.svg, in headless Chromium
// (playwright-core from tests/e2e). Run after changing the SVG, and commit the
// PNGs:  node scripts/icons.mjs
//
//  icon-192.png, icon-512.png  the SVG as it is (rounded, transparent corners);
//  icon-48.png                 the page's icon (a browser tab's 16 px, up to
//                              3x): a small PNG, which the browser decodes at
//                              once, where an SVG icon is a document of its own
//                              that it builds while the app starts;
//  icon-maskable-512.png       for launchers that cut their own shape: the
//                              background to the edges and the mark scaled to
//                              80 %, inside the safe zone (a circle of 40 %
//                              radius).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(join(root, 'tests/e2e/package.json'));
const { chromium } = require('playwright-core');

const dir = join(root, 'public/icons');
const svg = readFileSync(join(dir, 'icon.svg'), 'utf8');
const maskable = svg
  .replace(/(<rect id="bg"[^>]*?) rx="\d+"/, '$1')
  .replace(/<g id="mark" transform="([^"]*)"/, '<g id="mark" transform="translate(256 256) scale(0.8) translate(-256 -256) $1"');
if (maskable === svg) throw new Error('icons: icon.svg no longer has <rect id="bg" rx> and <g id="mark" transform>');

const outputs = [
  { file: 'icon-48.png', size: 48, svg, transparent: true },
  { file: 'icon-192.png', size: 192, svg, transparent: true },
  { file: 'icon-512.png', size: 512, svg, transparent: true },
  { file: 'icon-maskable-512.png', size: 512, svg: maskable, transparent: false },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
for (const o of outputs) {
  await page.setViewportSize({ width: o.size, height: o.size });
  const sized = o.svg.replace(/width="512" height="512"/, `width="${o.size}" height="${o.size}"`);
  await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`);
  await page.screenshot({ path: join(dir, o.file), omitBackground: o.transparent });
  console.log(`icons: public/icons/${o.file} (${o.size}×${o.size})`);
}
await browser.close();
