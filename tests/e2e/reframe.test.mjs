// The reframing studio, the open lens and the revisit queue, as a person meets
// them: the lens marks patterns while they type, other ways appear on request,
// a saved reframe is kept, passing is fine, nothing from the open lens is kept
// until they save, and a phrase marked to revisit comes back on its day.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { open, go, ready, h1, teardown } from './harness.mjs';

after(teardown);

const stored = (page) => page.evaluate(() => localStorage.getItem('taiwa.data'));
const doc = async (page) => JSON.parse((await stored(page)) || '{}');
const entries = async (page) => Object.values((await doc(page)).journal || {}).filter((e) => !e.deleted);

/** Opens a practice set from the chooser and waits for its first phrase. */
async function startSet(page, origin, name) {
  await go(page, origin, '/reframe');
  await page.getByRole('link', { name, exact: true }).click();
  await page.locator('#reframe-text').waitFor();
}

/** The starting phrase shown, without its screen-reader label. */
const phrase = (page) =>
  page.locator('#exercise-heading').evaluate((h) => {
    const label = h.querySelector('.visually-hidden');
    return h.textContent.replace(label ? label.textContent : '', '').trim();
  });

test('an exercise: the lens marks advice as you type, other ways appear, and the saved reframe is kept', async () => {
  const { context, page, errors, origin } = await open();
  await startSet(page, origin, '何があったの？');
  assert.match(await page.locator('.position').innerText(), /^\d+のうち1つめ$/);
  const source = await page.locator('.source-tag').innerText();
  assert.ok(['問いかけ', '記録の一文', '心の中のつぶやき', '職場で聞いた言葉'].includes(source), source);
  const first = await phrase(page);
  assert.ok(first.length > 0);

  // Nothing marked before writing.
  assert.equal(await page.locator('mark').count(), 0);
  await page.locator('#reframe-text').pressSequentially('もっと休むべきです');
  const mark = page.locator('mark.lens-mark');
  await mark.first().waitFor();
  assert.equal(await mark.count(), 1);
  assert.equal(await mark.innerText(), 'べき');
  assert.equal(await mark.getAttribute('data-kind'), 'advice');
  // A visible cue besides colour: the kind label next to the mark.
  assert.equal(await page.locator('.lens-mirror .lens-tag').innerText(), '1 助言・指示');
  // The list says what it noticed, why, and what to consider, gently.
  const findings = page.getByRole('region', { name: 'レンズが気づいたこと' });
  const item = findings.locator('li');
  assert.equal(await item.count(), 1);
  const said = await item.innerText();
  assert.match(said, /「べき」/);
  assert.match(said, /「〜べき」と言うと、答えをこちらで先に決めてしまったように響くことがあります。/);
  assert.match(said, /こんなふうにしてみては：/);
  assert.match(said, /「どうしたいと思ってる？」と、まず本人の思いから聞いてみる/);
  assert.equal(await page.getByRole('status').filter({ hasText: 'レンズが気づいたこと' }).innerText(), 'レンズが気づいたことを、下に並べています。');
  assert.doesNotMatch(await page.locator('main').innerText(), /まちがいです|不正解|間違い/);

  // The mark follows the text: rewrite it without advice.
  await page.locator('#reframe-text').fill('何があったのか、聞かせてもらえますか');
  await page.getByText('いまのところ、レンズが気づいたことはありません。').waitFor();
  assert.equal(await page.locator('mark').count(), 0);
  await page.locator('#reframe-text').fill('もっと休むべきです');
  await mark.first().waitFor();

  // Other ways appear only when asked for.
  const others = page.locator('#other-ways');
  assert.equal(await others.isVisible(), false);
  const see = page.getByRole('button', { name: 'ほかの言い方を見る' });
  assert.equal(await see.getAttribute('aria-expanded'), 'false');
  await see.click();
  assert.equal(await others.isVisible(), true);
  assert.ok((await others.locator('li').count()) >= 2);
  assert.match(await others.innerText(), /何が変わるか/);
  assert.equal(await page.getByRole('button', { name: 'ほかの言い方を閉じる' }).getAttribute('aria-expanded'), 'true');

  // Save: a complete journal entry.
  assert.equal(await stored(page), null, 'nothing stored before saving');
  await page.getByRole('button', { name: 'ふりかえりに保存する' }).click();
  await page.getByText('保存しました。').waitFor();
  assert.equal(await page.getByRole('link', { name: 'ふりかえりを開く' }).getAttribute('href'), '/journal');
  let saved = await entries(page);
  assert.equal(saved.length, 1);
  const [entry] = saved;
  assert.equal(entry.body.kind, 'reframe');
  assert.equal(entry.body.text, 'もっと休むべきです');
  assert.equal(entry.body.phrase.ja, first);
  assert.match(entry.id, new RegExp(`^reframe-${entry.body.reframe}-\\d+$`));
  assert.ok(entry.created > 0 && entry.updated >= entry.created);

  // Saving again after a change updates the same entry.
  await page.locator('#reframe-text').fill('休めているか、気になっています');
  await page.getByRole('button', { name: '書きなおした内容を保存する' }).click();
  saved = await entries(page);
  assert.equal(saved.length, 1);
  assert.equal(saved[0].id, entry.id);
  assert.equal(saved[0].body.text, '休めているか、気になっています');

  // Kept across a reload.
  await page.reload();
  await ready(page);
  saved = await entries(page);
  assert.deepEqual(saved.map((e) => e.body.text), ['休めているか、気になっています']);

  // The journal lists it, with the phrase it answers.
  await page.locator('header nav').getByRole('link', { name: 'ふりかえり' }).click();
  await ready(page);
  assert.equal(new URL(page.url()).pathname, '/journal');
  const shown = page.locator('article.entry[data-kind="reframe"]');
  await shown.first().waitFor();
  assert.equal(await shown.count(), 1);
  assert.match(await shown.innerText(), /休めているか、気になっています/);
  assert.ok((await shown.innerText()).includes(first), 'the phrase is shown with it');
  // Saved in Japanese, read in English: the phrase is still there.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('heading', { name: first }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('passing is always fine: a commute set is five phrases, passed one by one, with nothing saved', async () => {
  const { context, page, errors, origin } = await open();
  await startSet(page, origin, '通勤のあいだに5つ');
  assert.match(await page.locator('main').innerText(), /パスしても大丈夫です/);
  const seen = new Set();
  for (let i = 1; i <= 5; i++) {
    assert.equal(await page.locator('.position').innerText(), `5のうち${i}つめ`);
    seen.add(await phrase(page));
    await page.getByRole('button', { name: 'パスして次へ' }).click();
    // Focus moves to the next heading, for keyboard and screen-reader users.
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'exercise-heading');
  }
  assert.equal(seen.size, 5, 'five different phrases');
  assert.equal(await page.locator('#exercise-heading').innerText(), 'このセットはここまでです');
  assert.equal(await stored(page), null, 'passing stores nothing');
  await page.getByRole('link', { name: '練習を選びなおす' }).click();
  await page.getByRole('link', { name: 'ぜんぶまぜて' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the open lens marks an English phrase and keeps nothing until save', async () => {
  const { context, page, errors, origin } = await open();
  await go(page, origin, '/reframe');
  await page.getByRole('link', { name: 'ことばのレンズ' }).click();
  await ready(page);
  assert.equal(new URL(page.url()).pathname, '/reframe/lens');
  assert.equal(await h1(page), 'ことばのレンズ');
  assert.match(await page.locator('main').innerText(), /「ふりかえりに保存する」を押さないかぎり、どこにも残りません/);
  const before = await page.evaluate(() => JSON.stringify(localStorage));

  await page.getByLabel('レンズで見てみたい文章').fill('He is non-compliant.');
  const mark = page.locator('mark.lens-mark');
  await mark.first().waitFor();
  assert.equal(await mark.innerText(), 'non-compliant');
  assert.equal(await mark.getAttribute('data-kind'), 'jargon');
  const list = page.getByRole('region', { name: 'レンズが気づいたこと' });
  assert.match(await list.innerText(), /「non-compliant」は、本人の迷いや理由を「守れていない」の一言にまとめてしまいがちです。/);
  assert.match(await list.innerText(), /1 専門用語/);
  // Leaving the page and coming back: still nothing stored, the text is gone.
  assert.equal(await page.evaluate(() => JSON.stringify(localStorage)), before);
  await go(page, origin, '/reframe/lens');
  assert.equal(await page.getByLabel('レンズで見てみたい文章').inputValue(), '');
  assert.equal(await page.evaluate(() => JSON.stringify(localStorage)), before);

  await page.getByLabel('レンズで見てみたい文章').fill('Client lacks insight.\nHe is non-compliant.');
  await page.locator('mark.lens-mark').nth(1).waitFor();
  assert.equal(await page.locator('.lens-mirror').innerText().then((t) => t.includes('\n')), true, 'line breaks are kept');
  assert.equal(await page.evaluate(() => JSON.stringify(localStorage)), before);
  await page.getByRole('button', { name: 'ふりかえりに保存する' }).click();
  await page.getByText('保存しました。').waitFor();
  const saved = await entries(page);
  assert.equal(saved.length, 1);
  assert.equal(saved[0].body.kind, 'note');
  assert.equal(saved[0].body.text, 'Client lacks insight.\nHe is non-compliant.');
  await go(page, origin, '/journal');
  const note = page.locator('article.entry[data-kind="note"]');
  await note.first().waitFor();
  assert.match(await note.innerText(), /He is non-compliant\./);
  assert.deepEqual(errors, []);
  await context.close();
});

test('user text is drawn as text, never as HTML', async () => {
  const { context, page, errors, origin } = await open();
  await go(page, origin, '/reframe/lens');
  await page.getByLabel('レンズで見てみたい文章').fill('<img src=x onerror="window.bad=1">べきです');
  await page.locator('mark.lens-mark').first().waitFor();
  assert.equal(await page.locator('.lens-mirror img').count(), 0);
  assert.match(await page.locator('.lens-mirror').innerText(), /<img src=x/);
  assert.equal(await page.evaluate(() => window.bad), undefined);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a phrase marked to revisit comes back on the home page from the next day, and leaves after a visit', async () => {
  const { context, page, errors, origin } = await open({ timezoneId: 'Asia/Tokyo' });
  const day = (d, h) => new Date(`2025-06-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00+09:00`);
  await page.clock.setFixedTime(day(2, 10));
  await startSet(page, origin, 'おそれから希望へ');
  const marked = await phrase(page);
  await page.getByRole('button', { name: 'あとで見直す' }).click();
  await page.getByRole('button', { name: '見直しリストから外す' }).waitFor();
  assert.match(await page.locator('main').innerText(), /見直しリストに入っています/);
  const revisit = Object.entries((await doc(page)).revisit);
  assert.equal(revisit.length, 1);
  const [id, record] = revisit[0];
  assert.equal(record.deleted, false);

  const queue = page.getByRole('region', { name: '見直してみませんか' });
  await go(page, origin, '/');
  assert.equal(await queue.count(), 0, 'not on the day it was marked');
  await page.clock.setFixedTime(day(2, 23));
  await page.reload();
  await ready(page);
  assert.equal(await queue.count(), 0, 'not late the same evening');

  await page.clock.setFixedTime(day(3, 10));
  await page.reload();
  await ready(page);
  await queue.waitFor();
  const link = queue.getByRole('link', { name: marked });
  assert.equal(await link.getAttribute('href'), `/reframe?item=${id}`);
  assert.doesNotMatch(await queue.innerText(), /\d+\s*(回|点|日連続)|streak|score/i);

  // Opening it shows the phrase; moving on counts as coming back to it.
  await link.click();
  await page.locator('#reframe-text').waitFor();
  assert.equal(await phrase(page), marked);
  assert.equal(await page.locator('.set-name').innerText(), '見直してみませんか');
  await page.getByRole('button', { name: 'パスして次へ' }).click();
  await page.getByRole('heading', { name: 'このセットはここまでです' }).waitFor();
  const after = (await doc(page)).revisit[id];
  assert.equal(after.step, 1);
  assert.equal(after.due, day(6, 0).getTime(), 'next time three days later');
  await go(page, origin, '/');
  assert.equal(await queue.count(), 0, 'gone until its next day');
  await page.clock.setFixedTime(day(6, 8));
  await page.reload();
  await ready(page);
  await queue.waitFor();

  // Taking it off the list.
  await queue.getByRole('link', { name: marked }).click();
  await page.getByRole('button', { name: '見直しリストから外す' }).click();
  await page.getByRole('button', { name: 'あとで見直す' }).waitFor();
  assert.equal((await doc(page)).revisit[id].deleted, true);
  await go(page, origin, '/');
  assert.equal(await queue.count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the English UI works, and switching language keeps what was written', async () => {
  const { context, page, errors, origin } = await open({ locale: 'en-US' });
  await go(page, origin, '/reframe');
  assert.equal(await h1(page), 'Reframing studio');
  await page.getByRole('link', { name: 'From labels to experience', exact: true }).click();
  await page.locator('#reframe-text').waitFor();
  assert.match(await page.locator('.position').innerText(), /^1 of \d+$/);
  await page.getByLabel('How would you put it?').fill('He is non-compliant and lacks insight.');
  await page.locator('mark.lens-mark').nth(1).waitFor();
  const list = page.getByRole('region', { name: 'What the lens noticed' });
  const said = await list.innerText();
  assert.match(said, /“non-compliant”/);
  assert.match(said, /"Non-compliant" sums up someone's doubts and reasons as simply not obeying\./);
  assert.match(said, /You might consider:/);
  assert.match(said, /2 Jargon/);
  await page.getByRole('button', { name: 'See other ways' }).click();
  assert.match(await page.locator('#other-ways').innerText(), /Other ways to say it/);
  const english = await phrase(page);

  await page.getByRole('button', { name: '日本語に切り替える' }).click();
  await page.getByRole('button', { name: 'パスして次へ' }).waitFor();
  assert.equal(await page.locator('#reframe-text').inputValue(), 'He is non-compliant and lacks insight.');
  assert.notEqual(await phrase(page), english, 'the phrase is now in Japanese');
  assert.equal(await page.locator('mark.lens-mark').count(), 2);
  await page.getByRole('button', { name: 'ふりかえりに保存する' }).click();
  const [entry] = await entries(page);
  // Both libraries were loaded, so the phrase is kept in both languages.
  assert.equal(entry.body.phrase.en, english);
  assert.ok(entry.body.phrase.ja.length > 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('no sideways scroll on a 360 px phone, with marks and lists drawn, in both languages', async () => {
  const { context, page, origin } = await open({ viewport: { width: 360, height: 640 } });
  const long = 'You should just take your medication. Why didn\'t you call? She is non-compliant and attention-seeking, もっと休むべきです。なんで飲まなかったの？';
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  for (const lang of ['ja', 'en']) {
    if (lang === 'en') {
      await page.getByRole('button', { name: 'Switch to English' }).click();
    }
    await go(page, origin, '/reframe');
    assert.ok((await overflow()) <= 0, `${lang} /reframe scrolls sideways`);
    await go(page, origin, '/reframe?set=mix');
    await page.locator('#reframe-text').fill(long);
    await page.locator('mark.lens-mark').nth(2).waitFor();
    await page.locator('button[aria-controls="other-ways"]').click();
    assert.ok((await overflow()) <= 0, `${lang} /reframe exercise scrolls sideways by ${await overflow()}px`);
    await go(page, origin, '/reframe/lens');
    await page.locator('#lens-text').fill(long);
    await page.locator('mark.lens-mark').nth(2).waitFor();
    assert.ok((await overflow()) <= 0, `${lang} /reframe/lens scrolls sideways by ${await overflow()}px`);
  }
  await context.close();
});

test('under a sub-path (/taiwa/), the studio\'s links stay inside it', async () => {
  const { context, page, errors, origin } = await open();
  await go(page, origin, '/taiwa/reframe');
  await page.getByRole('link', { name: '個人から関係へ', exact: true }).click();
  await page.locator('#reframe-text').waitFor();
  const url = new URL(page.url());
  assert.equal(url.pathname, '/taiwa/reframe');
  assert.equal(url.searchParams.get('set'), 'relationship');
  await page.getByRole('button', { name: 'あとで見直す' }).click();
  await page.getByRole('link', { name: '練習の選び方に戻る' }).click();
  await page.getByRole('link', { name: 'ことばのレンズ' }).click();
  await page.locator('#lens-text').waitFor();
  assert.equal(new URL(page.url()).pathname, '/taiwa/reframe/lens');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an automated accessibility check finds no problem on the exercise and the open lens', async () => {
  const { AxeBuilder } = await import('@axe-core/playwright');
  const { context, page, origin } = await open();
  const check = async (what) => {
    const { violations } = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(violations.map((v) => `${what}: ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
  };
  await go(page, origin, '/reframe');
  await check('chooser');
  await page.getByRole('link', { name: 'ぜんぶまぜて' }).click();
  await page.locator('#reframe-text').fill('もっと休むべきです。病識がない。');
  await page.locator('mark.lens-mark').nth(1).waitFor();
  await page.getByRole('button', { name: 'ほかの言い方を見る' }).click();
  await page.getByRole('button', { name: 'あとで見直す' }).click();
  await check('exercise');
  await go(page, origin, '/reframe/lens');
  await page.locator('#lens-text').fill('He is non-compliant.');
  await page.locator('mark.lens-mark').first().waitFor();
  await check('open lens');
  await context.close();
});
