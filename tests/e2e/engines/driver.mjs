// One small driver layer over three browser engines, so that a flow is written
// once and run in each:
//
//   chromium  the system Chromium, through playwright-core (as harness.mjs)
//   firefox   Debian's firefox-esr, through puppeteer-core over WebDriver BiDi
//   webkit    WebKitGTK's MiniBrowser, through WebKitWebDriver (W3C WebDriver
//             over plain HTTP) in a virtual X display (Xvfb): MiniBrowser has
//             no headless mode
//
// Every engine gets the same page API (see `Page`). Most of it is built on two
// things each engine can do: evaluate JavaScript in the page, and act as a
// user would on an element named by a CSS selector (click, type, choose a
// file, press a key). Elements are found by role, label or text in the page
// itself (`FIND`), marked with a data attribute, and then acted on natively,
// so a click is a real click in every engine.
//
// Script errors are collected by a small script the test server adds to every
// page (`COLLECTOR`, see serve.mjs `inject`), because classic WebDriver cannot
// report console messages; Chromium and Firefox also report them natively.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

export const PATHS = {
  chromium: process.env.CHROMIUM || '/usr/bin/chromium',
  firefox: process.env.FIREFOX || '/usr/bin/firefox-esr',
  webkitDriver: process.env.WEBKIT_DRIVER || 'WebKitWebDriver',
  miniBrowser: process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
};

/** How long to wait for anything to appear, in ms (generous: CI is slow). */
const WAIT = 15_000;

/**
 * The browser itself stopped answering (its session is gone, or a command got
 * no answer at all): not something the page did wrong. engines.test.mjs runs
 * such a flow once more in a new session, and says so; a second loss fails.
 */
export class EngineLost extends Error {}

/** The error collector the test server injects into every page (runs before the app). */
export const COLLECTOR = `(() => {
  const errors = (window.__e2eErrors = []);
  const text = (v) => (v instanceof Error ? v.name + ': ' + v.message + ' ' + (v.stack || '') : String(v));
  addEventListener('error', (e) => {
    if (e.target && e.target !== window && e.target.tagName) {
      errors.push('failed to load ' + e.target.tagName.toLowerCase() + ' ' + (e.target.src || e.target.href || ''));
    } else {
      errors.push('error: ' + (e.message || '') + ' ' + text(e.error));
    }
  }, true);
  addEventListener('unhandledrejection', (e) => errors.push('unhandled rejection: ' + text(e.reason)));
  document.addEventListener('securitypolicyviolation', (e) => errors.push('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));
  const original = console.error;
  console.error = function (...args) {
    errors.push('console.error: ' + args.map(text).join(' '));
    return original.apply(this, args);
  };
})();`;

// Finds an element in the page by what a person sees, and marks it so the
// driver can act on it with a CSS selector. `target` is one of:
//   'css selector'            the first visible match
//   { role, name, css? }      role: button, link, textbox, checkbox, radio, combobox;
//                             name: the accessible name, a string (exact) or
//                             { re, flags } (a regular expression); css: only
//                             inside an element matching it
//   { label }                 the form control with this label (or aria-label)
//   { text, css? }            the first visible element (matching css, default
//                             any) whose own trimmed text is `text`
// Returns the mark, or null if nothing matches yet.
const FIND = `(target, mark) => {
  const norm = (s) => (s || '').replace(/\\s+/g, ' ').trim();
  const matches = (value, want) => typeof want === 'string'
    ? norm(value) === want
    : new RegExp(want.re, want.flags || '').test(norm(value));
  const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const name = (el) => {
    if (el.getAttribute('aria-label')) return el.getAttribute('aria-label');
    const by = el.getAttribute('aria-labelledby');
    if (by) return by.split(/\\s+/).map((id) => document.getElementById(id)?.textContent || '').join(' ');
    if (el.labels && el.labels.length) return [...el.labels].map((l) => l.textContent).join(' ');
    if (el.tagName === 'INPUT' && ['button', 'submit'].includes(el.type)) return el.value;
    return el.textContent;
  };
  const ROLES = {
    button: 'button, [role="button"], input[type="button"], input[type="submit"]',
    link: 'a[href], [role="link"]',
    textbox: 'textarea, input:not([type]), input[type="text"], input[type="search"], [role="textbox"]',
    checkbox: 'input[type="checkbox"], [role="checkbox"]',
    radio: 'input[type="radio"], [role="radio"]',
    combobox: 'select, [role="combobox"]',
  };
  let found = null;
  if (typeof target === 'string') {
    found = [...document.querySelectorAll(target)].find(visible) || document.querySelector(target);
  } else if (target.role) {
    found = [...document.querySelectorAll(ROLES[target.role] || '[role="' + target.role + '"]')]
      .find((el) => visible(el) && (!target.css || el.closest(target.css)) && matches(name(el), target.name));
  } else if (target.label) {
    const label = [...document.querySelectorAll('label')].find((l) => matches(l.textContent, target.label));
    found = label && (label.control || label.querySelector('input, textarea, select'));
    if (!found) {
      found = [...document.querySelectorAll('input, textarea, select, [role="textbox"]')]
        .find((el) => matches(el.getAttribute('aria-label'), target.label));
    }
  } else if (target.text) {
    found = [...document.querySelectorAll(target.css || '*')]
      .find((el) => visible(el) && matches(el.textContent, target.text));
  }
  if (!found) return null;
  found.setAttribute('data-e2e', mark);
  return '[data-e2e="' + mark + '"]';
}`;

const pause = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** A regular expression as FIND takes it. */
const wire = (want) => (want instanceof RegExp ? { re: want.source, flags: want.flags } : want);
const wireTarget = (t) => (typeof t === 'string' ? t : { ...t, name: wire(t.name), label: wire(t.label), text: wire(t.text) });

/**
 * The page API every engine offers. Subclasses implement the primitives:
 * _goto(url), _reload(), _eval(expression) → JSON value, _click(css),
 * _type(css, text), _press(key), _viewport(w, h), _setFile(css, path), _download(css),
 * _close(), and may push to this.nativeErrors.
 */
class Page {
  constructor(engine, origin) {
    this.engine = engine;
    this.origin = origin;
    this.nativeErrors = [];
    this.marks = 0;
  }

  /** Evaluates `fn(...args)` in the page (args and result as JSON); awaits a promise. */
  async evaluate(fn, ...args) {
    return this._eval(`(${fn})(...${JSON.stringify(args)})`);
  }

  /** Waits until `fn(...args)` is truthy in the page; returns its value. */
  async waitUntil(fn, args = [], what = String(fn)) {
    const end = Date.now() + WAIT;
    let failed;
    for (;;) {
      let value;
      try {
        value = await this.evaluate(fn, ...args);
        failed = undefined;
      } catch (e) {
        if (e instanceof EngineLost) throw e;
        // A navigation in flight can drop the evaluation: try again.
        failed = e;
      }
      if (value) return value;
      if (Date.now() > end) {
        throw new Error(`${this.engine}: timed out waiting for ${what}${failed ? ` (last error: ${failed.message})` : ''}`);
      }
      await pause(100);
    }
  }

  /** Resolves a target (see FIND) to a CSS selector, waiting for it to appear. */
  async find(target) {
    const mark = `m${++this.marks}`;
    return this.waitUntil(FIND, [wireTarget(target), mark], `element ${JSON.stringify(wireTarget(target))}`);
  }

  /** Opens a path of the app and waits until it has drawn. */
  async goto(path = '/') {
    await this._goto(this.origin + path);
    await this.ready();
  }

  async reload() {
    await this._reload();
    await this.ready();
  }

  /** The app has drawn: the header's navigation is there and the boot screen is gone. */
  async ready() {
    await this.waitUntil(() => !!document.querySelector('header nav') && !document.getElementById('boot') && document.documentElement.dataset.store === 'open', [], 'the app to draw');
  }

  /** The path of the current address. */
  async path() {
    return this.evaluate(() => location.pathname);
  }

  async click(target) {
    await this._click(await this.find(target));
  }

  /** Replaces the value of a text field, typing as a person would. */
  async fill(target, text) {
    await this._type(await this.find(target), text);
  }

  /** Chooses an option of a <select> by value (as a person picking it would). */
  async select(target, value) {
    const css = await this.find(target);
    await this.evaluate((css, value) => {
      const el = document.querySelector(css);
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, css, value);
  }

  /** Presses one key, e.g. 'ArrowRight', on whatever has focus. */
  async press(key) {
    await this._press(key);
  }

  /**
   * The visible text of the first element matching `css` (waits for it). Found
   * and read in one step: a page opened from the menu may replace the element
   * in between (its code loads on first use, see ARCHITECTURE.md).
   */
  async text(css) {
    const [text] = await this.waitUntil((s) => {
      const el = document.querySelector(s);
      return el ? [el.innerText] : null;
    }, [css], `element ${JSON.stringify(css)}`);
    return text;
  }

  /** Waits until an element matches `css` (and, if given, its text matches `text`). */
  async waitFor(css, text) {
    const want = text === undefined ? null : wire(text);
    await this.waitUntil((css, want) => [...document.querySelectorAll(css)].some((el) => {
      if (!want) return true;
      const t = el.innerText || el.textContent || '';
      return typeof want === 'string' ? t.includes(want) : new RegExp(want.re, want.flags).test(t);
    }), [css, want], `${css}${want ? ' with ' + JSON.stringify(want) : ''}`);
  }

  async count(css) {
    return this.evaluate((s) => document.querySelectorAll(s).length, css);
  }

  async attribute(css, name) {
    const found = await this.find(css);
    return this.evaluate((s, n) => document.querySelector(s).getAttribute(n), found, name);
  }

  /**
   * Makes the page's viewport `width` × `height` CSS pixels, or as near as the
   * engine allows; returns the width the page really has.
   */
  async viewport(width, height) {
    await this._viewport(width, height);
    return this.evaluate(() => document.documentElement.clientWidth);
  }

  /** Chooses a file for an <input type=file>, as the file picker would. */
  async setFile(target, path) {
    await this._setFile(await this.find(target), path);
  }

  /** Clicks a target that saves a file; returns the file really saved: { name, text }. */
  async download(target) {
    return this._download(await this.find(target));
  }

  /** Script errors so far: from the injected collector and, where the engine reports them, natively. */
  async errors() {
    const inPage = await this.evaluate(() => window.__e2eErrors || ['the error collector is missing']);
    return [...new Set([...inPage, ...this.nativeErrors])];
  }

  async close() {
    await this._close();
  }
}

/** The files in `dir` now (none if it does not exist). */
const listing = (dir) => readdir(dir, { withFileTypes: true })
  .then((all) => all.filter((e) => e.isFile()).map((e) => e.name))
  .catch(() => []);

/** Waits for a new finished download in `dir` (not a partial file) and reads it. */
async function downloadedIn(dir, before) {
  const end = Date.now() + WAIT;
  for (;;) {
    const names = (await listing(dir)).filter((n) => !before.includes(n) && !/\.(part|download|crdownload|wkdownload)$/.test(n));
    for (const name of names) {
      const file = join(dir, name);
      const info = await stat(file).catch(() => null);
      if (info && info.size > 0) {
        // A partial file is renamed when complete; give a size a moment to settle.
        await pause(100);
        if ((await stat(file)).size === info.size) return { name, text: await readFile(file, 'utf8') };
      }
    }
    if (Date.now() > end) throw new Error(`no finished download in ${dir}`);
    await pause(100);
  }
}

// --- Chromium: playwright-core ------------------------------------------------

class ChromiumPage extends Page {
  constructor(origin, context, page) {
    super('chromium', origin);
    this.context = context;
    this.page = page;
    page.on('console', (m) => { if (m.type() === 'error') this.nativeErrors.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => this.nativeErrors.push(`pageerror: ${e}`));
  }
  async _goto(url) { await this.page.goto(url); }
  async _reload() { await this.page.reload(); }
  async _eval(expr) { return this.page.evaluate(expr); }
  async _click(css) { await this.page.locator(css).first().click(); }
  async _type(css, text) { await this.page.locator(css).first().fill(text); }
  async _press(key) { await this.page.keyboard.press(key); }
  async _viewport(width, height) { await this.page.setViewportSize({ width, height }); }
  async _setFile(css, path) { await this.page.locator(css).first().setInputFiles(path); }
  async _download(css) {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.locator(css).first().click(),
    ]);
    return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
  }
  async _close() { await this.context.close(); }
}

async function chromium() {
  const { chromium: pw } = await import('playwright-core');
  const { CHROMIUM_ARGS } = await import('../harness.mjs');
  const browser = await pw.launch({ executablePath: PATHS.chromium, args: CHROMIUM_ARGS, headless: true });
  return {
    name: 'chromium',
    version: browser.version(),
    async newPage(origin) {
      const context = await browser.newContext({ locale: 'ja-JP', acceptDownloads: true });
      return new ChromiumPage(origin, context, await context.newPage());
    },
    close: () => browser.close(),
  };
}

// --- Firefox: puppeteer-core over WebDriver BiDi ------------------------------

class FirefoxPage extends Page {
  constructor(origin, context, page, downloads) {
    super('firefox', origin);
    this.context = context;
    this.page = page;
    this.downloads = downloads;
    page.on('console', (m) => { if (m.type() === 'error') this.nativeErrors.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => this.nativeErrors.push(`pageerror: ${e}`));
  }
  async _goto(url) { await this.page.goto(url); }
  async _reload() { await this.page.reload(); }
  async _eval(expr) { return this.page.evaluate(expr); }
  async _click(css) { await this.page.locator(css).click(); }
  async _type(css, text) { await this.page.locator(css).fill(text); }
  async _press(key) { await this.page.keyboard.press(key); }
  async _viewport(width, height) { await this.page.setViewport({ width, height }); }
  async _setFile(css, path) {
    const input = await this.page.$(css);
    await input.uploadFile(path);
  }
  async _download(css) {
    // Firefox saves to the folder set in its preferences, without asking.
    const before = await listing(this.downloads);
    await this._click(css);
    return downloadedIn(this.downloads, before);
  }
  async _close() { await this.context.close(); }
}

async function firefox() {
  const { default: puppeteer } = await import('puppeteer-core');
  const downloads = await mkdtemp(join(tmpdir(), 'taiwa-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: PATHS.firefox,
    headless: true,
    extraPrefsFirefox: {
      'intl.accept_languages': 'ja-JP, ja',
      'intl.locale.requested': 'ja',
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.download.manager.showWhenStarting': false,
      'browser.helperApps.neverAsk.saveToDisk': 'application/json,text/plain',
    },
  });
  return {
    name: 'firefox',
    version: await browser.version(),
    async newPage(origin) {
      const context = await browser.createBrowserContext();
      return new FirefoxPage(origin, context, await context.newPage(), downloads);
    },
    async close() {
      await browser.close();
      await rm(downloads, { recursive: true, force: true });
    },
  };
}

// --- WebKit: WebKitWebDriver + MiniBrowser, over W3C WebDriver HTTP -------------

const KEYS = { ArrowRight: '\uE014', ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowDown: '\uE015', Enter: '\uE007', Escape: '\uE00C', Tab: '\uE004', Space: '\uE00D' };
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

class WebKitPage extends Page {
  constructor(origin, wd, session) {
    super('webkit', origin);
    this.wd = wd;
    this.session = session;
  }
  cmd(method, path, body) { return this.wd.cmd(method, `/session/${this.session}${path}`, body); }
  async element(css) {
    const found = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return found[ELEMENT];
  }
  async _goto(url) { await this.cmd('POST', '/url', { url }); }
  async _reload() { await this.cmd('POST', '/refresh', {}); }
  async _eval(expr) {
    // One asynchronous script for every evaluation: it awaits a promise, and an
    // exception comes back as a value (WebDriver errors would hide the message).
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => ${expr})
        .then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ error: String((e && e.stack) || e) }));`;
    const result = await this.cmd('POST', '/execute/async', { script, args: [] });
    if (result && 'error' in result) throw new Error(`webkit: in the page: ${result.error}`);
    return result ? result.ok : null;
  }
  async _click(css) { await this.cmd('POST', `/element/${await this.element(css)}/click`, {}); }
  async _type(css, text) {
    const id = await this.element(css);
    await this.cmd('POST', `/element/${id}/clear`, {});
    await this.cmd('POST', `/element/${id}/value`, { text });
  }
  async _press(key) {
    const value = KEYS[key] || key;
    await this.cmd('POST', '/actions', {
      actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value }, { type: 'keyUp', value }] }],
    });
    await this.cmd('DELETE', '/actions');
  }
  async _viewport(width, height) {
    // WebDriver sizes the window, not the page: size it, then correct by what
    // the browser's own toolbar takes. MiniBrowser's window has a minimum
    // width (its toolbar), so the page may stay wider than asked.
    await this.cmd('POST', '/window/rect', { width, height });
    const [w, h, ow, oh] = await this._eval('[innerWidth, innerHeight, outerWidth, outerHeight]');
    await this.cmd('POST', '/window/rect', { width: width + (ow - w), height: height + (oh - h) });
  }
  async _setFile(css, path) {
    // WebDriver's way to choose a file: send its path to the file input.
    await this.cmd('POST', `/element/${await this.element(css)}/value`, { text: path });
  }
  async _download(css) {
    // MiniBrowser saves a download without asking, into its home folder (a
    // fresh one for this test run, see webkit()).
    const before = await listing(this.wd.home);
    await this._click(css);
    return downloadedIn(this.wd.home, before);
  }
  async _close() { await this.cmd('DELETE', ''); }
}

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** Starts a child in its own process group, so stopping it stops its children too. */
function start(cmd, args, options = {}) {
  const child = spawn(cmd, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'], ...options });
  child.log = '';
  child.stderr?.on('data', (d) => { child.log = (child.log + d).slice(-4000); });
  return child;
}

/** Stops a process group started by `start` (TERM, then KILL after a moment). */
async function stop(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((ok) => child.once('exit', ok));
  try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
  const t = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 3000);
  await gone;
  clearTimeout(t);
}

// Whatever happens, stop the processes this file started: when node exits,
// and when it is told to stop.
const started = new Set();
const killAll = () => {
  for (const child of started) {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
  }
  started.clear();
};
process.on('exit', killAll);
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.once(signal, () => { killAll(); process.exit(code); });
}

async function xvfb() {
  // -displayfd: Xvfb picks a free display and writes its number to fd 3.
  const child = start('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  const display = await new Promise((ok, fail) => {
    let out = '';
    const t = setTimeout(() => fail(new Error(`Xvfb did not start: ${child.log}`)), WAIT);
    child.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) { clearTimeout(t); ok(`:${out.trim()}`); }
    });
    child.once('exit', (code) => { clearTimeout(t); fail(new Error(`Xvfb exited (${code}): ${child.log}`)); });
  });
  return { child, display };
}

/**
 * WebKitGTK takes navigator.language from the process's C locale, so the
 * browser needs a real Japanese locale to be a Japanese user's browser. Builds
 * one with localedef (from Debian's locales package) into a folder of its own,
 * once, and returns that folder for LOCPATH: nothing on the system changes.
 */
async function japaneseLocale() {
  const dir = join(tmpdir(), 'taiwa-locale');
  const built = join(dir, 'ja_JP.UTF-8', 'LC_CTYPE');
  if (await stat(built).catch(() => null)) return dir;
  await mkdir(dir, { recursive: true });
  const run = spawn('localedef', ['-i', 'ja_JP', '-f', 'UTF-8', join(dir, 'ja_JP.UTF-8')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  run.stderr.on('data', (d) => { log += d; });
  await new Promise((ok) => { run.once('exit', ok); run.once('error', (e) => { log += e.message; ok(); }); });
  // localedef may warn (and exit 1) yet write a usable locale: the file decides.
  if (!(await stat(built).catch(() => null))) {
    throw new Error(`could not build the ja_JP.UTF-8 locale for WebKit (is Debian's "locales" package installed?): ${log}`);
  }
  return dir;
}

async function webkit() {
  const locales = await japaneseLocale();
  // A home folder of its own: MiniBrowser's caches, and where it saves downloads.
  const home = await mkdtemp(join(tmpdir(), 'taiwa-webkit-home-'));
  const x = await xvfb();
  const port = await freePort();
  const driver = start(PATHS.webkitDriver, [`--port=${port}`, '--host=127.0.0.1'], {
    env: {
      ...process.env, HOME: home, DISPLAY: x.display,
      LOCPATH: locales, LANG: 'ja_JP.UTF-8', LC_ALL: 'ja_JP.UTF-8', LANGUAGE: 'ja',
    },
  });
  started.add(driver);
  const base = `http://127.0.0.1:${port}`;
  const wd = {
    home,
    async cmd(method, path, body) {
      let r;
      try {
        r = await fetch(base + path, {
          method,
          // A browser that stops answering must not hang the test run.
          signal: AbortSignal.timeout(60_000),
          headers: { 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch (e) {
        throw new EngineLost(`webkit: ${method} ${path}: no answer (${e.name}: ${e.message}); WebKitWebDriver said: ${driver.log.slice(-500)}`);
      }
      const json = await r.json().catch(() => ({}));
      if (!r.ok) {
        const v = json.value || {};
        const text = `webkit: ${method} ${path}: ${v.error || r.status}: ${v.message || ''}`;
        // The MiniBrowser of this session has gone (it crashed or was closed).
        if (v.error === 'invalid session id') throw new EngineLost(`${text}; WebKitWebDriver said: ${driver.log.slice(-500)}`);
        throw new Error(text);
      }
      return json.value;
    },
  };
  const shutdown = async () => {
    await stop(driver);
    await stop(x.child);
    started.delete(driver);
    started.delete(x.child);
    await rm(home, { recursive: true, force: true });
  };
  // Wait for the driver to listen.
  try {
    const end = Date.now() + WAIT;
    for (;;) {
      try {
        const status = await wd.cmd('GET', '/status');
        if (status.ready !== false) break;
      } catch (e) {
        if (Date.now() > end) throw new Error(`WebKitWebDriver did not start: ${driver.log || e.message}`);
      }
      await pause(100);
    }
  } catch (e) {
    await shutdown();
    throw e;
  }
  const capabilities = {
    alwaysMatch: {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: PATHS.miniBrowser, args: ['--automation'] },
    },
  };
  const sessions = new Set();
  let version = 'WebKitGTK';
  return {
    name: 'webkit',
    get version() { return version; },
    // Each page is a new WebDriver session: a new MiniBrowser with empty storage.
    async newPage(origin) {
      const session = await wd.cmd('POST', '/session', { capabilities });
      version = `WebKitGTK ${session.capabilities.browserVersion}`;
      sessions.add(session.sessionId);
      const page = new WebKitPage(origin, wd, session.sessionId);
      const close = page._close.bind(page);
      page._close = async () => { sessions.delete(session.sessionId); await close(); };
      return page;
    },
    async close() {
      for (const id of sessions) await wd.cmd('DELETE', `/session/${id}`).catch(() => {});
      await shutdown();
    },
  };
}

/** Starts an engine: { name, version, newPage(origin) → Page, close() }. */
export async function launch(name) {
  switch (name) {
    case 'chromium': return chromium();
    case 'firefox': return firefox();
    case 'webkit': return webkit();
    default: throw new Error(`unknown engine ${name}`);
  }
}
