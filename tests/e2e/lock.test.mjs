// The passcode lock: what is stored is encrypted and nothing of it shows or
// is decrypted before the passcode; a wrong passcode says so; the recovery
// code opens and sets a new passcode; tabs lock and unlock together; idle
// time locks; encrypted backups open elsewhere with the passcode; tampered
// ciphertext is refused and left as it was; turning the lock off stores
// plain text again.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { open, go, teardown, watch, shareCode } from './harness.mjs';

after(teardown);

const SECRET = '秘密のメモ：夜中に電話したこと';
const PASSCODE = 'hidamari-2026';
const note = (id, text, t) => ({ id, created: t, updated: t, body: { kind: 'note', text } });
const DOC = {
  app: 'taiwa', schema: 1,
  settings: { lang: 'ja', theme: 'system', text_size: 'normal', updated: 1 },
  journal: { 'note-1': note('note-1', SECRET, 1700000000000) },
};

/** Waits until the app has drawn, open or locked. */
async function drawn(page, state) {
  await page.waitForSelector('header .brand', { state: 'visible' });
  await page.waitForFunction(() => !document.getElementById('boot'));
  await page.waitForSelector(`html[data-store="${state}"]`, { state: 'attached' });
}

/** Every Taiwa value in localStorage, joined. */
const stored = (page) => page.evaluate(() => Object.keys(localStorage)
  .filter((k) => k.startsWith('taiwa.'))
  .map((k) => `${k}=${localStorage.getItem(k)}`)
  .join('\n'));

/** A profile holding DOC, with the lock turned on; returns its recovery code. */
async function locked(options) {
  const s = await open(options);
  await go(s.page, s.origin, '/');
  await s.page.evaluate((d) => localStorage.setItem('taiwa.data', JSON.stringify(d)), DOC);
  await go(s.page, s.origin, '/data');
  const { page } = s;
  await page.getByLabel('新しいパスコード（6文字以上）').fill(PASSCODE);
  await page.getByLabel('新しいパスコードをもう一度').fill(PASSCODE);
  await page.getByLabel('わかりました。回復コードは大切に保管します。').check();
  await page.getByRole('button', { name: 'ロックをかける' }).click();
  const code = (await page.locator('.recovery-code').innerText()).trim();
  await page.getByRole('button', { name: '保管しました' }).click();
  await page.getByText('ロックがかかっています。').waitFor();
  return { ...s, code };
}

async function unlock(page, passcode = PASSCODE) {
  await page.getByLabel('パスコード', { exact: true }).fill(passcode);
  await page.getByRole('button', { name: '開く', exact: true }).click();
}

test('with the lock on, nothing the user wrote is stored readable, and nothing shows before the passcode', async () => {
  const { context, page, errors, origin, code } = await locked();
  assert.match(code, /^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/, code);
  const all = await stored(page);
  assert.ok(!all.includes(SECRET) && !all.includes('夜中'), 'the note is stored in plain text');
  const envelope = JSON.parse(await page.evaluate(() => localStorage.getItem('taiwa.data')));
  assert.equal(envelope.lock, 1);
  assert.ok(envelope.passcode.iterations >= 600000, `${envelope.passcode.iterations} PBKDF2 iterations`);

  // A reload: the lock screen, and no word of the note anywhere on it.
  await page.reload();
  await drawn(page, 'locked');
  assert.equal(await page.locator('main h1').innerText(), 'ロックしています');
  assert.ok(!(await page.content()).includes('夜中'), 'the note is in the page while locked');
  // Every address shows the lock screen, the journal too.
  await page.goto(origin + '/journal');
  await drawn(page, 'locked');
  assert.ok(!(await page.content()).includes('夜中'));

  // A wrong passcode says so, and the app stays locked.
  await unlock(page, 'not-the-passcode');
  assert.match(await page.getByRole('alert').innerText(), /パスコードが違います/);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.store), 'locked');

  // The right one opens, and the note is there.
  const started = Date.now();
  await unlock(page);
  await drawn(page, 'open');
  console.log(`# unlock (PBKDF2-SHA-256, ${envelope.passcode.iterations} iterations, and decryption): ${Date.now() - started} ms`);
  await page.locator('article.entry', { hasText: SECRET }).waitFor();

  // Lock now, from the header.
  await page.getByRole('button', { name: '今すぐロックする（書いたものを隠す）' }).click();
  await drawn(page, 'locked');
  assert.ok(!(await page.content()).includes('夜中'), 'the note stays on the page after locking');
  assert.deepEqual(errors.filter((e) => !/status of 4\d\d/.test(e)), []);
  await context.close();
});

test('repeated wrong passcodes make the next try wait, and the wait survives a reload', async () => {
  const { context, page } = await locked();
  await page.reload();
  await drawn(page, 'locked');
  for (let i = 0; i < 4; i++) {
    await unlock(page, `wrong-${i}-passcode`);
    await page.getByRole('alert').getByText(/パスコードが違います/).waitFor();
  }
  await unlock(page, 'wrong-5-passcode');
  await page.getByRole('alert').getByText(/秒たつと、もう一度試せます/).waitFor();
  // Even the right passcode waits now.
  await page.reload();
  await drawn(page, 'locked');
  await unlock(page);
  await page.getByRole('alert').getByText(/秒たつと、もう一度試せます/).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.store), 'locked');
  await context.close();
});

test('the recovery code opens the lock (typed loosely) and sets a new passcode', async () => {
  const { context, page, code } = await locked();
  await page.reload();
  await drawn(page, 'locked');
  await page.getByRole('button', { name: 'パスコードを忘れたとき' }).click();
  // Lower case and spaces instead of hyphens: still the code.
  await page.getByLabel('回復コード').fill(code.toLowerCase().replaceAll('-', ' '));
  await page.getByLabel('新しいパスコード（6文字以上）').fill('new-passcode-7');
  await page.getByLabel('新しいパスコードをもう一度').fill('new-passcode-7');
  await page.getByRole('button', { name: '回復コードで開いて、新しいパスコードにする' }).click();
  await drawn(page, 'open');
  // The old passcode no longer opens; the new one does.
  await page.reload();
  await drawn(page, 'locked');
  await unlock(page);
  await page.getByRole('alert').getByText(/パスコードが違います/).waitFor();
  await unlock(page, 'new-passcode-7');
  await drawn(page, 'open');
  await context.close();
});

test('two tabs lock and unlock together', async () => {
  const { context, page, origin } = await locked();
  const other = await context.newPage();
  watch(other, []);
  // A tab opened later starts locked, like every start.
  await other.goto(origin + '/journal');
  await drawn(other, 'locked');
  // Unlocking one opens the other, without a second passcode.
  await unlock(other);
  await drawn(other, 'open');
  await other.locator('article.entry', { hasText: SECRET }).waitFor();
  await page.goto(origin + '/journal');
  await drawn(page, 'locked');
  await unlock(page);
  await drawn(page, 'open');
  // Locking one locks both; unlocking either opens both.
  await page.getByRole('button', { name: '今すぐロックする（書いたものを隠す）' }).click();
  await drawn(page, 'locked');
  await drawn(other, 'locked');
  assert.ok(!(await other.content()).includes('夜中'), 'the other tab still shows the note');
  await unlock(other);
  await drawn(other, 'open');
  await drawn(page, 'open');
  await page.locator('article.entry', { hasText: SECRET }).waitFor();
  await context.close();
});

test('after the chosen idle time the lock closes by itself', async () => {
  const { context, page } = await locked();
  await page.clock.install();
  await page.reload();
  await drawn(page, 'locked');
  await unlock(page);
  await drawn(page, 'open');
  await page.goto(page.url().replace(/\/[^/]*$/, '/data'));
  await drawn(page, 'locked');
  await unlock(page);
  await drawn(page, 'open');
  await page.getByLabel('使っていないとき、ロックするまで').selectOption('1');
  await page.clock.fastForward('00:50');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.store), 'open');
  await page.clock.fastForward('00:30');
  await drawn(page, 'locked');
  await context.close();
});

test('an encrypted backup opens on another device with the passcode, and says what is wrong with a wrong one', async () => {
  const { context, page, origin } = await locked();
  await page.reload();
  await drawn(page, 'locked');
  await unlock(page);
  await drawn(page, 'open');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '暗号化したバックアップを保存' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^taiwa-backup-\d{4}-\d{2}-\d{2}\.encrypted\.json$/);
  // Kept past this profile's end (its downloads go with it).
  const file = join(await mkdtemp(join(tmpdir(), 'taiwa-lock-')), download.suggestedFilename());
  await download.saveAs(file);
  const text = await readFile(file, 'utf8');
  assert.ok(!text.includes('夜中'), 'the encrypted backup holds the note in plain text');
  assert.equal(JSON.parse(text).holds, 'backup');
  await context.close();

  // Another device: no lock, nothing stored.
  const fresh = await open();
  await go(fresh.page, fresh.origin, '/data');
  await fresh.page.getByLabel('ファイルを選ぶ').setInputFiles(file);
  await fresh.page.getByText('暗号化されたバックアップです。').waitFor();
  await fresh.page.getByLabel('パスコード', { exact: true }).fill('wrong-passcode');
  await fresh.page.getByRole('button', { name: '開く', exact: true }).click();
  await fresh.page.getByText(/パスコードが違います/).waitFor();
  await fresh.page.getByLabel('パスコード', { exact: true }).fill(PASSCODE);
  await fresh.page.getByRole('button', { name: '開く', exact: true }).click();
  assert.match(await fresh.page.locator('.preview .counts').innerText(), /メモ 1/);
  await fresh.page.getByRole('button', { name: '今のデータと合わせる' }).click();
  await go(fresh.page, origin, '/journal');
  await fresh.page.locator('article.entry', { hasText: SECRET }).waitFor();
  await fresh.context.close();
});

test('tampered ciphertext is refused with a clear message, and the stored data is left as it was', async () => {
  const { context, page } = await locked();
  const tampered = await page.evaluate(() => {
    const e = JSON.parse(localStorage.getItem('taiwa.data'));
    const c = e.data[10] === 'A' ? 'B' : 'A';
    e.data = e.data.slice(0, 10) + c + e.data.slice(11);
    const text = JSON.stringify(e);
    localStorage.setItem('taiwa.data', text);
    return text;
  });
  await page.reload();
  await drawn(page, 'locked');
  await unlock(page);
  assert.match(await page.getByRole('alert').innerText(), /壊れているか書き換えられていて、復号できません/);
  assert.equal(await page.evaluate(() => localStorage.getItem('taiwa.data')), tampered);
  // What was stored can be downloaded as it is.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '保存されているデータをダウンロード' }).click(),
  ]);
  assert.equal(await readFile(await download.path(), 'utf8'), tampered);
  await context.close();
});

test('turning the lock off stores the data readable again, and it opens without a passcode', async () => {
  const { context, page } = await locked();
  await page.getByLabel('いまのパスコード').last().fill(PASSCODE);
  await page.getByRole('button', { name: 'ロックをはずす' }).click();
  await page.getByText('ロックをはずしました。').waitFor();
  assert.ok((await stored(page)).includes(SECRET));
  await page.reload();
  await drawn(page, 'open');
  await context.close();
});

test('a share link opened while locked waits behind the lock screen, and opens after the passcode', async () => {
  const { context, page, origin } = await locked();
  const code = shareCode({
    t: 'deck', lang: 'ja',
    deck: { id: 'mine-x', kind: 'theme', title: { ja: '共有された問いかけ', en: '' }, prompt: [{ id: 'p1', text: { ja: '今日の問い', en: '' } }] },
  });
  await page.goto(`${origin}/open#${code}`);
  await drawn(page, 'locked');
  assert.match(await page.locator('main').innerText(), /共有リンクの中身は、開いたあとに表示します/);
  assert.equal(await page.locator('#shared-title').count(), 0, 'the share shows before the passcode');
  await unlock(page);
  await drawn(page, 'open');
  await page.waitForFunction(() => document.querySelector('#shared-title')?.textContent === '共有された問いかけ');
  await context.close();
});
