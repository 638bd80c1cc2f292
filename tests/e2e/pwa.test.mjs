// The installable, offline app: Chromium's own installability check, offline
// use with the user's data intact, deep links offline, a sub-path deploy that
// keeps to its own scope, and a new version that waits for the user.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { open, go, ready, h1, teardown, server, offlineReady, watch, CHROMIUM_ARGS, DIST, PAGES, DEEP_PAGES } from './harness.mjs';
import { precache } from '../../scripts/build.mjs';

after(teardown);

const version = (page) => page.getAttribute('meta[name="taiwa-version"]', 'content');

function files(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    // Dot files are build notes for the tests (.routes.json), not the app.
    if (name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else out.push(relative(DIST, p));
  }
  return out;
}

/** Takes the server off the network (and the browser too) until `back()`. */
async function offline(context) {
  const site = await server();
  await context.setOffline(true);
  site.control.down = true;
  return async () => {
    site.control.down = false;
    await context.setOffline(false);
  };
}

test('Chromium finds the app installable once the service worker controls it', async () => {
  // Installability is never reported in an incognito profile (Playwright's
  // usual contexts), so this test uses a profile on disk.
  const site = await server();
  const dir = mkdtempSync(join(tmpdir(), 'taiwa-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
    locale: 'ja-JP',
  });
  try {
    const page = context.pages()[0] || (await context.newPage());
    const errors = [];
    watch(page, errors);
    await go(page, site.origin, '/');
    await offlineReady(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    const { url, errors: manifestErrors, data } = await cdp.send('Page.getAppManifest');
    assert.equal(url, `${site.origin}/manifest.webmanifest`);
    assert.deepEqual(manifestErrors, []);
    const manifest = JSON.parse(data);
    assert.equal(manifest.name, '対話 Taiwa');
    assert.equal(manifest.short_name, '対話');
    assert.equal(manifest.display, 'standalone');
    assert.ok(manifest.icons.some((i) => i.purpose === 'maskable'), 'a maskable icon');
    // Every icon the manifest names is served, as an image.
    for (const icon of manifest.icons) {
      const type = await page.evaluate(async (src) => (await fetch(src)).headers.get('content-type'), new URL(icon.src, url).href);
      assert.match(type, /^image\//, icon.src);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('offline, the app starts with the user\'s settings, deep links open, and every file of the build is there', async () => {
  const { context, page, errors, origin } = await open();
  await go(page, origin, '/settings');
  await page.getByLabel('暗い').check();
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await offlineReady(page);
  const back = await offline(context);
  try {
    await page.reload();
    await ready(page);
    assert.equal(await h1(page), 'Settings');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    // The browser's (or installed app's) bar follows the chosen theme.
    assert.deepEqual(await page.$$eval('meta[name="theme-color"]', (ms) => ms.map((m) => m.content)), ['#1e2227', '#1e2227']);
    // A deep link typed in while offline, and an address the app does not know.
    await go(page, origin, '/about');
    assert.equal(await h1(page), 'About Taiwa');
    await go(page, origin, '/no-such-page');
    assert.equal(await h1(page), 'Page not found');
    // Navigating inside the app.
    await page.locator('header nav a', { hasText: 'Settings' }).click();
    assert.equal(await h1(page), 'Settings');
    assert.ok(await page.getByLabel('Dark').isChecked());
    // Every file the build made (content of both languages included) answers.
    const missing = await page.evaluate(async (list) => {
      const out = [];
      for (const f of list) {
        const r = await fetch(f).catch(() => null);
        if (!r || !r.ok) out.push(f);
      }
      return out;
    }, files(DIST).filter((f) => f !== 'sw.js'));
    assert.deepEqual(missing, []);
  } finally {
    await back();
  }
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e)), []);
  await context.close();
});

test('once installed, every page of the app opens from the cache without waiting for the network', async () => {
  // On a train the connection can hang rather than fail: a page load that
  // asked the network first would wait for it. The server here records what
  // reaches it; the app's own pages must not.
  const site = await server();
  const { context, page, errors, origin } = await open();
  try {
    await go(page, origin, '/');
    await offlineReady(page);
    site.control.heard = [];
    const pages = [...PAGES, ...DEEP_PAGES].map((p) => p.split('#')[0]);
    for (const path of pages) {
      await go(page, origin, path);
      assert.ok((await h1(page)).length > 0, path);
    }
    const asked = site.control.heard.filter((p) => pages.includes(p));
    assert.deepEqual(asked, [], 'pages that went to the network');
    // An address that is not one of the app's pages is asked of the network
    // first (it may be another app on the same site), and is then the app's
    // "not found".
    await go(page, origin, '/no-such-page');
    assert.ok(site.control.heard.includes('/no-such-page'));
    assert.equal(await h1(page), 'ページが見つかりません');
    assert.deepEqual(errors, []);
  } finally {
    site.control.heard = undefined;
    await context.close();
  }
});

test('under a sub-path, the app works offline in its own scope, and a root install does not take it over', async () => {
  const { context, page, errors, origin } = await open();
  // The app at the root installs first; its scope covers /taiwa/ too.
  await go(page, origin, '/');
  await offlineReady(page);
  await go(page, origin, '/taiwa/about');
  assert.equal(await h1(page), 'このアプリについて');
  assert.equal(await page.evaluate(() => document.baseURI), `${origin}/taiwa/`);
  await page.waitForFunction(
    (scope) => navigator.serviceWorker.controller && navigator.serviceWorker.controller.scriptURL === scope + 'sw.js',
    `${origin}/taiwa/`,
  );
  const back = await offline(context);
  try {
    await go(page, origin, '/taiwa/settings');
    assert.equal(await h1(page), '設定');
    await page.locator('header nav a', { hasText: 'このアプリについて' }).click();
    assert.equal(new URL(page.url()).pathname, '/taiwa/about');
    // The root app is still there offline too.
    await go(page, origin, '/settings');
    assert.equal(await h1(page), '設定');
    assert.equal(await page.evaluate(() => document.baseURI), `${origin}/`);
  } finally {
    await back();
  }
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e)), []);
  await context.close();
});

test('a new version waits, is offered, and takes over only when the user presses reload', async () => {
  const site = await server();
  const root = site.control.mounts.find((m) => m.prefix === '/');
  // A second build: the same app with one change, and its own precache version.
  const second = mkdtempSync(join(tmpdir(), 'taiwa-second-'));
  cpSync(DIST, second, { recursive: true });
  const index = join(second, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('</head>', '<!-- the second build -->\n</head>'));
  const { version: newer } = precache(second);

  const { context, page, errors, origin } = await open();
  try {
    await go(page, origin, '/settings');
    await page.getByLabel('暗い').check();
    await offlineReady(page);
    const older = await version(page);
    assert.ok(older && older !== newer, `two versions: ${older}, ${newer}`);
    assert.equal(await page.locator('[data-update]').count(), 0, 'no banner before there is anything new');

    root.dir = second;
    await page.reload();
    await ready(page);
    const banner = page.locator('[data-update="ready"]');
    await banner.waitFor();
    assert.match(await banner.innerText(), /新しいバージョンがあります/);
    const { violations } = await new AxeBuilder({ page }).include('[data-update]').analyze();
    assert.deepEqual(violations.map((v) => v.id), []);
    // The old version is still the one running, and the new one waits.
    assert.equal(await version(page), older);
    assert.ok(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).waiting !== null));
    // It stays so across a reload and while the app is used: nothing swaps by itself.
    await page.reload();
    await ready(page);
    await banner.waitFor();
    assert.equal(await version(page), older);
    await page.evaluate(() => { window.taiwaSamePage = true; });
    await page.locator('header nav a', { hasText: 'このアプリについて' }).click();
    assert.equal(await h1(page), 'このアプリについて');
    assert.match(await page.locator('main').innerText(), new RegExp(`バージョン ${older}`));
    assert.equal(await page.evaluate(() => window.taiwaSamePage), true);

    // The user presses reload: the page reloads into the new version.
    await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: '再読み込み' }).click()]);
    await ready(page);
    assert.equal(await version(page), newer);
    assert.equal(await page.evaluate(() => window.taiwaSamePage), undefined);
    assert.equal(await h1(page), 'このアプリについて');
    assert.match(await page.locator('main').innerText(), new RegExp(`バージョン ${newer}`));
    assert.equal(await banner.count(), 0);
    // The user's data came along.
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    // The old version's cache is gone; only the new one is kept for this scope.
    const caches = await page.evaluate(() => caches.keys());
    assert.deepEqual(caches.filter((k) => k.startsWith(`taiwa ${origin}/ `)), [`taiwa ${origin}/ ${newer}`]);
    assert.deepEqual(errors, []);
  } finally {
    root.dir = DIST;
    await context.close();
    rmSync(second, { recursive: true, force: true });
  }
});
