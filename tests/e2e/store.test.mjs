// The store's promises that the shell already relies on: corrupt data is set
// aside and the user told; refused storage leaves the app working in memory.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { open, go, ready, teardown } from './harness.mjs';

after(teardown);

test('corrupt stored data is set aside, the user is told, and the app starts afresh', async () => {
  const { context, page, errors, origin } = await open();
  await go(page, origin, '/');
  await page.evaluate(() => localStorage.setItem('taiwa.data', '{"app":"taiwa","schema":1,"journal":{"x": broken'));
  await page.reload();
  await ready(page);
  const notice = page.locator('[data-notice="Quarantined"]');
  assert.match(await notice.innerText(), /読めませんでした/);
  const kept = await page.evaluate(() => {
    const keys = Object.keys(localStorage).filter((k) => k.startsWith('taiwa.quarantine.'));
    return keys.map((k) => localStorage.getItem(k));
  });
  assert.deepEqual(kept, ['{"app":"taiwa","schema":1,"journal":{"x": broken']);
  // The app still works and saves.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('taiwa.data')).settings.lang);
  assert.equal(saved, 'en');
  assert.deepEqual(errors, []);
  await context.close();
});

test('one damaged record is set aside on its own: the good notes open, and only the bad one is kept aside', async () => {
  const { context, page, errors, origin } = await open();
  await go(page, origin, '/');
  const note = (id, text, t) => ({ id, created: t, updated: t, body: { kind: 'note', text } });
  const doc = {
    app: 'taiwa', schema: 3,
    journal: {
      a: note('a', '一つめのメモ', 1700000000000),
      b: { ...note('b', '', 1700000100000), body: { kind: 'note', text: { damaged: true } } },
      c: note('c', '三つめのメモ', 1700000200000),
    },
  };
  await page.evaluate((d) => localStorage.setItem('taiwa.data', JSON.stringify(d)), doc);
  await go(page, origin, '/journal');
  await page.locator('article.entry').first().waitFor();
  const texts = await page.locator('article.entry').allInnerTexts();
  assert.equal(texts.length, 2);
  assert.match(texts.join('\n'), /一つめのメモ[\s\S]*|三つめのメモ/);
  assert.match(await page.locator('[data-notice="SetAside(1)"]').innerText(), /1件が読めませんでした/);
  const kept = await page.evaluate(() => Object.keys(localStorage)
    .filter((k) => k.startsWith('taiwa.quarantine.'))
    .map((k) => JSON.parse(localStorage.getItem(k))));
  assert.equal(kept.length, 1);
  assert.deepEqual(kept[0].set_aside.map((r) => [r.kind, r.id]), [['journal', 'b']]);
  assert.deepEqual(kept[0].set_aside[0].raw.body.text, { damaged: true });
  // Written back without it, the good notes stay after a reload.
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('taiwa.data')));
  assert.deepEqual(Object.keys(stored.journal).sort(), ['a', 'c']);
  await page.reload();
  await ready(page);
  assert.equal(await page.locator('article.entry').count(), 2);
  // The data page offers what was set aside.
  await go(page, origin, '/data');
  assert.ok(await page.locator('.quarantine button').count() >= 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('when storage is refused, the app works in memory and says so', async () => {
  const { context, page, errors, origin } = await open();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await go(page, origin, '/');
  assert.match(await page.locator('[data-notice="MemoryOnly"]').innerText(), /保存ができません/);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  assert.equal(await page.locator('main h1').innerText(), 'Welcome to Taiwa');
  assert.match(await page.locator('[data-notice="MemoryOnly"]').innerText(), /cannot save|will not let Taiwa save/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('data written by a newer Taiwa is opened read-only and never overwritten', async () => {
  const { context, page, origin } = await open();
  await go(page, origin, '/');
  const future = JSON.stringify({ app: 'taiwa', schema: 99, settings: { lang: 'ja', updated: 1 }, journal: {}, future_field: [1, 2, 3] });
  await page.evaluate((v) => localStorage.setItem('taiwa.data', v), future);
  await page.reload();
  await ready(page);
  assert.match(await page.locator('[data-notice="Newer"]').innerText(), /新しい版/);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  assert.equal(await page.evaluate(() => localStorage.getItem('taiwa.data')), future);
  await context.close();
});
