// The app shell: loading, privacy, language, deep links, layout, theme.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { open, go, ready, h1, teardown, PAGES, DEEP_PAGES } from './harness.mjs';

after(teardown);

test('the app loads in Japanese with no console error', async () => {
  const { context, page, errors, origin } = await open();
  await go(page, origin, '/');
  assert.equal(await h1(page), 'ようこそ、対話へ');
  assert.equal(await page.getAttribute('html', 'lang'), 'ja');
  assert.match(await page.locator('main').innerText(), /相談窓口ではありません/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('before the wasm has loaded, the first screen says what Taiwa is; then it gives way to the app without getting in its way', async () => {
  const { context, page, errors, origin } = await open();
  // The browser never reports its first paint here, so the hidden first screen
  // waits its longest (half a second) before it is removed; what it was like at
  // the moment the app showed is noted as it happens.
  await context.addInitScript(() => {
    const real = Performance.prototype.getEntriesByName;
    Performance.prototype.getEntriesByName = function (name, ...rest) {
      return name === 'first-contentful-paint' ? [] : real.call(this, name, ...rest);
    };
    new MutationObserver((_, observer) => {
      const boot = document.getElementById('boot');
      if (!boot || !boot.classList.contains('gone')) return;
      observer.disconnect();
      const h = boot.querySelector('h1').getBoundingClientRect();
      const hit = document.elementFromPoint(h.left + 5, h.top + h.height / 2);
      window.taiwaGone = {
        visibility: getComputedStyle(boot).visibility,
        hitsFirstScreen: boot.contains(hit),
        appShown: getComputedStyle(document.querySelector('header nav')).display !== 'none',
      };
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['class'] });
  });
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(origin + '/');
  const lead = page.locator('#boot p.lead');
  await lead.waitFor();
  assert.match(await lead.innerText(), /意図的なピアサポート/);
  assert.match(await lead.innerText(), /what happened/);
  assert.equal(await page.locator('header nav').isVisible(), false);
  release();
  await ready(page);
  assert.equal(await h1(page), 'ようこそ、対話へ');
  assert.deepEqual(await page.evaluate(() => window.taiwaGone), { visibility: 'hidden', hitsFirstScreen: false, appShown: true });
  assert.equal(await page.locator('#boot').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('no request leaves the app\'s own origin, on a tour of every page', async () => {
  const { context, page, errors, requests, origin } = await open();
  for (const path of [...PAGES, ...DEEP_PAGES]) {
    await go(page, origin, path);
  }
  // Practise a little, so the pages that save are part of the tour.
  await go(page, origin, '/scenarios/first-meeting/solo');
  await page.getByRole('button', { name: '声に出して言う（書かずに進む）' }).click();
  await page.getByRole('button', { name: '次のやりとりへ' }).click();
  // Follow the navigation by clicking too, as a person would.
  for (const link of await page.locator('header nav a').all()) {
    await link.click();
    await ready(page);
  }
  assert.ok(requests.length > 3, 'the tour made requests');
  const foreign = requests.filter((u) => !u.startsWith(origin + '/'));
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a strict Content-Security-Policy is in the built page', async () => {
  const { context, page, origin } = await open();
  await go(page, origin, '/');
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /connect-src 'self'/);
  assert.match(csp, /'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  await context.close();
});

test('the first visit follows the browser language', async () => {
  const { context, page, origin } = await open({ locale: 'en-US' });
  await go(page, origin, '/');
  assert.equal(await h1(page), 'Welcome to Taiwa');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await context.close();
});

test('switching language changes the text and <html lang>, and holds after a reload', async () => {
  const { context, page, errors, origin } = await open();
  await go(page, origin, '/about');
  assert.equal(await h1(page), 'このアプリについて');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  assert.equal(await h1(page), 'About Taiwa');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.locator('header nav').getAttribute('aria-label'), 'Main menu');
  await page.reload();
  await ready(page);
  assert.equal(await h1(page), 'About Taiwa');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  // And back.
  await page.getByRole('button', { name: '日本語に切り替える' }).click();
  assert.equal(await h1(page), 'このアプリについて');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a deep link reloads to the right page, at the root and under /taiwa/', async () => {
  const { context, page, errors, origin } = await open();
  await go(page, origin, '/settings');
  assert.equal(await h1(page), '設定');
  await page.reload();
  await ready(page);
  assert.equal(await h1(page), '設定');
  assert.equal(await page.locator('header nav a[aria-current="page"]').innerText(), '設定');

  await go(page, origin, '/taiwa/about');
  assert.equal(await h1(page), 'このアプリについて');
  // Links stay under the sub-path.
  await page.locator('header nav a', { hasText: '設定' }).click();
  await ready(page);
  assert.equal(new URL(page.url()).pathname, '/taiwa/settings');
  await page.reload();
  await ready(page);
  assert.equal(await h1(page), '設定');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an unknown address says so, with a way home', async () => {
  const { context, page, origin } = await open();
  await go(page, origin, '/no-such-page');
  assert.equal(await h1(page), 'ページが見つかりません');
  await page.getByRole('link', { name: 'ホームへ戻る' }).click();
  assert.equal(await h1(page), 'ようこそ、対話へ');
  await context.close();
});

test('no page scrolls sideways on a 360 px phone, in either language', async () => {
  const { context, page, origin } = await open({ viewport: { width: 360, height: 640 } });
  for (const lang of ['ja', 'en']) {
    if (lang === 'en') {
      await page.getByRole('button', { name: 'Switch to English' }).click();
    }
    for (const path of [...PAGES, ...DEEP_PAGES]) {
      await go(page, origin, path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${lang} ${path} scrolls sideways by ${overflow}px`);
    }
  }
  await context.close();
});

test('the theme follows the system, and a manual choice is kept', async () => {
  const { context, page, origin } = await open({ colorScheme: 'dark' });
  await go(page, origin, '/settings');
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(await bg(), 'rgb(21, 24, 28)');
  await page.getByLabel('明るい').check();
  assert.equal(await page.getAttribute('html', 'data-theme'), 'light');
  assert.equal(await bg(), 'rgb(251, 250, 247)');
  await page.reload();
  await ready(page);
  assert.equal(await bg(), 'rgb(251, 250, 247)');
  assert.ok(await page.getByLabel('明るい').isChecked());
  await page.getByLabel('端末の設定に合わせる').check();
  assert.equal(await page.getAttribute('html', 'data-theme'), null);
  assert.equal(await bg(), 'rgb(21, 24, 28)');
  await context.close();
});

test('the keyboard reaches the skip link and the navigation', async () => {
  const { context, page, origin } = await open();
  await go(page, origin, '/');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), '本文へ移動');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.closest('nav') !== null), true);
  await context.close();
});
