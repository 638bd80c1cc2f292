// The shared test harness: the built app served on loopback, and the system
// Chromium driven by playwright-core. Each test gets a fresh browser context
// (a fresh profile: empty storage) and a record of console errors and of every
// request the page made.
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import zlib from 'node:zlib';
import { serve } from './serve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(root, 'dist');
export const DIST_SUB = join(root, 'dist-sub');

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync',
  '--disable-dev-shm-usage',
];

/** The app's routes, from the one table (crates/taiwa-domain/src/edges/routes.rs), as the build wrote it. */
export const ROUTES = JSON.parse(readFileSync(join(DIST, '.routes.json'), 'utf8'));
/** The first page of each section: its own title, in the navigation or beside it. */
export const PAGES = ROUTES.filter((r) => r.section).map((r) => r.path);
/**
 * A sample address for every other route: a route added to the table without
 * one fails here, so every page of the app is audited.
 */
const SAMPLES = {
  '/scenarios/:id': ['/scenarios/first-meeting'],
  '/scenarios/:id/solo': ['/scenarios/first-meeting/solo'],
  '/scenarios/:id/together': ['/scenarios/first-meeting/together'],
  '/card': ['/card#1eyJ0IjoiY2FyZCJ9'],
  // A shared prompt deck, previewed before saving.
  '/open': ['/open#2XczBSsNAFAXQf7nrcaHL-RUpEtJBp2nHUGZRKIG8UIq0goQicaF0IcXqwnavtB9zTXDnL9REreLu3ffePUN4aLRNGEGhG7hTaHQCqK-VHsK2odGzzhwMoBBZV-fwzITRiXVQ8NZ3Tf3YCT4PlBXlhrJhNqE8l9dXlBEUjIMGEoW4f96LPfTxtxwf1oYZ-D3x9jKpikUDPTKbUZ6qdVFejCkP1d2ipqWgzClTptkvnagf8ei_WN2m79ucqZTrvCmPmV02w5Ry31gzypKy-nid_xFbSbID421_WQ'],
  '/concepts': ['/concepts'],
  '/reframe/lens': ['/reframe/lens'],
  // The shared screen, console, plan and report need a session: facilitate.test.mjs
  // and a11y.test.mjs open them with one.
  '/facilitate/plan/:id': [],
  '/facilitate/present/:id': [],
  '/facilitate/console/:id': [],
  '/facilitate/report/:id': [],
  // The editors of the drafts in OWN_SAMPLE (a fresh profile shows "not found").
  '/mine/scenario/:id': ['/mine/scenario/mine-sample-s'],
  '/mine/reframe/:id': ['/mine/reframe/mine-sample-r'],
  '/mine/deck/:id': ['/mine/deck/mine-sample-d'],
  // The print views of built-in content (a plan's handout and a session's
  // report need one: print.test.mjs opens them with one).
  '/print/:kind/:id': ['/print/roles/first-meeting', '/print/deck/check-in', '/print/worksheet/reflection', '/print/worksheet/reframing'],
};
/** Pages below the top level, for the privacy tour and the layout checks. */
export const DEEP_PAGES = ROUTES.filter((r) => !r.section).flatMap((r) => {
  if (!(r.path in SAMPLES)) throw new Error(`harness: the route ${r.path} has no sample address in SAMPLES`);
  return SAMPLES[r.path];
});

const empty = () => ({ ja: '', en: '' });
const role = (kind) => ({ kind, name: empty(), briefing: empty(), ...(kind === 'observer' ? {} : { holding_back: empty() }) });
const response = () => ({ text: empty(), toward: [], away: [], note: empty() });
const own = (item) => ({ lang: 'ja', created: 1, updated: 1, deleted: false, item });
/**
 * A user's own items as drafts, each with problems left to show (the editors
 * in DEEP_PAGES): stored as `own` in a document, as the app stores them.
 */
export const OWN_SAMPLE = {
  scenarios: {
    'mine-sample-s': own({
      id: 'mine-sample-s', minutes: 15, setting: 'support_centre', tasks: [], principles: [], heavy: ['loss'],
      title: { ja: '見本の場面', en: '' }, situation: empty(), opening: empty(),
      roles: ['supporter', 'person', 'third', 'observer'].map(role),
      moments: [0, 1, 2].map(() => ({ other: empty(), responses: [response(), response()] })),
      debrief: { connection: empty(), worldview: empty(), mutuality: empty(), moving_towards: empty() },
    }),
  },
  reframes: {
    'mine-sample-r': own({
      id: 'mine-sample-r', shift: 'curiosity', source: 'question', phrase: { ja: 'あ'.repeat(90), en: '' },
      examples: [empty(), empty(), empty()], note: empty(),
    }),
  },
  decks: {
    'mine-sample-d': own({
      id: 'mine-sample-d', kind: 'theme', title: { ja: '見本のカード', en: '' },
      prompt: [{ id: 'p1', text: { ja: 'いまの気持ちは？', en: '' }, short: { ja: '気分', en: '' } }, { id: 'p2', text: empty() }],
    }),
  },
};

let shared;
/** Starts the server and the browser once for a test file. */
export async function setup() {
  if (shared) return shared;
  const site = await serve([
    { prefix: '/taiwa/', dir: DIST_SUB },
    { prefix: '/', dir: DIST },
  ]);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
  shared = { site, browser, origin: site.origin };
  return shared;
}

export async function teardown() {
  if (!shared) return;
  await shared.browser.close();
  await shared.site.close();
  shared = undefined;
}

/**
 * A fresh profile. Options go to browser.newContext (locale, viewport,
 * colorScheme...). Returns { context, page, errors, requests }.
 */
export async function open(options = {}) {
  const { browser, origin } = await setup();
  const context = await browser.newContext({ locale: 'ja-JP', ...options });
  const errors = [];
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  watch(page, errors);
  return { context, page, errors, requests, origin };
}

/** Records console errors and uncaught exceptions of a page. */
export function watch(page, errors) {
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
}

/** Goes to a path and waits until the app has drawn (the static boot screen is gone). */
export async function go(page, origin, path = '/') {
  await page.goto(origin + path);
  await ready(page);
}

export async function ready(page) {
  await page.waitForSelector('header .brand', { state: 'visible' });
  await page.waitForFunction(() => !document.getElementById('boot'));
  // The stored document is in (it loads just after the first screen).
  await page.waitForSelector('html[data-store="open"]', { state: 'attached' });
}

/** The running server; `(await server()).control` changes what it serves (see serve.mjs). */
export async function server() {
  return (await setup()).site;
}

/**
 * Waits until the service worker controls the page and has stored the app
 * (it registers after the page has loaded, and claims the page once installed).
 */
export async function offlineReady(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null);
}

/** The visible text of the main heading. */
export const h1 = (page) => page.locator('main h1').first().innerText();

/**
 * The focused element's `what` (an attribute name, or 'text' for its text),
 * once it equals `want`: the app moves focus on the next animation frame, so
 * this waits a few seconds for it before reading whatever is focused.
 */
export async function focusIs(page, what, want) {
  const read = ([what, want]) => {
    const el = document.activeElement;
    const got = el ? (what === 'text' ? el.textContent : el.getAttribute(what)) : null;
    return want === undefined ? got : got === want;
  };
  await page.waitForFunction(read, [what, want], { timeout: 5000 }).catch(() => {});
  return page.evaluate(read, [what, undefined]);
}

/** A share code, as the app writes it (format 2: deflate + CRC-32, base64url). */
export function shareCode(share) {
  const json = Buffer.from(JSON.stringify(share), 'utf8');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(json) >>> 0);
  return '2' + Buffer.concat([zlib.deflateRawSync(json, { level: 9 }), crc]).toString('base64url');
}

/** The built library in one language, as the app loads it. */
export function library(lang = 'ja') {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const name = new RegExp(`name="?taiwa-content-${lang}"? content="?([^" >]+)`).exec(html)[1];
  return JSON.parse(readFileSync(join(DIST, name), 'utf8'));
}
