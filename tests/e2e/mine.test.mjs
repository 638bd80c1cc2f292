// The user's own content, as a person meets it: writing a reframe, a deck and a
// scenario in the app, seeing what is left said kindly next to each field as
// they type, and finding the finished item everywhere the built-in ones are:
// the reframing studio, a session plan, the scenario list and solo practice.
// A draft is kept but stays out of the library; a deleted item leaves it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { open, go, ready, h1, teardown, OWN_SAMPLE, focusIs } from './harness.mjs';

after(teardown);

const doc = async (page) => JSON.parse((await page.evaluate(() => localStorage.getItem('taiwa.data'))) || '{}');
const state = (page) => page.locator('.own-state').innerText();
const problem = (page, id) => page.locator(`#${id}-problem`).innerText();

/** Creates an item from /mine and waits for its editor. */
async function create(page, origin, button) {
  await go(page, origin, '/mine');
  await page.getByRole('button', { name: button }).click();
  await page.locator('.own-editor .own-state').waitFor();
  return page.url().split('/').pop();
}

test('a reframe: what is left shrinks while typing, it is kept after a reload, and it is practised in the studio', async () => {
  const { context, page, errors, origin } = await open();
  const id = await create(page, origin, '言いかえを作る');
  assert.match(id, /^mine-[a-z0-9-]+$/);
  assert.equal(await h1(page), '言いかえを書く');
  assert.match(await state(page), /^あと4か所です。/);
  // The problem is said next to its field, and tied to it.
  assert.equal(await problem(page, 'f-phrase'), 'まだ空いています。');
  const described = await page.getByLabel('言いかえる前の言葉', { exact: true }).getAttribute('aria-describedby');
  assert.ok(described.split(' ').includes('f-phrase-problem'), described);
  assert.equal(await page.getByLabel('言いかえる前の言葉', { exact: true }).getAttribute('aria-invalid'), 'true');

  await page.getByLabel('言いかえる前の言葉', { exact: true }).pressSequentially('また薬を飲み忘れたの？');
  assert.match(await state(page), /^あと3か所です。/);
  assert.equal(await problem(page, 'f-phrase'), '');
  assert.equal(await page.getByLabel('言いかえる前の言葉', { exact: true }).getAttribute('aria-invalid'), null);
  assert.equal(await page.locator('#f-phrase-count').innerText(), '11 / 80字');

  await page.getByLabel('例 1', { exact: true }).fill('お薬のこと、最近どんな感じですか？');
  assert.match(await state(page), /^あと2か所です。/);
  // Too long: said with the count and the limit, and it stays a draft.
  await page.getByLabel('例 2', { exact: true }).fill('あ'.repeat(101));
  assert.equal(await problem(page, 'f-examples-1'), 'いま101字です。100字までにすると、スマートフォンの画面に収まります。');
  assert.match(await state(page), /^あと2か所です。/);
  await page.getByLabel('例 2', { exact: true }).fill('飲みにくいと感じることがあったら、聞かせてください。');
  await page.getByLabel('何が変わるか、ひとこと', { exact: true }).fill('確かめる問いから、知りたい問いへ。');
  assert.match(await state(page), /^できあがりです。/);
  assert.doesNotMatch(await page.locator('main').innerText(), /まちがい|不正解|エラー/);

  await page.reload();
  await ready(page);
  await page.locator('.own-state').waitFor();
  assert.match(await state(page), /^できあがりです。/);
  assert.equal(await page.getByLabel('言いかえる前の言葉', { exact: true }).inputValue(), 'また薬を飲み忘れたの？');

  // In the studio: its own set, and practised like any other phrase.
  await go(page, origin, '/reframe');
  await page.getByRole('link', { name: '自分で作った言いかえ', exact: true }).click();
  await page.locator('#reframe-text').waitFor();
  assert.match(await page.locator('#exercise-heading').innerText(), /また薬を飲み忘れたの？/);
  await page.locator('#reframe-text').fill('最近、お薬のことで困っていることはありますか？');
  await page.getByRole('button', { name: 'ふりかえりに保存する' }).click();
  await page.waitForFunction(() => Object.values(JSON.parse(localStorage.getItem('taiwa.data')).journal)
    .some((e) => e.body.kind === 'reframe' && e.body.reframe.startsWith('mine-')));

  // Listed on /mine as finished; deleted, it leaves the studio; undo brings it back.
  await go(page, origin, '/mine');
  const card = page.locator(`.own-card[data-id="${id}"]`);
  assert.match(await card.innerText(), /できあがり・使えます/);
  await card.getByRole('button', { name: '「また薬を飲み忘れたの？」を削除' }).click();
  assert.equal(await card.count(), 0);
  assert.match(await page.locator('.own-undo').innerText(), /「また薬を飲み忘れたの？」を削除しました。/);
  await page.getByRole('button', { name: '元に戻す' }).click();
  assert.equal(await card.count(), 1);
  await card.getByRole('button', { name: '「また薬を飲み忘れたの？」を削除' }).click();
  await go(page, origin, '/reframe');
  await page.locator('.cards').first().waitFor();
  assert.equal(await page.getByRole('link', { name: '自分で作った言いかえ', exact: true }).count(), 0);
  assert.equal((await doc(page)).own.reframes[id].deleted, true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a deck: prompts are added and moved, and the finished deck is picked in a session plan', async () => {
  const { context, page, errors, origin } = await open();
  const id = await create(page, origin, '問いかけカードを作る');
  assert.match(await state(page), /^あと2か所です。/);
  await page.getByLabel('カードの名前', { exact: true }).fill('春のチェックイン');
  await page.getByLabel('問いかけ 1', { exact: true }).fill('最近、ほっとした瞬間は？');
  assert.match(await state(page), /^できあがりです。/);
  await page.getByRole('button', { name: '問いかけを足す' }).click();
  assert.match(await state(page), /^あと1か所です。/);
  await page.getByLabel('問いかけ 2', { exact: true }).fill('今日の気分をひとことで');
  await page.getByRole('button', { name: '問いかけ 2 を上へ' }).click();
  assert.equal(await page.getByLabel('問いかけ 1', { exact: true }).inputValue(), '今日の気分をひとことで');
  // An emptied one-word form is no form, not a gap.
  await page.getByLabel('ひとことで（なくてもかまいません）', { exact: true }).first().fill('気分');
  await page.getByLabel('ひとことで（なくてもかまいません）', { exact: true }).first().fill('');
  assert.match(await state(page), /^できあがりです。/);
  const deck = (await doc(page)).own.decks[id].item;
  assert.deepEqual(deck.prompt.map((p) => p.text.ja), ['今日の気分をひとことで', '最近、ほっとした瞬間は？']);
  assert.equal(deck.prompt[0].short, undefined);

  await go(page, origin, '/facilitate');
  await page.getByRole('button', { name: 'ひな形から作る（90分）' }).click();
  await page.locator('.step-row').first().waitFor();
  const source = page.locator('.step-row').nth(1).getByLabel('問いかけ', { exact: true });
  await source.selectOption(id);
  assert.match(await source.locator('option:checked').innerText(), /春のチェックイン（自分で作成）/);
  await page.reload();
  await ready(page);
  const plan = Object.values((await doc(page)).plans)[0];
  assert.ok(plan.steps.some((s) => s.deck === id), JSON.stringify(plan.steps));
  // On the shared screen, the check-in draws from it.
  await page.getByRole('button', { name: '画面共有を始める' }).first().click();
  await page.waitForURL(/\/facilitate\/present\//);
  await page.locator('.present-title').waitFor();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.locator('.present-title').innerText(), 'チェックイン');
  const drawn = await page.locator('.present-prompt').innerText();
  assert.ok(['今日の気分をひとことで', '最近、ほっとした瞬間は？'].includes(drawn), drawn);
  await page.keyboard.press('n');
  const other = await page.locator('.present-prompt').innerText();
  assert.ok(['今日の気分をひとことで', '最近、ほっとした瞬間は？'].includes(other) && other !== drawn, other);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Fills every empty text of a scenario editor, and one choice in each group. */
async function fillScenario(page, word) {
  const fields = page.locator('.own-editor textarea, .own-editor input[type="text"]');
  const n = await fields.count();
  for (let i = 0; i < n; i += 1) {
    const f = fields.nth(i);
    if ((await f.inputValue()) === '') await f.fill(`${word} ${i + 1}`);
  }
  for (const name of ['tasks', 'principles']) {
    await page.locator(`input[name="${name}"]`).first().check();
  }
  const leans = page.locator('input[name^="lean-"][name$="-toward"]');
  const groups = await leans.count();
  for (let i = 0; i < groups; i += 7) await leans.nth(i).check();
}

test('a scenario written in English, while the app is in Japanese, is practised solo, and its heavy topic is gated', async () => {
  const { context, page, errors, origin } = await open({ locale: 'en-US' });
  const id = await create(page, origin, 'New situation');
  assert.match(await state(page), /left to finish/);
  await page.getByLabel('Title', { exact: true }).fill('A locked door');
  await page.getByLabel('Loss', { exact: true }).check();
  await fillScenario(page, 'Words');
  assert.equal(await problem(page, 'f-content-note'), '');
  await page.getByLabel('Content note (shown before it opens)', { exact: true }).fill('');
  assert.equal(await problem(page, 'f-content-note'), 'Still empty.');
  await page.getByLabel('Content note (shown before it opens)', { exact: true }).fill('This one touches the loss of a friend.');
  assert.match(await state(page), /^Finished\./);

  // The same scenario, with the app in Japanese.
  await page.locator('.lang-switch').click();
  await page.locator('html[lang="ja"]').waitFor();
  await go(page, origin, '/scenarios');
  const card = page.locator(`.scenario-card[data-id="${id}"]`);
  await card.waitFor();
  assert.match(await card.innerText(), /A locked door/);
  assert.match(await card.innerText(), /自分で作成/);
  assert.match(await card.innerText(), /重いテーマ/);
  await card.getByRole('link').click();
  await page.locator('.content-note').waitFor();
  assert.equal(await h1(page), 'はじめる前に');
  assert.match(await page.locator('.content-note').innerText(), /This one touches the loss of a friend\./);
  await page.getByRole('button', { name: '読んだうえで続ける' }).click();
  await page.getByRole('link', { name: 'ひとりで練習する' }).click();
  await page.locator('.moment').waitFor();
  assert.match(await page.locator('.moment').innerText(), /Words \d+/);
  await page.getByLabel('自分なら、何と言いますか？', { exact: true }).fill('そうだったんですね');
  await page.getByRole('button', { name: 'ほかの言い方を見る' }).click();
  assert.equal(await page.locator('.response').count(), 2);

  // Deleted: gone from the list, and its page says so.
  await go(page, origin, '/mine');
  await page.locator(`.own-card[data-id="${id}"]`).getByRole('button', { name: '「A locked door」を削除' }).click();
  await go(page, origin, '/scenarios');
  await page.locator('.scenario-card').first().waitFor();
  assert.equal(await page.locator(`.scenario-card[data-id="${id}"]`).count(), 0);
  await go(page, origin, `/scenarios/${id}`);
  assert.equal(await h1(page), 'この場面は見つかりませんでした。');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a draft scenario is kept after a reload and stays out of the scenario list', async () => {
  const { context, page, errors, origin } = await open();
  const id = await create(page, origin, '場面を作る');
  await page.getByLabel('タイトル', { exact: true }).fill('夜の電話');
  await page.reload();
  await ready(page);
  await page.locator('.own-state').waitFor();
  assert.equal(await page.getByLabel('タイトル', { exact: true }).inputValue(), '夜の電話');
  assert.match(await state(page), /^あと\d+か所です。/);
  // What is left is said next to the lists too, in plain words.
  assert.equal(await problem(page, 'f-tasks'), '意識するタスクを、1つ以上選びましょう。');
  assert.equal(await problem(page, 'f-moments-0-responses-0-toward'), '近づくもの・遠ざかるもののどちらかを、1つ以上選びましょう。');
  // The list of what is left moves to each place.
  await page.locator('.own-todo .todo-toggle').click();
  await page.getByRole('button', { name: 'やりとり 1・相手が言うこと・することへ移動' }).click();
  assert.equal(await focusIs(page, 'id', 'f-moments-0-other'), 'f-moments-0-other');
  await go(page, origin, '/mine');
  assert.match(await page.locator(`.own-card[data-id="${id}"]`).innerText(), /夜の電話[\s\S]*下書き・あと\d+か所/);
  await go(page, origin, '/scenarios');
  await page.locator('.scenario-card').first().waitFor();
  assert.equal(await page.locator(`.scenario-card[data-id="${id}"]`).count(), 0);
  assert.doesNotMatch(await page.locator('main').innerText(), /夜の電話/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a backup\'s preview counts the own items it holds, drafts too, deleted ones not', async () => {
  const { context, page, errors, origin } = await open();
  const own = structuredClone(OWN_SAMPLE);
  own.reframes['mine-gone'] = { ...own.reframes['mine-sample-r'], deleted: true };
  const backup = {
    app: 'taiwa', schema: 2, exported: 1700000000000,
    document: { app: 'taiwa', schema: 2, own },
  };
  await go(page, origin, '/data');
  await page.getByLabel('ファイルを選ぶ', { exact: true }).setInputFiles({
    name: 'taiwa-backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)),
  });
  await page.locator('.preview').waitFor();
  assert.match(await page.locator('.preview').innerText(), /自分で作ったもの：場面 1、言いかえ 1、問いかけカード 1/);
  await page.getByRole('button', { name: '今のデータと合わせる' }).click();
  // The first save of a fresh profile fetches the module that saves: wait
  // for it to be written before leaving the page.
  await page.waitForFunction(() => (localStorage.getItem('taiwa.data') || '').includes('mine-sample-r'));
  await go(page, origin, '/mine');
  assert.equal(await page.locator('.own-card').count(), 3);
  assert.deepEqual(errors, []);
  await context.close();
});
