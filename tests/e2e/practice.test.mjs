// Role-play practice: the library, the content note, solo practice saved to
// the journal and resumed after a reload, and practising together with role
// cards on one device or from links.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { open, go, ready, h1, teardown } from './harness.mjs';

after(teardown);

test('the library lists every scenario and filters by task, setting and words', async () => {
  const { context, page, errors, origin } = await open();
  await go(page, origin, '/scenarios');
  const cards = page.locator('.scenario-card');
  await cards.first().waitFor();
  const all = await cards.count();
  assert.ok(all >= 30, `${all} scenarios`);
  assert.ok(await page.locator('.scenario-card[data-id="wanting-to-die"] .heavy-mark').isVisible());
  await page.getByLabel('4つのタスク').selectOption('moving_towards');
  const some = await cards.count();
  assert.ok(some > 0 && some < all, `${some} of ${all} with moving towards`);
  await page.getByLabel('4つのタスク').selectOption('');
  await page.getByLabel('場所').selectOption('self_help_group');
  const groups = await cards.count();
  assert.ok(groups >= 1 && groups < some + all, `${groups} in self-help groups`);
  assert.equal(await page.locator('.scenario-card[data-id="self-help-newcomer"]').count(), 1);
  await page.getByLabel('場所').selectOption('');
  await page.getByLabel('さがす').fill('自助グループ');
  assert.ok(await cards.count() >= 1);
  await page.getByLabel('さがす').fill('zzzz');
  assert.equal(await cards.count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a heavy scenario shows its content note before anything else', async () => {
  const { context, page, origin } = await open();
  await go(page, origin, '/scenarios/wanting-to-die');
  await page.locator('.content-note').waitFor();
  assert.equal(await h1(page), 'はじめる前に');
  assert.equal(await page.locator('.scenario').count(), 0, 'nothing of the scenario yet');
  await page.getByRole('link', { name: '別の場面を選ぶ' }).click();
  await page.locator('.scenario-card').first().waitFor();
  await go(page, origin, '/scenarios/wanting-to-die/solo');
  assert.equal(await h1(page), 'はじめる前に', 'a direct link to practice is gated too');
  await page.getByRole('button', { name: '読んだうえで続ける' }).click();
  assert.equal(await h1(page), 'ひとりで練習する');
  await context.close();
});

async function answerAndOpen(page, text) {
  await page.getByLabel('自分なら、何と言いますか？').fill(text);
  await page.getByRole('button', { name: 'ほかの言い方を見る' }).click();
  await page.locator('.responses').waitFor();
}

test('a solo practice: own words first, then responses, a debrief, and the reflection in the journal', async () => {
  const { context, page, errors, origin } = await open();
  await go(page, origin, '/scenarios/first-meeting');
  await page.getByRole('link', { name: 'ひとりで練習する' }).click();
  await page.locator('.moment').waitFor();
  // Responses do not open before the user has had a turn.
  await page.getByRole('button', { name: 'ほかの言い方を見る' }).click();
  assert.match(await page.locator('.nudge').innerText(), /先に、自分のことばを/);
  assert.equal(await page.locator('.responses').count(), 0);
  await answerAndOpen(page, '今日はここまで来てくれてありがとう');
  assert.ok(await page.locator('.response').count() >= 2);
  assert.match(await page.locator('.response .reflection').first().innerText(), /\S/);
  await page.getByLabel('気づいたこと（書かなくてもかまいません）').fill('急がずに待てた');
  // Through the rest of the moments, once by saying it aloud.
  let turn = 1;
  while (await page.getByRole('button', { name: '次のやりとりへ' }).count()) {
    await page.getByRole('button', { name: '次のやりとりへ' }).click();
    turn += 1;
    if (turn === 2) {
      await page.getByRole('button', { name: '声に出して言う（書かずに進む）' }).click();
      await page.locator('.responses').waitFor();
    } else {
      await answerAndOpen(page, `場面${turn}で言ってみたいこと`);
    }
  }
  await page.getByRole('button', { name: 'ふりかえりへ' }).click();
  await page.locator('.debrief').waitFor();
  await page.getByLabel(/^相互性/).fill('力の差を言葉にできなかった');
  await page.getByRole('button', { name: '保存して終える' }).click();
  assert.match(await page.locator('.done').innerText(), /保存しました/);
  await page.getByRole('link', { name: 'ふりかえりを開く' }).click();
  const entry = page.locator('article.entry[data-kind="reflection"]');
  await entry.waitFor();
  const text = await entry.innerText();
  assert.match(text, /今日はここまで来てくれてありがとう/);
  assert.match(text, /急がずに待てた/);
  assert.match(text, /力の差を言葉にできなかった/);
  // The library now marks it, quietly.
  await go(page, origin, '/scenarios');
  assert.ok(await page.locator('.scenario-card[data-id="first-meeting"] .practised-mark').isVisible());
  assert.deepEqual(errors, []);
  await context.close();
});

test('leaving half way and reloading resumes where the practice was', async () => {
  const { context, page, origin } = await open();
  await go(page, origin, '/scenarios/asked-for-advice/solo');
  await page.locator('.moment').waitFor();
  await answerAndOpen(page, '一緒に考えてもいいですか');
  await page.getByRole('button', { name: '次のやりとりへ' }).click();
  await page.getByLabel('自分なら、何と言いますか？').fill('書きかけのことば');
  await page.reload();
  await ready(page);
  await page.locator('.moment').waitFor();
  assert.match(await page.locator('#moment-heading').innerText(), /やりとり 2 \//);
  assert.equal(await page.getByLabel('自分なら、何と言いますか？').inputValue(), '書きかけのことば');
  // The scenario page offers to continue.
  await go(page, origin, '/scenarios/asked-for-advice');
  assert.ok(await page.getByRole('link', { name: '続きから練習する' }).isVisible());
  await context.close();
});

test('together on one device: each card hides until its player is ready', async () => {
  const { context, page, origin } = await open();
  await go(page, origin, '/scenarios/first-meeting/together');
  await page.getByRole('button', { name: 'はじめる' }).click();
  assert.match(await page.locator('.handover').innerText(), /1人目（ピアサポーター役）の番です/);
  assert.equal(await page.locator('.role-card').count(), 0);
  await page.getByRole('button', { name: 'カードを見る' }).click();
  assert.equal(await page.locator('.role-card').getAttribute('data-role'), 'supporter');
  await page.getByRole('button', { name: '読み終えたのでカードを隠す' }).click();
  assert.equal(await page.locator('.role-card').count(), 0);
  assert.match(await page.locator('.handover').innerText(), /2人目（相手役）の番です/);
  await page.getByRole('button', { name: 'カードを見る' }).click();
  assert.equal(await page.locator('.role-card').getAttribute('data-role'), 'person');
  await page.getByRole('button', { name: '読み終えたのでカードを隠す' }).click();
  assert.equal(await page.locator('.shared-debrief li').count(), 4);
  await page.getByRole('button', { name: '役を入れかえてもう一度' }).click();
  assert.match(await page.locator('.handover').innerText(), /1人目（相手役）の番です/);
  await context.close();
});

test('a role-card link opens that one card in a fresh profile, and a tampered one is refused', async () => {
  const { context, page, origin } = await open();
  await go(page, origin, '/scenarios/first-meeting/together');
  await page.getByLabel('それぞれの端末で開く（リンクやQRコード）').check();
  await page.getByRole('button', { name: 'はじめる' }).click();
  const person = page.locator('.card-link[data-role="person"]');
  assert.ok(await person.locator('svg.qr path').count() === 1, 'a QR code is drawn');
  const url = await person.locator('a.share-url').getAttribute('href');
  assert.match(url, /\/card#2[A-Za-z0-9_-]+$/);
  await context.close();

  const other = await open();
  const requests = other.requests;
  await other.page.goto(url);
  await ready(other.page);
  const card = other.page.locator('.role-card');
  await card.waitFor();
  assert.equal(await card.getAttribute('data-role'), 'person');
  const text = await other.page.locator('main').innerText();
  assert.match(text, /相手役/);
  assert.doesNotMatch(text, /ピアサポーター役/);
  assert.doesNotMatch(text, /観察する人/);
  // The code stays in the fragment: no request carried it.
  assert.ok(requests.every((r) => !r.includes('#')));

  const code = url.split('#')[1];
  const tampered = url.split('#')[0] + '#' + code.slice(0, 10) + (code[10] === 'A' ? 'B' : 'A') + code.slice(11);
  await other.page.goto(tampered);
  await other.page.reload();
  await ready(other.page);
  assert.match(await other.page.locator('[role="alert"]').innerText(), /読み取れませんでした/);
  assert.equal(await other.page.locator('.role-card').count(), 0);
  await other.context.close();
});

test('the round timer counts down, pauses, and shows overtime gently', async () => {
  const { context, page, origin } = await open();
  await page.clock.install({ time: new Date('2026-11-22T10:00:00+09:00') });
  await go(page, origin, '/scenarios/first-meeting/together');
  await page.getByRole('button', { name: 'はじめる' }).click();
  for (let i = 0; i < 2; i++) {
    await page.getByRole('button', { name: 'カードを見る' }).click();
    await page.getByRole('button', { name: '読み終えたのでカードを隠す' }).click();
  }
  const clock = page.locator('.round-timer .timer-clock');
  assert.equal(await clock.innerText(), '15:00');
  await page.getByRole('button', { name: 'スタート', exact: true }).click();
  await page.clock.fastForward('01:00');
  await page.waitForFunction(() => document.querySelector('.round-timer .timer-clock').textContent.startsWith('14:0'));
  await page.getByRole('button', { name: '一時停止' }).click();
  const paused = await clock.innerText();
  await page.clock.fastForward('02:00');
  assert.equal(await clock.innerText(), paused);
  await page.getByRole('button', { name: 'スタート', exact: true }).click();
  await page.clock.fastForward('15:00');
  await page.waitForFunction(() => document.querySelector('.round-timer .timer-clock').textContent.startsWith('+'));
  assert.match(await page.locator('.round-timer [role="status"]').innerText(), /時間をすぎています/);
  await context.close();
});
