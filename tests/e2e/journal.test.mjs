// The journal: what the user kept, searchable, editable, deletable with undo.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { open, go, ready, teardown } from './harness.mjs';

after(teardown);

const DOC = {
  app: 'taiwa',
  schema: 1,
  settings: { lang: 'ja', theme: 'system', text_size: 'normal', updated: 1 },
  journal: {
    'note-1': { id: 'note-1', created: 1700000000000, updated: 1700000000000, body: { kind: 'note', text: 'ケース記録を書きなおしたメモ' } },
    'reframe-1': {
      id: 'reframe-1', created: 1700000100000, updated: 1700000100000,
      body: { kind: 'reframe', reframe: 'x', phrase: { ja: '何が問題なの？', en: "What's wrong?" }, text: 'どんなことがあったのか、聞かせてもらえますか' },
    },
  },
};

async function seeded() {
  const s = await open();
  await go(s.page, s.origin, '/');
  await s.page.evaluate((d) => localStorage.setItem('taiwa.data', JSON.stringify(d)), DOC);
  await go(s.page, s.origin, '/journal');
  return s;
}

test('the journal lists what was kept, newest first, and searches across kana and width', async () => {
  const { context, page, errors } = await seeded();
  const entries = page.locator('article.entry');
  assert.equal(await entries.count(), 2);
  assert.equal(await entries.first().locator('h2').innerText(), '何が問題なの？');
  await page.getByLabel('さがす').fill('ケース');
  assert.equal(await entries.count(), 1);
  await page.getByLabel('さがす').fill('けーす');
  assert.equal(await entries.count(), 1);
  assert.match(await entries.first().innerText(), /ケース記録を書きなおしたメモ/);
  await page.getByLabel('さがす').fill('存在しない言葉');
  assert.equal(await entries.count(), 0);
  assert.match(await page.locator('.empty').innerText(), /合うものはありません/);
  await page.getByLabel('さがす').fill('');
  await page.getByLabel('種類').selectOption('reframe');
  assert.equal(await entries.count(), 1);
  assert.equal(await entries.first().getAttribute('data-kind'), 'reframe');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an entry can be edited, and the edit is kept after a reload', async () => {
  const { context, page } = await seeded();
  const note = page.locator('article.entry[data-kind="note"]');
  await note.getByRole('button', { name: '編集' }).click();
  await note.getByLabel('本文').fill('書きかえたメモ');
  await note.getByRole('button', { name: '保存' }).click();
  assert.match(await page.locator('article.entry[data-kind="note"]').innerText(), /書きかえたメモ/);
  await page.reload();
  await ready(page);
  assert.match(await page.locator('article.entry[data-kind="note"]').innerText(), /書きかえたメモ/);
  await context.close();
});

test('delete takes an entry away, undo brings it back, and a reload agrees', async () => {
  const { context, page } = await seeded();
  const entries = page.locator('article.entry');
  await page.locator('article.entry[data-kind="note"]').getByRole('button', { name: '削除' }).click();
  assert.equal(await entries.count(), 1);
  await page.getByRole('button', { name: '元に戻す' }).click();
  assert.equal(await entries.count(), 2);
  await page.locator('article.entry[data-kind="reframe"]').getByRole('button', { name: '削除' }).click();
  await page.reload();
  await ready(page);
  assert.equal(await entries.count(), 1);
  assert.equal(await entries.first().getAttribute('data-kind'), 'note');
  await context.close();
});

test('an empty journal says what will appear there', async () => {
  const { context, page, origin } = await open({ locale: 'en-US' });
  await go(page, origin, '/journal');
  assert.match(await page.locator('.empty').innerText(), /Nothing here yet/);
  await context.close();
});
