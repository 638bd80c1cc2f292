// The facilitator's console: a second window that drives the shared screen
// (two pages of one browser), keeps the session on time with the clock moved
// forward, sets up breakout rooms, and carries what is left to next time.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { open, go, ready, teardown } from './harness.mjs';

after(teardown);

const NOTE = 'ひみつのメモ：Aさんには先に声をかける';
const NAME = '佐藤ひろみ';

async function presenting(page) {
  await page.waitForSelector('.present-title', { state: 'visible' });
  await page.waitForFunction(() => !document.getElementById('boot'));
}

/** The console is a second page of the same browser: `desk` here. */

/** A plan from the template, with a note on its first step; returns the
 *  session's id once the shared screen shows. */
async function startSession(page, origin, { starts } = {}) {
  await go(page, origin, '/facilitate');
  await page.getByRole('button', { name: 'ひな形から作る（90分）' }).click();
  await page.waitForURL(/\/facilitate\/plan\//);
  await ready(page);
  await page.getByLabel('ファシリテーターのメモ').first().fill(NOTE);
  if (starts) await page.getByLabel('開始の日時').fill(starts);
  await page.getByRole('button', { name: '画面共有を始める' }).first().click();
  await page.waitForURL(/\/facilitate\/present\//);
  await presenting(page);
  return new URL(page.url()).pathname.split('/').pop();
}

async function openConsole(context, origin, id, errors) {
  const desk = await context.newPage();
  desk.on('pageerror', (e) => errors.push(`console: ${e.message}`));
  await go(desk, origin, `/facilitate/console/${id}`);
  await desk.waitForSelector('#console-step');
  return desk;
}

const stageText = (page) => page.evaluate(() => document.body.innerText);

test('the console drives the shared screen, which then shows no control, no note and no name', async () => {
  const { context, page, errors, origin } = await open({ viewport: { width: 1280, height: 720 } });
  const id = await startSession(page, origin);
  assert.equal(await page.locator('.present-controls').count(), 1, 'one window: the controls are there');

  let desk = await openConsole(context, origin, id, errors);
  // The shared screen hears the console and drops every control.
  await page.waitForFunction(() => !document.querySelector('.present-controls'));
  assert.equal(await page.getByRole('button').count(), 0, 'no button at all on the shared screen');
  assert.equal(await desk.locator('.console-notes-text').innerText(), NOTE);
  assert.equal(await desk.locator('#console-step').innerText(), 'ようこそ');
  assert.equal(await desk.locator('.console-next').innerText(), 'チェックイン');

  // Next, from the console.
  await desk.getByRole('button', { name: '次へ →' }).click();
  await page.waitForFunction(() => document.querySelector('.present-title')?.innerText === 'チェックイン');
  // The arrow key in the console does the same.
  await desk.locator('body').press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('.present-title')?.innerText === '今日のテーマ');
  await desk.locator('body').press('ArrowLeft');
  await page.waitForFunction(() => document.querySelector('.present-title')?.innerText === 'チェックイン');

  // A harvest line typed in the console shows on the shared screen.
  await desk.getByLabel('聞こえたことば').fill('ほっとした');
  await desk.getByRole('button', { name: '映す' }).click();
  await page.waitForSelector('.present-harvest li:has-text("ほっとした")');
  assert.equal(await desk.getByLabel('聞こえたことば').inputValue(), '', 'the box is empty for the next line');

  // The timer, started in the console, runs on the shared screen.
  await desk.getByRole('button', { name: /タイマー開始/ }).click();
  await page.waitForFunction(() => !document.querySelector('.present-timer').classList.contains('paused'));

  // Blank, and back.
  await desk.getByRole('button', { name: /共有画面を隠す/ }).click();
  await page.waitForSelector('.present-blank');
  assert.equal(await desk.getByRole('button', { name: /共有画面を隠す/ }).getAttribute('aria-pressed'), 'true');
  await desk.getByRole('button', { name: /共有画面を隠す/ }).click();
  await page.waitForSelector('.present-blank', { state: 'detached' });

  // Rooms, with one name typed: the name stays in the console.
  await desk.getByText('ブレイクアウトルーム').click();
  await desk.locator('#rooms-people').fill('7');
  await desk.locator('#rooms-people').press('Tab');
  await desk.getByText('名前と希望（入れなくてもかまいません）').click();
  await desk.getByLabel('1番の人の名前').fill(NAME);
  await desk.getByRole('button', { name: 'ルームを作る' }).click();
  await desk.getByText('3つのルームを作りました。').waitFor();
  assert.match(await desk.locator('.console-room-list').innerText(), new RegExp(NAME));
  await desk.getByLabel(/共有画面にルームを映す/).check();
  await page.waitForSelector('.present-rooms li');
  const rooms = await page.locator('.present-rooms li').allInnerTexts();
  assert.equal(rooms.length, 3);
  assert.deepEqual(rooms.map((r) => Number(r.match(/(\d+)人/)[1])).sort(), [2, 2, 3]);
  assert.match(rooms[0], /^ルーム1：\d人$/);

  const text = await stageText(page);
  for (const secret of [NOTE, NAME, 'ひみつのメモ', '佐藤']) {
    assert.ok(!text.includes(secret), `"${secret}" is on the shared screen`);
  }

  // Closing the console brings the controls back; the shared screen keeps going.
  await desk.close({ runBeforeUnload: true });
  await page.waitForSelector('.present-controls', { state: 'attached' });
  assert.equal(await page.locator('.present-title').innerText(), 'チェックイン');

  // Opened again, the console finds the same step and the same timer.
  desk = await openConsole(context, origin, id, errors);
  assert.equal(await desk.locator('#console-step').innerText(), 'チェックイン');
  await page.waitForFunction(() => !document.querySelector('.present-controls'));
  const clocks = await Promise.all([
    page.locator('.present-timer .timer-clock').innerText(),
    desk.locator('#console-clock').innerText(),
  ]);
  const secs = (t) => { const [m, s] = t.split(':').map(Number); return m * 60 + s; };
  assert.ok(Math.abs(secs(clocks[0]) - secs(clocks[1])) <= 2, `the same timer: ${clocks}`);
  // Still running in both (the clock rounds up, so 15:00 shows for the whole
  // first second: wait for it to count down rather than read it at once).
  assert.equal(await page.locator('.present-timer.paused').count(), 0, 'the shared screen\'s timer runs');
  await page.waitForFunction(() => document.querySelector('.present-timer .timer-clock').innerText < '15:00');
  await desk.waitForFunction(() => document.getElementById('console-clock').innerText < '15:00');
  assert.equal(await desk.locator('.console-room-list li').count(), 3, 'the rooms are kept');
  // A reload of the shared screen finds its place too, and stays without controls.
  await page.reload();
  await presenting(page);
  assert.equal(await page.locator('.present-title').innerText(), 'チェックイン');
  await page.waitForFunction(() => !document.querySelector('.present-controls'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('with the clock moved forward, the console shows the overrun, shortens the steps to come, and carries a step to next time', async () => {
  const { context, page, errors, origin } = await open({ viewport: { width: 1280, height: 800 }, timezoneId: 'Asia/Tokyo' });
  await page.clock.install({ time: new Date('2026-12-20T14:00:00+09:00') });
  const id = await startSession(page, origin, { starts: '2026-12-20T14:00' });
  const desk = await openConsole(context, origin, id, errors);
  const pace = desk.locator('.console-pace');
  await pace.getByText('予定の時間内に終わりそうです。').waitFor();
  assert.match(await pace.locator('.console-times').innerText(), /開始予定 14:00\s*·\s*終了予定 15:30/);

  // Welcome on time (5 minutes); the check-in runs 25 minutes instead of 15.
  await page.clock.fastForward('05:00');
  await desk.getByRole('button', { name: '次へ →' }).click();
  await page.clock.fastForward('25:00');
  await desk.getByRole('button', { name: '次へ →' }).click();
  await page.waitForFunction(() => document.querySelector('.present-title')?.innerText === '今日のテーマ');
  await pace.getByText('このままだと、予定より10分ほど長くなりそうです。', { exact: false }).waitFor();
  const row = (name) => pace.locator('tbody tr', { has: desk.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
  assert.equal(await row('チェックイン').locator('td').nth(1).innerText(), '25分', 'the real minutes');
  assert.equal(await row('チェックイン').locator('td').nth(0).innerText(), '15分', 'the planned minutes');

  // Shorten: the steps to come share the ten minutes, in proportion.
  await pace.getByRole('button', { name: 'あとのステップを短くする' }).click();
  await pace.getByText('予定の時間内に終わりそうです。').waitFor();
  const planned = async (name) => row(name).locator('td').nth(0).innerText();
  assert.deepEqual(
    [await planned('小グループで'), await planned('全体で分かち合い'), await planned('チェックアウト'), await planned('おわりに')],
    ['21分', '17分', '8分', '4分'],
  );
  // The shared screen's timer takes the new minutes when the step comes.
  await desk.getByRole('button', { name: '次へ →' }).click();
  await page.waitForFunction(() => document.querySelector('.present-title')?.innerText === '小グループで');
  assert.equal(await page.locator('.present-timer .timer-clock').innerText(), '21:00');

  // The whole-group sharing goes to next time: next passes over it.
  await pace.getByRole('button', { name: '次回にまわす：全体で分かち合い' }).click();
  assert.equal(await pace.getByRole('button', { name: '次回にまわす：全体で分かち合い' }).getAttribute('aria-pressed'), 'true');
  const carry = desk.locator('.console-carry');
  assert.match(await carry.innerText(), /次回に続くステップ：全体で分かち合い/);
  await desk.getByRole('button', { name: '次へ →' }).click();
  await page.waitForFunction(() => document.querySelector('.present-title')?.innerText === 'チェックアウト');

  // One press makes next time's plan.
  await carry.getByRole('button', { name: '次回の進行表を作る' }).click();
  await carry.getByText('「月例の学習会（90分）（続き）」を作りました。').waitFor();
  const plans = await desk.evaluate(() => Object.values(JSON.parse(localStorage.getItem('taiwa.data')).plans));
  const next = plans.find((p) => p.name === '月例の学習会（90分）（続き）');
  assert.ok(next, 'the new plan is stored');
  assert.deepEqual(next.steps.map((s) => s.kind), ['welcome', 'check_in', 'whole_group', 'check_out', 'close']);

  // The report lists what continues.
  await go(desk, origin, `/facilitate/report/${id}`);
  await desk.waitForSelector('.report-preview');
  assert.match(await desk.locator('.report-preview').innerText(), /## 次回に続くこと\n\n- 全体で分かち合い/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a full 90-minute run-through from the console, on time', async () => {
  const { context, page, errors, origin } = await open({ viewport: { width: 1280, height: 800 }, timezoneId: 'Asia/Tokyo' });
  await page.clock.install({ time: new Date('2026-12-20T13:58:00+09:00') });
  const id = await startSession(page, origin, { starts: '2026-12-20T14:00' });
  const desk = await openConsole(context, origin, id, errors);
  const pace = desk.locator('.console-pace');
  // Each step takes its planned minutes; the last is the close.
  const minutes = [5, 15, 10, 25, 20, 10, 5];
  await page.clock.fastForward('02:00');
  for (const [i, m] of minutes.entries()) {
    await desk.getByRole('button', { name: /タイマー開始/ }).click();
    await page.clock.fastForward(`${String(m).padStart(2, '0')}:00`);
    if (i < minutes.length - 1) await desk.getByRole('button', { name: '次へ →' }).click();
  }
  assert.equal(await page.locator('.present-title').innerText(), 'おわりに');
  await pace.getByText('予定の時間内に終わりそうです。').waitFor();
  assert.match(await pace.locator('.console-times').innerText(), /このままだと 15:30 ごろ終わりそう/);
  assert.match(await desk.locator('.console-carry').innerText(), /次回に続くステップはありません/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the console passes an automated accessibility check and fits a 360 px window, in both languages', async () => {
  const { AxeBuilder } = await import('@axe-core/playwright');
  const { context, page, errors, origin } = await open({ viewport: { width: 1280, height: 800 } });
  const id = await startSession(page, origin);
  const desk = await openConsole(context, origin, id, errors);
  // On the small groups step, with rooms made and shown.
  for (let i = 0; i < 3; i++) await desk.getByRole('button', { name: '次へ →' }).click();
  assert.equal(await desk.locator('#console-step').innerText(), '小グループで');
  await desk.getByRole('button', { name: 'ルームを作る' }).click();
  await desk.getByLabel(/共有画面にルームを映す/).check();
  const check = async (what) => {
    const { violations } = await new AxeBuilder({ page: desk }).analyze();
    assert.deepEqual(violations.map((v) => `${what}: ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
  };
  await check('console');
  await desk.emulateMedia({ colorScheme: 'dark' });
  await check('console, dark');
  await desk.setViewportSize({ width: 360, height: 740 });
  const wide = () => desk.evaluate(() => document.documentElement.scrollWidth);
  assert.ok((await wide()) <= 360, `no sideways scroll at 360 px: ${await wide()}`);
  // In English.
  await desk.setViewportSize({ width: 1280, height: 800 });
  await desk.getByRole('button', { name: 'Switch to English' }).click();
  await desk.waitForFunction(() => document.querySelector('h1')?.innerText.startsWith('Console:'));
  await desk.setViewportSize({ width: 360, height: 740 });
  assert.match(await desk.locator('.console-room-list').innerText(), /Room 1: No\. \d/);
  assert.ok((await wide()) <= 360, `no sideways scroll at 360 px in English: ${await wide()}`);
  await check('console, English');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a role-play step: rooms with parts that move on each round, role cards, and the scenario on the shared screen', async () => {
  const { context, page, errors, origin } = await open({ viewport: { width: 1280, height: 800 } });
  await go(page, origin, '/');
  await page.evaluate(() => {
    const step = (id, kind, title, minutes, extra = {}) => ({ id, kind, title, prompt: '', minutes, ...extra });
    localStorage.setItem('taiwa.data', JSON.stringify({
      app: 'taiwa', schema: 1, settings: { updated: 0 },
      plans: {
        rp: {
          id: 'rp', name: 'ロールプレイの会', next: '', created: 1, updated: 1, deleted: false,
          steps: [step('s1', 'welcome', 'ようこそ', 5), step('s2', 'role_play', 'ロールプレイ', 30, { scenario: 'back-to-work' })],
        },
      },
    }));
  });
  await go(page, origin, '/facilitate');
  await page.getByRole('button', { name: '画面共有を始める' }).first().click();
  await page.waitForURL(/\/facilitate\/present\//);
  await presenting(page);
  const id = new URL(page.url()).pathname.split('/').pop();
  const desk = await openConsole(context, origin, id, errors);
  await desk.getByRole('button', { name: '次へ →' }).click();
  assert.equal(await desk.locator('#console-step').innerText(), 'ロールプレイ');
  // The helper is open on a role-play step.
  await desk.locator('#rooms-people').fill('7');
  await desk.locator('#rooms-people').press('Tab');
  await desk.getByRole('button', { name: 'ルームを作る' }).click();
  const rooms = desk.locator('.console-room-list li');
  await rooms.first().waitFor();
  const first = await rooms.allInnerTexts();
  assert.equal(first.length, 3);
  // The room of three has the three parts; a room of two, the supporter and the other person.
  for (const room of first) {
    const parts = room.match(/（[^）]+）/g);
    if (parts.length === 3) assert.deepEqual(parts, ['（ピアサポーター役）', '（相手役）', '（もうひとりの役）']);
    else assert.deepEqual(parts, ['（ピアサポーター役）', '（相手役）']);
  }
  await desk.getByRole('button', { name: '役を交代する' }).click();
  await desk.getByText('役：2回目').waitFor();
  const second = await rooms.allInnerTexts();
  assert.notDeepEqual(second, first, 'the parts moved on');
  assert.match(second.find((r) => r.match(/（/g).length === 2), /（相手役）.*（ピアサポーター役）/, 'in a room of two, they swap');
  // One role card link (and QR code) for each part, and for the observer.
  await desk.getByText('役のカード（どのルームでも同じカードです）').click();
  assert.equal(await desk.locator('.console-cards a[href*="/card#"]').count(), 4);
  // The shared screen shows the rooms with the scenario, without names or parts.
  await desk.getByLabel(/共有画面にルームを映す/).check();
  await page.waitForSelector('.present-rooms li');
  const shown = await page.locator('.present-rooms li').allInnerTexts();
  assert.deepEqual(shown.map((l) => l.replace(/\d人/, 'N人')), Array(3).fill('ルームX：N人・『「大丈夫？」が重たい職場』').map((l, i) => l.replace('X', i + 1)));
  assert.ok(!(await page.evaluate(() => document.body.innerText)).includes('ピアサポーター役'));
  assert.deepEqual(errors, []);
  await context.close();
});
