// Share links for whole things: a session plan shared from its editor and
// opened in another profile (preview first, nothing kept until saved); a
// scenario written by someone else; and damaged, tampered and oversized links
// refused with a message while the data already there stays as it was.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { open, go, ready, teardown, DIST } from './harness.mjs';

after(teardown);

/** CRC-32 (IEEE), as the app computes it. */
function crc32(bytes) {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let i = 0; i < 8; i++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A share code of format 2, made the way the app makes it. */
function code(share) {
  const json = Buffer.from(JSON.stringify(share));
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc32(json));
  return '2' + Buffer.concat([deflateRawSync(json, { level: 9 }), sum]).toString('base64url');
}

const stored = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('taiwa.data') || 'null'));

/** A built-in scenario as someone might have written it: Japanese only. */
async function scenarioInJapanese(id) {
  const dir = join(DIST, 'content');
  const file = (await readdir(dir)).find((f) => f.startsWith('ja-'));
  const lib = JSON.parse(await readFile(join(dir, file), 'utf8'));
  const blank = (v) => {
    if (Array.isArray(v)) return v.map(blank);
    if (v && typeof v === 'object') {
      const keys = Object.keys(v);
      if (keys.length === 2 && keys.includes('ja') && keys.includes('en')) return { ja: v.ja, en: '' };
      return Object.fromEntries(keys.map((k) => [k, blank(v[k])]));
    }
    return v;
  };
  return blank(lib.scenarios.find((s) => s.id === id));
}

test('a session plan shared from its editor opens elsewhere as a preview, and is kept only when saved', async () => {
  const a = await open();
  await go(a.page, a.origin, '/facilitate');
  await a.page.getByRole('button', { name: 'ひな形から作る（90分）' }).click();
  await a.page.waitForURL(/\/facilitate\/plan\//);
  await a.page.getByLabel('進行表の名前').fill('12月の学習会');
  const share = a.page.getByRole('button', { name: '共有する' });
  assert.equal(await share.getAttribute('aria-expanded'), 'false');
  await share.click();
  assert.equal(await share.getAttribute('aria-expanded'), 'true');
  const link = a.page.locator('.share-link a.share-url');
  const url = await link.getAttribute('href');
  assert.match(url, /\/open#2[A-Za-z0-9_-]+$/);
  assert.equal(await a.page.locator('.share-link svg.qr path').count(), 1, 'a plan fits in a QR code');
  await a.context.close();

  const b = await open();
  // Someone who already has a journal entry of their own.
  await go(b.page, b.origin, '/');
  await b.page.evaluate(() => localStorage.setItem('taiwa.data', JSON.stringify({
    app: 'taiwa', schema: 2,
    journal: { n1: { id: 'n1', created: 1, updated: 1, body: { kind: 'note', text: '私のメモ' } } },
  })));
  await b.page.goto(url);
  await ready(b.page);
  const main = b.page.locator('main');
  await main.getByRole('heading', { name: '共有されたもの' }).waitFor();
  const text = await main.innerText();
  assert.match(text, /学習会の進行表/);
  assert.match(text, /12月の学習会/);
  assert.match(text, /7ステップ・合計90分/);
  assert.equal(Object.keys((await stored(b.page)).plans ?? {}).length, 0, 'nothing is kept before the choice');
  await b.page.getByRole('button', { name: '保存しない' }).click();
  await main.getByText('保存しませんでした。あなたのデータは何も変わっていません。').waitFor();
  assert.equal(Object.keys((await stored(b.page)).plans ?? {}).length, 0);

  await b.page.reload();
  await ready(b.page);
  await b.page.getByRole('button', { name: '自分のものとして保存する' }).click();
  await main.getByText('保存しました。').waitFor();
  const after = await stored(b.page);
  const plans = Object.values(after.plans);
  assert.equal(plans.length, 1);
  assert.equal(plans[0].name, '12月の学習会');
  assert.equal(after.journal.n1.body.text, '私のメモ', 'what was there stays');
  await main.getByRole('link', { name: '進行表を開く' }).click();
  await b.page.waitForURL(/\/facilitate\/plan\//);
  assert.equal(await b.page.getByLabel('進行表の名前').inputValue(), '12月の学習会');
  // The code travelled in the fragment: no request carried it.
  assert.ok(b.requests.every((r) => !r.includes('#')));
  assert.deepEqual(b.errors, []);
  await b.context.close();
});

test('a whole scenario arrives in a link: a heavy one shows its note, not its story, until saved', async () => {
  const scenario = await scenarioInJapanese('first-meeting');
  const { context, page, origin, errors } = await open({ locale: 'en-US' });
  await go(page, origin, '/open#' + code({ t: 'scenario', lang: 'ja', scenario }));
  const main = page.locator('main');
  await main.getByRole('heading', { name: 'Shared with you' }).waitFor();
  const text = await main.innerText();
  assert.match(text, /Role-play scenario/);
  assert.match(text, /Written in: Japanese/);
  assert.match(text, new RegExp(scenario.title.ja));
  assert.match(text, /Moments: \d/);
  await page.getByRole('button', { name: 'Save it as my own' }).click();
  await main.getByText('Saved.').waitFor();
  // In a fresh profile the first write waits for the store's module.
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('taiwa.data') || '{}').own?.scenarios);
  const doc = await stored(page);
  const [id] = Object.keys(doc.own.scenarios);
  assert.match(id, /^mine-/);
  assert.equal(doc.own.scenarios[id].lang, 'ja');
  assert.equal(doc.own.scenarios[id].item.title.ja, scenario.title.ja);

  const heavy = await scenarioInJapanese('wanting-to-die');
  await page.goto(origin + '/open#' + code({ t: 'scenario', lang: 'ja', scenario: heavy }));
  await page.reload();
  await ready(page);
  await main.getByRole('heading', { name: 'Shared with you' }).waitFor();
  const heavyText = await main.innerText();
  assert.ok(heavyText.includes(heavy.content_note.ja), 'the content note is shown');
  assert.ok(!heavyText.includes(heavy.situation.ja.slice(0, 20)), 'the situation is not');
  assert.deepEqual(errors, []);
  await context.close();
});

test('damaged, tampered, invalid and oversized links are refused, and nothing changes', async () => {
  const { context, page, origin } = await open();
  await go(page, origin, '/');
  // (Of the current schema: read as it is, never written back.)
  const before = { app: 'taiwa', schema: 3, journal: { n1: { id: 'n1', created: 1, updated: 1, body: { kind: 'note', text: '大事なメモ' } } } };
  await page.evaluate((d) => localStorage.setItem('taiwa.data', JSON.stringify(d)), before);
  const deck = {
    t: 'deck', lang: 'ja',
    deck: { id: 'mine-x', kind: 'check_in', title: { ja: 'はじまり', en: '' }, prompt: [{ id: 'p1', text: { ja: '今の気分は？', en: '' } }] },
  };
  const good = code(deck);
  const cases = [
    ['cut short', good.slice(0, good.length - 9), /途中で切れているか/],
    ['one character changed', good.slice(0, 12) + (good[12] === 'A' ? 'B' : 'A') + good.slice(13), /途中で切れているか|書きかえられている/],
    ['not in the shape of a deck', code({ ...deck, deck: { ...deck.deck, prompt: [] } }), /形になっていません/],
    ['too long', '2' + 'A'.repeat(70000), /長すぎる/],
    ['from a newer app', '9' + good.slice(1), /新しい版/],
  ];
  for (const [name, c, message] of cases) {
    await page.goto(origin + '/open#' + c);
    await page.reload();
    await ready(page);
    const alert = page.locator('main [role="alert"]');
    await alert.waitFor();
    const said = await alert.innerText();
    assert.match(said, /読み取れませんでした/, name);
    assert.match(said, message, name);
    assert.match(said, /何も変わっていません/, name);
    assert.equal(await page.getByRole('button', { name: '自分のものとして保存する' }).count(), 0, name);
  }
  // The good one still previews, and the stored data is exactly as it was.
  await page.goto(origin + '/open#' + good);
  await page.reload();
  await ready(page);
  await page.getByRole('button', { name: '自分のものとして保存する' }).waitFor();
  assert.deepEqual(await stored(page), before);
  await context.close();
});

test('a finished deck of my own is shared from /mine and saved on another device, ready to use', async () => {
  const a = await open();
  await go(a.page, a.origin, '/');
  const deck = { id: 'mine-d1', kind: 'check_in', title: { ja: '冬のチェックイン', en: '' }, prompt: [
    { id: 'p1', text: { ja: 'この一週間で、ほっとした瞬間は？', en: '' } },
    { id: 'p2', text: { ja: '今日、ここに持ってきたい気持ちは？', en: '' } },
  ] };
  const draft = { id: 'mine-d2', kind: 'theme', title: { ja: '書きかけ', en: '' }, prompt: [] };
  await a.page.evaluate((own) => localStorage.setItem('taiwa.data', JSON.stringify({ app: 'taiwa', schema: 2, own })), {
    decks: {
      'mine-d1': { lang: 'ja', created: 2, updated: 2, item: deck },
      'mine-d2': { lang: 'ja', created: 1, updated: 1, item: draft },
    },
  });
  await go(a.page, a.origin, '/mine');
  assert.equal(await a.page.getByRole('button', { name: '共有する: 書きかけ' }).count(), 0, 'a draft cannot be shared');
  await a.page.getByRole('button', { name: '共有する: 冬のチェックイン' }).click();
  const url = await a.page.locator('[data-id="mine-d1"] a.share-url').getAttribute('href');
  assert.match(url, /\/open#2/);
  await a.context.close();

  const b = await open();
  await b.page.goto(url);
  await ready(b.page);
  const main = b.page.locator('main');
  assert.match(await main.innerText(), /この一週間で、ほっとした瞬間は？/);
  await b.page.getByRole('button', { name: '自分のものとして保存する' }).click();
  await main.getByRole('link', { name: '開く' }).click();
  await b.page.waitForURL(/\/mine\/deck\/mine-/);
  await go(b.page, b.origin, '/mine');
  assert.match(await b.page.locator('.own-card').innerText(), /冬のチェックイン/);
  assert.match(await b.page.locator('.own-card').innerText(), /できあがり/);
  assert.deepEqual(b.errors, []);
  await b.context.close();
});
