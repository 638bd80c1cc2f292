// Accessibility and phones, on every page in the harness's PAGES and DEEP_PAGES
// lists: axe in
// both languages and three themes, colour contrast of the theme tokens, the
// keyboard with a visible focus, touch targets, phone widths with the largest
// text, and 200 % zoom.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { open, go, teardown, PAGES, DEEP_PAGES, OWN_SAMPLE } from './harness.mjs';

after(teardown);

const ALL = [...PAGES, ...DEEP_PAGES];
const THEMES = ['light', 'dark', 'contrast'];
const LANGS = ['ja', 'en'];
const SIZES = ['normal', 'large', 'larger'];

/** Stores settings as the app would, then opens `path` (the app reads them on start). */
async function withSettings(page, origin, settings, path = '/') {
  await go(page, origin, '/');
  await page.evaluate(([s, own]) => {
    // With the user's own drafts, so their editors are audited filled in.
    const doc = { app: 'taiwa', schema: 2, settings: { lang: 'ja', theme: 'system', text_size: 'normal', ...s, updated: Date.now() }, own };
    localStorage.setItem('taiwa.data', JSON.stringify(doc));
  }, [settings, OWN_SAMPLE]);
  await show(page, origin, path);
}

/** Opens a page and waits until what it loads (the content library) is drawn. */
async function show(page, origin, path) {
  await go(page, origin, path);
  await page.waitForLoadState('networkidle');
}

const describe = (v) => `${v.id} (${v.impact}): ${v.help}\n      ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n      ')}`;

test('axe finds no violation on any page, in both languages, in light, dark and high-contrast themes', async () => {
  const { context, page, errors, origin } = await open();
  const found = [];
  for (const theme of THEMES) {
    for (const lang of LANGS) {
      await withSettings(page, origin, { theme, lang });
      for (const path of ALL) {
        await show(page, origin, path);
        assert.equal(await page.getAttribute('html', 'data-theme'), theme);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        const { violations } = await new AxeBuilder({ page }).analyze();
        for (const v of violations) found.push(`${theme} ${lang} ${path}: ${describe(v)}`);
      }
    }
  }
  assert.deepEqual(found, []);
  assert.deepEqual(errors, []);
  await context.close();
});

// The theme tokens: text and links on every background meet WCAG AA (4.5:1),
// the focus ring and control borders meet 3:1, in each theme, including
// colours that only appear in notices and highlights axe may not see.
test('every theme\'s colours meet WCAG AA contrast', async () => {
  const { context, page, origin } = await open();
  const TEXT = [
    ['text', 'bg'], ['text', 'surface'], ['muted', 'bg'], ['muted', 'surface'],
    ['accent', 'bg'], ['accent', 'surface'], ['accent-text', 'accent'],
    ['notice-text', 'notice-bg'], ['text', 'mark-bg'],
  ];
  const NON_TEXT = [['focus', 'bg'], ['focus', 'surface'], ['accent', 'bg'], ['accent', 'surface'], ['mark-line', 'mark-bg'], ['notice-text', 'bg']];
  const low = [];
  for (const theme of THEMES) {
    await withSettings(page, origin, { theme });
    const ratios = await page.evaluate(([text, nonText]) => {
      const rgb = (name) => {
        const probe = document.createElement('span');
        probe.style.color = `var(--${name})`;
        document.body.append(probe);
        const [r, g, b] = getComputedStyle(probe).color.match(/\d+(\.\d+)?/g).map(Number);
        probe.remove();
        return [r, g, b];
      };
      const lum = ([r, g, b]) => {
        const c = [r, g, b].map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
      };
      const ratio = (a, b) => {
        const [hi, lo] = [lum(rgb(a)), lum(rgb(b))].sort((x, y) => y - x);
        return (hi + 0.05) / (lo + 0.05);
      };
      return {
        text: text.map(([a, b]) => [a, b, ratio(a, b)]),
        nonText: nonText.map(([a, b]) => [a, b, ratio(a, b)]),
      };
    }, [TEXT, NON_TEXT]);
    // (Written so that a colour that cannot be read, NaN, fails too.)
    for (const [a, b, r] of ratios.text) if (!(r >= 4.5)) low.push(`${theme}: --${a} on --${b} is ${r.toFixed(2)}:1 (text needs 4.5)`);
    for (const [a, b, r] of ratios.nonText) if (!(r >= 3)) low.push(`${theme}: --${a} on --${b} is ${r.toFixed(2)}:1 (needs 3)`);
  }
  assert.deepEqual(low, []);
  await context.close();
});

/** Tabs through a page from the top; returns what got focus, in order. */
async function tabThrough(page, limit = 200) {
  await page.evaluate(() => {
    window.taiwaTab = { ids: new WeakMap(), next: 1 };
    if (document.activeElement) document.activeElement.blur();
  });
  const seen = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body || el === document.documentElement) return null;
      const t = window.taiwaTab;
      if (!t.ids.has(el)) t.ids.set(el, t.next++);
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return {
        id: t.ids.get(el),
        what: `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}"`,
        ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
        inView: r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= window.innerWidth + 0.5 && r.top < window.innerHeight && r.bottom > 0,
      };
    });
    if (!info || (seen.length && info.id === seen[0].id)) break;
    seen.push(info);
  }
  return seen;
}

/**
 * Marks every control a person could use (radios: one per group) with
 * data-taiwa-control, and from now on marks each control that gets focus
 * (for a radio, its group) with data-taiwa-reached.
 */
const markControls = (page) => page.evaluate(() => {
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const first = (el) => (el.type === 'radio' ? document.querySelector(`input[type="radio"][name="${el.name}"]`) : el);
  for (const el of document.querySelectorAll('a[href], button:not([disabled]), input:not([disabled]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')) {
    // The skip link is off screen until it has focus.
    if (visible(el) || el.classList.contains('skip')) first(el).setAttribute('data-taiwa-control', '');
  }
  document.addEventListener('focusin', (e) => first(e.target).setAttribute('data-taiwa-reached', ''));
});

test('the keyboard reaches every control on every page, with a visible focus ring', async () => {
  const { context, page, origin } = await open();
  const problems = [];
  for (const lang of LANGS) {
    await withSettings(page, origin, { lang });
    for (const path of ALL) {
      await show(page, origin, path);
      await markControls(page);
      const seen = await tabThrough(page);
      for (const s of seen) {
        if (!s.ring) problems.push(`${lang} ${path}: ${s.what} has no visible focus ring`);
        if (!s.inView) problems.push(`${lang} ${path}: ${s.what} is out of view when focused`);
      }
      const unreached = await page.evaluate(() => [...document.querySelectorAll('[data-taiwa-control]:not([data-taiwa-reached])')]
        .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent || el.name || '').trim().slice(0, 30)}"`));
      for (const u of unreached) problems.push(`${lang} ${path}: the keyboard never reaches ${u}`);
      // The skip link, the brand, the navigation and the language switch at least.
      assert.ok(seen.length >= 3 + (await page.locator('header nav a').count()), `${lang} ${path}: only ${seen.length} stops`);
    }
  }
  assert.deepEqual(problems, []);
  await context.close();
});

/**
 * Controls smaller than 44×44 CSS px. A radio or checkbox counts with its
 * label; a link inside a sentence is exempt (as WCAG allows), a link alone on
 * its line is not (style/app.css: main p > a:only-child).
 */
const smallTargets = (page) => page.evaluate(() => {
  const out = [];
  for (const el of document.querySelectorAll('a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"]')) {
    const r0 = el.getBoundingClientRect();
    if (r0.width === 0 || r0.height === 0 || el.classList.contains('skip')) continue;
    const block = el.closest('p');
    if (el.tagName === 'A' && block && block.textContent.trim() !== el.textContent.trim()) continue;
    const target = (el.type === 'radio' || el.type === 'checkbox') && el.closest('label') ? el.closest('label') : el;
    const r = target.getBoundingClientRect();
    if (r.width < 43.5 || r.height < 43.5) {
      out.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || el.name || '').trim().slice(0, 30)}" is ${r.width.toFixed(0)}×${r.height.toFixed(0)}`);
    }
  }
  return out;
});

const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('on phones (360×640, 390×844) no page scrolls sideways, at every text size, and touch targets are 44 px or more', async () => {
  const problems = [];
  for (const viewport of [{ width: 360, height: 640 }, { width: 390, height: 844 }]) {
    const { context, page, origin } = await open({ viewport, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    for (const lang of LANGS) {
      // Every text size on the narrowest phone.
      for (const text_size of viewport.width === 360 ? SIZES : ['normal']) {
        await withSettings(page, origin, { lang, text_size });
        assert.equal(await page.getAttribute('html', 'data-text-size'), text_size);
        for (const path of ALL) {
          await show(page, origin, path);
          const over = await sideways(page);
          if (over > 0) problems.push(`${viewport.width}px ${lang} ${text_size} ${path}: scrolls sideways by ${over}px`);
          if (text_size === 'normal') {
            for (const s of await smallTargets(page)) problems.push(`${viewport.width}px ${lang} ${path}: ${s}`);
          }
        }
      }
    }
    await context.close();
  }
  assert.deepEqual(problems, []);
});

test('the text-size setting makes the text larger', async () => {
  const { context, page, origin } = await open();
  const sizes = [];
  for (const text_size of SIZES) {
    await withSettings(page, origin, { text_size }, '/about');
    sizes.push(await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)));
  }
  assert.ok(sizes[0] < sizes[1] && sizes[1] < sizes[2], `font sizes ${sizes.join(' < ')}`);
  await context.close();
});

// 200 % zoom of a 1280×720 screen is a 640×360 CSS-pixel viewport at twice the
// pixel density.
test('at 200 % zoom no page scrolls sideways and the whole navigation is reachable', async () => {
  const { context, page, origin } = await open({ viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 });
  const problems = [];
  for (const lang of LANGS) {
    await withSettings(page, origin, { lang });
    for (const path of ALL) {
      await show(page, origin, path);
      const over = await sideways(page);
      if (over > 0) problems.push(`${lang} ${path}: scrolls sideways by ${over}px`);
    }
    // Every navigation link can be reached by keyboard, is fully on screen
    // when it has focus, and works.
    const links = await page.locator('header nav a').count();
    for (let i = 0; i < links; i++) {
      await show(page, origin, '/');
      const link = page.locator('header nav a').nth(i);
      const target = await link.getAttribute('href');
      let reached = false;
      // On a narrow screen the navigation is behind its menu button: open it by keyboard.
      const menu = page.locator('.menu-toggle');
      let opened = !(await menu.isVisible());
      for (let tab = 0; tab < 20 && !reached; tab++) {
        await page.keyboard.press('Tab');
        if (!opened && await menu.evaluate((el) => el === document.activeElement)) {
          await page.keyboard.press('Enter');
          opened = true;
        }
        reached = await link.evaluate((el) => el === document.activeElement);
      }
      if (!reached) {
        problems.push(`${lang}: the keyboard does not reach the link to ${target}`);
        continue;
      }
      const box = await link.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      });
      if (box.left < 0 || box.right > 640 || box.top < 0 || box.bottom > 360) problems.push(`${lang}: the link to ${target} is not fully on screen when focused`);
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.pathname === target);
    }
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('every page has its own title, one main landmark and one main heading', async () => {
  const { context, page, origin } = await open();
  const titles = new Set();
  for (const lang of LANGS) {
    await withSettings(page, origin, { lang });
    for (const path of PAGES) {
      await show(page, origin, path);
      const title = await page.title();
      assert.match(title, lang === 'ja' ? /対話 Taiwa/ : /Taiwa/, `${path}: ${title}`);
      titles.add(title);
      assert.equal(await page.locator('main').count(), 1, `${lang} ${path}: one <main>`);
      assert.equal(await page.locator('h1').count(), 1, `${lang} ${path}: one <h1>`);
      assert.equal(await page.locator('main h1').count(), 1, `${lang} ${path}: the <h1> is in <main>`);
      assert.equal(await page.locator('header.site-header nav[aria-label]').count(), 1, `${lang} ${path}: a labelled navigation`);
    }
  }
  assert.equal(titles.size, PAGES.length * LANGS.length, [...titles].join(' | '));
  await context.close();
});
