// Practice that answers back: the lens reads one's own words, the responses
// come in an order of the run's own, the other person reacts, a choice leads
// to its own turn (built-in and own scenarios), read-aloud only with a voice
// on the device, share links read again in the same tab, and a phone shows
// the other person's line with one's own box.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { open, go, ready, teardown, library, shareCode } from './harness.mjs';

after(teardown);

const TURN = '自分なら、何と言いますか？';

async function answerAndOpen(page, text) {
  await page.getByLabel(TURN).fill(text);
  await page.getByRole('button', { name: 'ほかの言い方を見る' }).click();
  await page.locator('.responses').waitFor();
}

/** The response texts in the order shown. */
const shownOrder = (page) => page.locator('.responses .response-text').allInnerTexts();

test('the lens marks advice and minimising in one\'s own words, says it is a hint, and the debrief and journal keep the marks', async () => {
  const { context, page, errors, origin } = await open();
  await go(page, origin, '/scenarios/first-meeting/solo');
  await page.locator('.moment').waitFor();
  await answerAndOpen(page, '気にしなくていいよ。もっと自信を持ったほうがいいと思う。');
  const lens = page.locator('.lens-on-words');
  const kinds = await lens.locator('mark.lens-mark').evaluateAll((ms) => ms.map((m) => m.dataset.kind));
  assert.ok(kinds.includes('advice') && kinds.includes('minimising'), kinds.join(' '));
  assert.match(await lens.innerText(), /ヒントです。判定ではありません/);
  assert.match(await page.locator('.second-look').innerText(), /もう一度見るなら/);
  // Through the rest, aloud, to the debrief: it gathers what the lens noticed.
  while (await page.getByRole('button', { name: '次のやりとりへ' }).count()) {
    await page.getByRole('button', { name: '次のやりとりへ' }).click();
    await page.getByRole('button', { name: '声に出して言う（書かずに進む）' }).click();
    await page.locator('.responses').waitFor();
  }
  await page.getByRole('button', { name: 'ふりかえりへ' }).click();
  const noticed = page.locator('.noticed-list');
  assert.match(await noticed.innerText(), /やりとり 1：「.*ほうがいい.*」（助言・指示）/);
  assert.match(await page.locator('.debrief .path').innerText(), /やりとり 1 → やりとり 2/);
  await page.getByRole('button', { name: '保存して終える' }).click();
  await page.getByRole('link', { name: 'ふりかえりを開く' }).click();
  const entry = page.locator('article.entry[data-kind="reflection"]');
  await entry.locator('mark.lens-mark').first().waitFor();
  assert.ok(await entry.locator('mark.lens-mark').count() >= 2, 'the journal shows the marks');
  assert.match(await entry.locator('.path').innerText(), /たどった道/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the order of responses is the run\'s own: the same after a reload, another in a new run', async () => {
  const { context, page, origin } = await open();
  await go(page, origin, '/scenarios/first-meeting/solo');
  await page.locator('.moment').waitFor();
  await answerAndOpen(page, 'ようこそ');
  const first = await shownOrder(page);
  await page.reload();
  await ready(page);
  await page.locator('.responses').waitFor();
  assert.deepEqual(await shownOrder(page), first, 'a reload keeps the order');
  // New runs: their orders are not all the same (with three or more
  // responses, six runs in the same order would be a chance below 1 in 7,000).
  const orders = new Set([first.join('|')]);
  for (let run = 0; run < 6; run++) {
    await page.getByRole('button', { name: '最初からやり直す' }).click();
    await answerAndOpen(page, 'ようこそ');
    orders.add((await shownOrder(page)).join('|'));
  }
  assert.ok(orders.size >= 2, 'every run showed the same order');
  // And the file's first response is not always shown first.
  const fileFirst = library().scenarios.find((s) => s.id === 'first-meeting').moments[0].responses[0].text.ja;
  const firsts = [...orders].map((o) => o.split('|')[0]);
  assert.ok(firsts.some((f) => f !== fileFirst), 'the file\'s first response always came first');
  await context.close();
});

/** A branching moment of a built-in scenario: two responses leading to different turns. */
function branchingMoment() {
  for (const s of library().scenarios) {
    const at = (id) => s.moments.findIndex((m) => m.id === id);
    for (const [i, m] of s.moments.entries()) {
      // Only the first moment, so the test can reach it at once.
      if (i !== 0) continue;
      const leads = m.responses.map((r) => (r.next ? at(r.next) : (m.next ? at(m.next) : i + 1)));
      const a = leads.findIndex((x) => x >= 0);
      const b = leads.findIndex((x, k) => x >= 0 && x !== leads[a] && k !== a);
      if (a >= 0 && b >= 0 && !s.heavy.length) {
        return { s, a: m.responses[a], b: m.responses[b], toA: s.moments[leads[a]], toB: s.moments[leads[b]] };
      }
    }
  }
  throw new Error('no built-in scenario branches at its first moment');
}

test('marking a response shows how the other person answers, and its turn follows', async () => {
  const { s, a, b, toA, toB } = branchingMoment();
  const { context, page, errors, origin } = await open();
  await go(page, origin, `/scenarios/${s.id}/solo`);
  await page.locator('.moment').waitFor();
  await answerAndOpen(page, 'いま、どんな感じ？');
  const pick = (r) => page.locator('.response', { hasText: r.text.ja }).getByLabel('これが一番近い');
  await pick(a).check();
  assert.equal((await page.locator('.their-answer').innerText()).trim(), `相手：${a.reaction.ja}`);
  assert.ok(await page.locator('.response.chosen details.reaction[open]').count() === 1, 'its reaction opens');
  // Every reaction can be opened.
  const other = page.locator('.response', { hasText: b.text.ja }).locator('details.reaction');
  await other.locator('summary').click();
  assert.match(await other.innerText(), new RegExp(b.reaction.ja.slice(0, 8).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await page.getByRole('button', { name: /次のやりとりへ|ふりかえりへ/ }).click();
  assert.equal(await page.locator('.they-say blockquote').innerText(), toA.other.ja);
  // Back, choose the other: the other turn.
  await page.getByRole('button', { name: '戻る' }).click();
  await pick(b).check();
  await page.getByRole('button', { name: /次のやりとりへ|ふりかえりへ/ }).click();
  assert.equal(await page.locator('.they-say blockquote').innerText(), toB.other.ja);
  assert.notEqual(toA.other.ja, toB.other.ja);
  assert.deepEqual(errors, []);
  await context.close();
});

/** A finished own scenario, written in Japanese, of three plain turns. */
function ownScenario() {
  const t = (ja) => ({ ja, en: '' });
  const response = (n, k) => ({
    text: t(`応答${n}-${k}のことば`), toward: ['connection'], away: ['mutuality'],
    note: t('ふりかえりのひとこと'), reaction: t(`反応${n}-${k}`),
  });
  const moment = (n) => ({ other: t(`相手のことば${n}`), responses: [response(n, 1), response(n, 2)] });
  const role = (kind) => ({ kind, name: t(kind), briefing: t('説明'), ...(kind === 'observer' ? {} : { holding_back: t('言わないこと') }) });
  return {
    id: 'mine-branch', minutes: 15, setting: 'support_centre', tasks: ['connection'], principles: ['learning'], heavy: [],
    title: t('分かれる道の練習'), situation: t('支援センターで'), opening: t('「こんにちは」'),
    roles: ['supporter', 'person', 'observer'].map(role),
    moments: [1, 2, 3].map(moment),
    debrief: { connection: t('問い'), worldview: t('問い'), mutuality: t('問い'), moving_towards: t('問い') },
  };
}

test('an own scenario made to branch in the editor plays along its branch to the end', async () => {
  const { context, page, errors, origin } = await open();
  await go(page, origin, '/');
  const doc = {
    app: 'taiwa', schema: 3,
    own: { scenarios: { 'mine-branch': { lang: 'ja', created: 1, updated: 1, deleted: false, item: ownScenario() } } },
  };
  await page.evaluate((d) => localStorage.setItem('taiwa.data', JSON.stringify(d)), doc);
  await go(page, origin, '/mine/scenario/mine-branch');
  // Turn 1's second response leads to turn 3, in the editor.
  await page.locator('#f-moments-0-responses-1-next').selectOption({ label: 'やりとり 3 へ' });
  assert.match(await page.locator('.own-state').innerText(), /できあがり/);
  await go(page, origin, '/scenarios/mine-branch/solo');
  await page.locator('.moment').waitFor();
  await answerAndOpen(page, 'こんにちは');
  await page.locator('.response', { hasText: '応答1-2のことば' }).getByLabel('これが一番近い').check();
  assert.match(await page.locator('.their-answer').innerText(), /反応1-2/);
  await page.getByRole('button', { name: '次のやりとりへ' }).click();
  assert.equal(await page.locator('.they-say blockquote').innerText(), '相手のことば3', 'the branch leads to turn 3');
  await page.getByRole('button', { name: '声に出して言う（書かずに進む）' }).click();
  await page.getByRole('button', { name: 'ふりかえりへ' }).click();
  assert.match(await page.locator('.debrief .path').innerText(), /やりとり 1 → やりとり 3$/);
  await page.getByRole('button', { name: '保存して終える' }).click();
  assert.match(await page.locator('.done').innerText(), /保存しました/);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Replaces speechSynthesis before the app loads, with these voices; records what is spoken. */
const stubSpeech = (voices) => {
  // (Own properties: the prototype's are getters that cannot be assigned.)
  const list = voices.map((v) => {
    const voice = Object.create(SpeechSynthesisVoice.prototype);
    for (const [k, value] of Object.entries(v)) Object.defineProperty(voice, k, { value });
    return voice;
  });
  window.spoken = [];
  const fake = new EventTarget();
  fake.getVoices = () => list;
  fake.speak = (u) => window.spoken.push({ text: u.text, voice: u.voice && u.voice.name });
  fake.cancel = () => {};
  Object.defineProperty(window, 'speechSynthesis', { value: fake, configurable: true });
  // (The browser's own utterance would refuse a voice that is not its own.)
  window.SpeechSynthesisUtterance = class {
    constructor(text) { this.text = text; }
  };
};

test('read aloud is offered only with a voice on the device, and uses it', async () => {
  const { context, page, origin } = await open();
  await page.addInitScript(stubSpeech, [
    { name: 'Cloud Japanese', lang: 'ja-JP', localService: false },
    { name: 'Cloud English', lang: 'en-US', localService: false },
  ]);
  await go(page, origin, '/scenarios/first-meeting/solo');
  await page.locator('.moment').waitFor();
  assert.equal(await page.locator('button.read-aloud').count(), 0, 'no button with remote voices only');
  await context.close();

  const local = await open();
  await local.page.addInitScript(stubSpeech, [
    { name: 'Cloud Japanese', lang: 'ja-JP', localService: false },
    { name: 'Device Japanese', lang: 'ja-JP', localService: true },
  ]);
  await go(local.page, local.origin, '/scenarios/first-meeting/solo');
  await local.page.locator('.moment').waitFor();
  await local.page.getByRole('button', { name: '相手のことばを読み上げる' }).click();
  const spoken = await local.page.evaluate(() => window.spoken);
  assert.equal(spoken.length, 1);
  assert.equal(spoken[0].voice, 'Device Japanese');
  assert.equal(spoken[0].text, await local.page.locator('.they-say blockquote').innerText());
  await local.context.close();
});

test('two share links opened one after the other in one tab each show their own preview', async () => {
  const deck = (title) => shareCode({
    t: 'deck', lang: 'ja',
    deck: { id: 'mine-x', kind: 'theme', title: { ja: title, en: '' }, prompt: [{ id: 'p1', text: { ja: '今日の問い', en: '' } }] },
  });
  const { context, page, errors, origin } = await open();
  await go(page, origin, `/open#${deck('一つめのカード')}`);
  await page.locator('#shared-title').waitFor();
  assert.equal(await page.locator('#shared-title').innerText(), '一つめのカード');
  await page.goto(`${origin}/open#${deck('二つめのカード')}`);
  await page.waitForFunction(() => document.querySelector('#shared-title')?.textContent === '二つめのカード');
  await page.goto(`${origin}/open#2damaged`);
  await page.locator('.open-page [role="alert"], .open-page .notice').first().waitFor();
  assert.equal(await page.locator('#shared-title').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a 360×640 phone, the other person\'s line and one\'s own box are in view at every turn', async () => {
  const { context, page, origin } = await open({ viewport: { width: 360, height: 640 } });
  const s = library().scenarios.find((x) => x.id === 'first-meeting');
  await go(page, origin, '/scenarios/first-meeting/solo');
  for (let turn = 0; turn < s.moments.length; turn++) {
    await page.locator('.your-turn textarea').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    for (const sel of ['.they-say blockquote', '.your-turn textarea']) {
      const box = await page.locator(sel).boundingBox();
      assert.ok(box && box.y >= 0 && box.y + box.height <= 640, `turn ${turn + 1}: ${sel} at ${JSON.stringify(box)}`);
    }
    assert.ok(await page.getByRole('button', { name: 'メニュー' }).isVisible(), 'the navigation is a menu');
    await page.getByRole('button', { name: '声に出して言う（書かずに進む）' }).click();
    await page.locator('.responses').waitFor();
    const next = page.getByRole('button', { name: '次のやりとりへ' });
    if (!(await next.count())) break;
    await next.click();
  }
  // The menu opens the navigation, and closes with the page chosen.
  await page.getByRole('button', { name: 'メニュー' }).click();
  await page.locator('header nav a', { hasText: 'ふりかえり' }).click();
  await page.locator('.journal').waitFor();
  assert.equal(await page.locator('header nav').isVisible(), false);
  await context.close();
});
