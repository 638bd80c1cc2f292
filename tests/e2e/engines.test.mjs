// The core flows, written once and run in every browser engine: Chromium,
// Firefox (Gecko) and WebKit, the engine of every browser on an iPhone.
// Each flow gets a fresh profile (empty storage) and uses only the common page
// API of engines/driver.mjs. The tests are named "<engine>: <flow>".
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './serve.mjs';
import { DIST } from './harness.mjs';
import { ENGINES, COLLECTOR, EngineLost, launch } from './engines/driver.mjs';


const note = (id, text, t) => ({ id, created: t, updated: t, body: { kind: 'note', text } });
const DOC = {
  app: 'taiwa', schema: 1,
  settings: { lang: 'ja', theme: 'system', text_size: 'normal', updated: 1 },
  journal: {
    'note-1': note('note-1', '一つめのメモ', 1700000000000),
    'note-2': note('note-2', '二つめのメモ', 1700000100000),
  },
};

/** The flows: each is (page, context) → assertions, written against the common API. */
const FLOWS = [
  {
    name: 'first load in Japanese with no script error, and every page reached from the menu',
    async run(page) {
      await page.goto('/');
      assert.equal(await page.text('main h1'), 'ようこそ、対話へ');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
      assert.match(await page.text('main'), /相談窓口ではありません/);
      // Through the menu, as a person would: every top-level page draws.
      const links = await page.evaluate(() => [...document.querySelectorAll('header nav a')].map((a) => a.textContent.trim()));
      assert.ok(links.length >= 8, `${links.length} menu links`);
      for (const name of links) {
        await page.click({ role: 'link', name });
        await page.waitFor('header nav a[aria-current="page"]', name);
        assert.ok((await page.text('main h1')).length > 0, `${name} has a heading`);
      }
      assert.deepEqual(await page.errors(), []);
    },
  },
  {
    name: 'language switch kept after reload',
    async run(page) {
      await page.goto('/about');
      assert.equal(await page.text('main h1'), 'このアプリについて');
      await page.click({ role: 'button', name: 'Switch to English' });
      await page.waitFor('main h1', 'About Taiwa');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      await page.reload();
      assert.equal(await page.text('main h1'), 'About Taiwa');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      assert.equal(await page.attribute('header nav', 'aria-label'), 'Main menu');
      await page.click({ role: 'button', name: '日本語に切り替える' });
      await page.waitFor('main h1', 'このアプリについて');
      assert.deepEqual(await page.errors(), []);
    },
  },
  {
    name: 'a solo practice is saved and found in the journal after a reload',
    async run(page) {
      await page.goto('/scenarios/first-meeting');
      await page.click({ role: 'link', name: 'ひとりで練習する' });
      await page.waitFor('.moment');
      await page.fill({ label: '自分なら、何と言いますか？' }, '今日はここまで来てくれてありがとう');
      await page.click({ role: 'button', name: 'ほかの言い方を見る' });
      await page.waitFor('.responses .response');
      await page.fill({ label: '気づいたこと（書かなくてもかまいません）' }, '急がずに待てた');
      // The other moments: said aloud, without writing.
      while (await page.evaluate(() => [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === '次のやりとりへ'))) {
        const before = await page.text('#moment-heading');
        await page.click({ role: 'button', name: '次のやりとりへ' });
        await page.waitUntil((b) => document.querySelector('#moment-heading')?.innerText !== b, [before], 'the next moment');
        await page.click({ role: 'button', name: '声に出して言う（書かずに進む）' });
        await page.waitFor('.responses .response');
      }
      await page.click({ role: 'button', name: 'ふりかえりへ' });
      await page.waitFor('.debrief');
      await page.fill({ label: /^相互性/ }, '力の差を言葉にできなかった');
      await page.click({ role: 'button', name: '保存して終える' });
      await page.waitFor('.done', '保存しました');
      await page.goto('/journal');
      await page.reload();
      await page.waitFor('article.entry[data-kind="reflection"]');
      const text = await page.text('article.entry[data-kind="reflection"]');
      assert.match(text, /今日はここまで来てくれてありがとう/);
      assert.match(text, /急がずに待てた/);
      assert.match(text, /力の差を言葉にできなかった/);
      assert.deepEqual(await page.errors(), []);
    },
  },
  {
    name: 'a backup is exported, everything deleted, and the backup imported back',
    async run(page, { dir, notes }) {
      await page.goto('/');
      await page.evaluate((d) => localStorage.setItem('taiwa.data', JSON.stringify(d)), DOC);
      await page.goto('/data');
      const saved = await page.download({ role: 'button', name: 'バックアップをダウンロード' });
      assert.match(saved.name, /^taiwa-backup-\d{4}-\d{2}-\d{2}\.json$/);
      const backup = JSON.parse(saved.text);
      assert.equal(backup.app, 'taiwa');
      assert.deepEqual(Object.keys(backup.document.journal).sort(), ['note-1', 'note-2']);

      await page.click({ role: 'button', name: 'すべて削除…' });
      await page.click({ role: 'button', name: 'はい、すべて削除する' });
      await page.goto('/journal');
      await page.waitFor('main h1');
      assert.equal(await page.count('article.entry'), 0);

      const file = join(dir, saved.name);
      await writeFile(file, saved.text);
      await page.goto('/data');
      await page.setFile({ label: 'ファイルを選ぶ' }, file);
      await page.waitFor('.preview .counts', 'メモ 2');
      await page.click({ role: 'button', name: '今のデータと合わせる' });
      await page.waitFor('.import-result', '合わせました');
      await page.goto('/journal');
      await page.waitFor('article.entry', '二つめのメモ');
      assert.equal(await page.count('article.entry'), 2);
      assert.deepEqual(await page.errors(), []);
    },
  },
  {
    name: 'corrupt stored data is set aside with a message',
    async run(page) {
      const broken = '{"app":"taiwa","schema":1,"journal":{"x": broken';
      await page.goto('/');
      await page.evaluate((b) => localStorage.setItem('taiwa.data', b), broken);
      await page.reload();
      assert.match(await page.text('[data-notice="Quarantined"]'), /読めませんでした/);
      const kept = await page.evaluate(() => Object.keys(localStorage)
        .filter((k) => k.startsWith('taiwa.quarantine.')).map((k) => localStorage.getItem(k)));
      assert.deepEqual(kept, [broken]);
      // The app still works and saves.
      await page.click({ role: 'button', name: 'Switch to English' });
      await page.waitFor('main h1', 'Welcome to Taiwa');
      const lang = await page.evaluate(() => JSON.parse(localStorage.getItem('taiwa.data')).settings.lang);
      assert.equal(lang, 'en');
      assert.deepEqual(await page.errors(), []);
    },
  },
  {
    name: 'the data page says honestly whether the browser keeps storage',
    async run(page, { engine, notes }) {
      await page.goto('/data');
      await page.waitUntil(() => document.querySelector('.persist-state')?.textContent.trim(), [], 'an answer about persistent storage');
      const first = await page.text('.persist-state');
      notes.push(`persistent storage at first: ${first}`);
      if (/まだ約束していません/.test(first)) {
        await page.click({ role: 'button', name: '消さないように頼む' });
        // Whatever the browser decides, or while it waits for the user, the page says so.
        await page.waitUntil(() => !/まだ約束していません/.test(document.querySelector('.persist-state').textContent), [], 'the page to show the request');
        notes.push(`persistent storage after asking: ${await page.text('.persist-state')}`);
      }
      assert.match(await page.text('.persist-state'), /約束しています|頼みました|引き受けませんでした|仕組みがありません/);
      // WebKit may clear storage of a site not opened for about a week: said only there.
      const webkitNote = await page.count('.persist-webkit');
      assert.equal(webkitNote, engine === 'webkit' ? 1 : 0);
      if (webkitNote) assert.match(await page.text('.persist-webkit'), /7日ほど開かずにいると/);
      assert.deepEqual(await page.errors(), []);
    },
  },
  {
    name: 'copying a role-card link says whether it worked, also where there is no clipboard',
    async run(page, { notes }) {
      await page.goto('/scenarios/first-meeting/together');
      await page.click({ label: 'それぞれの端末で開く（リンクやQRコード）' });
      await page.click({ role: 'button', name: 'はじめる' });
      const card = '.card-link[data-role="person"]';
      await page.waitFor(`${card} a.share-url`);
      await page.click({ role: 'button', name: 'リンクをコピー', css: card });
      await page.waitUntil((c) => document.querySelector(`${c} [role="status"]`).textContent.trim(), [card], 'a message about the copy');
      const said = await page.text(`${card} [role="status"]`);
      assert.match(said, /コピーしました|コピーできなかった/);
      notes.push(`clipboard: ${said}`);
      // As on plain http, or in an older engine: no clipboard at all.
      await page.evaluate(() => {
        Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
      });
      const other = '.card-link[data-role="supporter"]';
      await page.click(`${other} button`);
      await page.waitFor(`${other} [role="status"]`, '自動ではコピーできなかったので、リンクを選んでおきました。Ctrl+C（Macは⌘C）でコピーしてください。');
      assert.deepEqual(await page.errors(), []);
    },
  },
  {
    name: 'no page scrolls sideways at phone width',
    async run(page, { notes }) {
      await page.goto('/');
      const width = await page.viewport(360, 720);
      notes.push(`narrowest page width: ${width} px${width > 360 ? ' (the window cannot be narrower)' : ''}`);
      assert.ok(width < 480, `the page is ${width} px wide`);
      const loaded = () => page.waitUntil(() => !/読み込んでいます|Loading…/.test(document.querySelector('main').innerText), [], 'content to load');
      for (const lang of ['ja', 'en']) {
        if (lang === 'en') {
          await page.click({ role: 'button', name: 'Switch to English' });
          // Let the English content arrive before leaving the page (Firefox
          // reports a request cut off by leaving as an error).
          await page.waitFor('main h1', /[A-Za-z]/);
          await loaded();
        }
        for (const path of ['/', '/scenarios', '/scenarios/first-meeting', '/scenarios/first-meeting/solo', '/reframe', '/reframe?set=mix', '/reframe/lens', '/facilitate', '/journal', '/data', '/settings', '/about', '/concepts']) {
          await page.goto(path);
          await loaded();
          const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.ok(over <= 0, `${lang} ${path} scrolls sideways by ${over}px`);
        }
      }
      assert.deepEqual(await page.errors(), []);
    },
  },
  {
    name: 'after one visit, the app opens without a network',
    async run(page, { site }) {
      await page.goto('/settings');
      await page.click({ role: 'button', name: 'Switch to English' });
      await page.waitFor('main h1', 'Settings');
      // The service worker has stored the app and controls the page.
      await page.waitUntil(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, [], 'the service worker');
      site.control.down = true;
      try {
        await page.reload();
        assert.equal(await page.text('main h1'), 'Settings');
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
        await page.goto('/about');
        assert.equal(await page.text('main h1'), 'About Taiwa');
        await page.click({ role: 'link', name: 'Role play' });
        await page.waitFor('.scenario-card');
      } finally {
        site.control.down = false;
      }
      assert.deepEqual(await page.errors(), []);
    },
  },
  {
    name: 'a reframe exercise marks advice with the lens',
    async run(page) {
      await page.goto('/reframe');
      await page.click({ role: 'link', name: '何があったの？' });
      await page.waitFor('#reframe-text');
      assert.equal(await page.count('mark'), 0, 'nothing marked before writing');
      await page.fill('#reframe-text', 'もっと休むべきです');
      await page.waitFor('mark.lens-mark', 'べき');
      assert.equal(await page.count('mark.lens-mark'), 1);
      assert.equal(await page.text('mark.lens-mark'), 'べき');
      assert.equal(await page.attribute('mark.lens-mark', 'data-kind'), 'advice');
      // A cue besides colour: the kind's name next to the mark.
      assert.equal(await page.text('.lens-mirror .lens-tag'), '1 助言・指示');
      assert.deepEqual(await page.errors(), []);
    },
  },
  {
    name: 'the presenter view moves by keyboard, and full screen works or says it cannot',
    async run(page, { notes }) {
      await page.goto('/facilitate');
      await page.click({ role: 'button', name: 'ひな形から作る（90分）' });
      await page.waitUntil(() => location.pathname.includes('/facilitate/plan/'), [], 'the new plan');
      await page.click({ role: 'button', name: '画面共有を始める' });
      await page.waitFor('.present-title');
      const title = () => page.text('.present-title');
      const titled = (want) => page.waitUntil((w) => document.querySelector('.present-title')?.innerText === w, [want], `the step "${want}"`);
      assert.equal(await title(), 'ようこそ');
      await page.press('ArrowRight');
      await titled('チェックイン');
      await page.press('ArrowRight');
      await titled('今日のテーマ');
      await page.press('ArrowLeft');
      await titled('チェックイン');
      assert.equal(await page.text('.present-progress'), '2 / 7');
      // F: full screen, or a plain word that this browser will not.
      await page.press('f');
      const outcome = await page.waitUntil(() => (document.fullscreenElement ? 'full screen'
        : document.querySelector('.present-message')?.textContent.trim()), [], 'full screen or a message');
      notes.push(`full screen: ${outcome}`);
      if (outcome === 'full screen') {
        await page.press('f');
        await page.waitUntil(() => !document.fullscreenElement, [], 'full screen to end');
      }
      // As on an iPhone: no full screen for pages at all.
      await page.evaluate(() => {
        Object.defineProperty(Element.prototype, 'requestFullscreen', { value: undefined, configurable: true });
      });
      await page.press('f');
      await page.waitFor('.present-message', 'このブラウザでは、ページを全画面にできません');
      assert.equal(await title(), 'チェックイン', 'still presenting');
      assert.deepEqual(await page.errors(), []);
    },
  },
];

let site;
let dir;
before(async () => {
  site = await serve([{ prefix: '/', dir: DIST }], 0, { inject: { path: '/__e2e/errors.js', script: COLLECTOR } });
  dir = await mkdtemp(join(tmpdir(), 'taiwa-engines-'));
});
after(async () => {
  await site?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

for (const engine of ENGINES) {
  describe(engine, () => {
    // Started by the first test that needs it, so that an engine that cannot
    // start fails each of its tests with the reason.
    let starting;
    const browser = () => (starting ??= launch(engine));
    after(async () => {
      const b = await starting?.catch(() => null);
      await b?.close();
    });

    for (const flow of FLOWS) {
      test(`${engine}: ${flow.name}`, { timeout: 180_000 }, async (t) => {
        const b = await browser();
        // A browser that crashes or stops answering (seen with WebKitGTK on a
        // loaded machine) gets one more try in a new session, and the test
        // says so; a failed check is never tried again.
        for (let attempt = 1; ; attempt++) {
          const page = await b.newPage(site.origin);
          const notes = [];
          try {
            await flow.run(page, { engine, dir, notes, site });
            break;
          } catch (e) {
            if (!(e instanceof EngineLost) || attempt > 1) throw e;
            t.diagnostic(`${engine} ${b.version}: the browser was lost (${e.message.slice(0, 300)}); run again in a new session`);
          } finally {
            for (const n of notes) t.diagnostic(`${engine} ${b.version}: ${n}`);
            await page.close().catch((e) => { if (!(e instanceof EngineLost)) throw e; });
          }
        }
      });
    }
  });
}
