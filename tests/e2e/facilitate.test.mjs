// Facilitation: a plan from the template, the presenter view shared on Zoom
// (keys, timer, harvest, nothing personal, readable when shrunk), and the
// report afterwards.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { open, go, ready, h1, teardown, focusIs } from './harness.mjs';

after(teardown);

/** Waits until the presenter view has drawn (it has no header). */
async function presenting(page) {
  await page.waitForSelector('.present-title', { state: 'visible' });
  await page.waitForFunction(() => !document.getElementById('boot'));
}

const title = (page) => page.locator('.present-title').innerText();
const prompt = (page) => page.locator('.present-prompt').innerText();
const timer = (page) => page.locator('.present-timer .timer-clock').innerText();
/** mm:ss (or +mm:ss) as seconds left; negative when over time. */
const seconds = (text) => {
  const over = text.startsWith('+');
  const [m, s] = text.replace('+', '').split(':').map(Number);
  return (over ? -1 : 1) * (m * 60 + s);
};

/** Clicks a presenter control as a person would: the mouse moves first, which
 *  brings the faded controls back. */
let moves = 0;
async function control(page, name) {
  moves += 1;
  await page.mouse.move(200 + (moves % 50), 300);
  await page.locator('.present-controls').getByRole('button', { name }).click();
}

/** A new plan from the template; returns its editor's path. */
async function newPlan(page, origin, button = 'ひな形から作る（90分）') {
  await go(page, origin, '/facilitate');
  await page.getByRole('button', { name: button }).click();
  await page.waitForURL(/\/facilitate\/plan\//);
  await ready(page);
  return new URL(page.url()).pathname;
}

/** Starts presenting the plan open in the editor. */
async function present(page, button = '画面共有を始める') {
  await page.getByRole('button', { name: button }).first().click();
  await page.waitForURL(/\/facilitate\/present\//);
  await presenting(page);
}

test('a plan from the template adds up to 90 minutes, and steps move by keyboard', async () => {
  const { context, page, errors, origin } = await open();
  const path = await newPlan(page, origin);
  assert.equal(await h1(page), '月例の学習会（90分）');
  assert.match(await page.locator('.total').innerText(), /合計90分/);
  const legends = () => page.locator('.step-row legend').allInnerTexts();
  assert.deepEqual(await legends(), [
    'ステップ1：ようこそ', 'ステップ2：チェックイン', 'ステップ3：今日のテーマ',
    'ステップ4：小グループで', 'ステップ5：全体で分かち合い', 'ステップ6：チェックアウト', 'ステップ7：おわりに',
  ]);

  // Up, with the keyboard: focus stays on a move button of the same step.
  await page.getByRole('button', { name: '「チェックイン」を上へ' }).focus();
  await page.keyboard.press('Enter');
  assert.equal((await legends())[0], 'ステップ1：チェックイン');
  assert.match(await page.locator('.status').innerText(), /「チェックイン」を1番目に移しました/);
  const focused = await focusIs(page, 'aria-label', '「チェックイン」を下へ');
  assert.equal(focused, '「チェックイン」を下へ', 'at the top, focus moves to "down"');
  await page.keyboard.press('Enter');
  assert.equal((await legends())[1], 'ステップ2：チェックイン');

  // Edit a step, rename the plan, add and remove a step: all kept after a reload.
  await page.getByLabel('進行表の名前').fill('11月の学習会');
  await page.locator('#add-kind').selectOption('role_play');
  await page.getByRole('button', { name: 'ステップを追加' }).click();
  assert.match(await page.locator('.total').innerText(), /合計110分.*90分より20分長く/);
  await page.locator('.step-row').last().getByLabel('場面').selectOption({ index: 1 });
  await page.locator('.step-row').last().getByLabel('時間（分）').fill('5');
  await page.locator('.step-row').last().getByLabel('時間（分）').press('Tab');
  assert.match(await page.locator('.total').innerText(), /合計95分/);
  await page.getByRole('button', { name: '「ロールプレイ」を外す' }).click();
  await page.getByRole('button', { name: '外す', exact: true }).click();
  assert.equal((await legends()).length, 7);
  await page.reload();
  await ready(page);
  assert.equal(await h1(page), '11月の学習会');
  assert.match(await page.locator('.total').innerText(), /合計90分/);

  // Duplicate, then delete the copy (asked first).
  await go(page, origin, '/facilitate');
  await page.getByRole('button', { name: '複製' }).click();
  assert.equal(await page.locator('.plan-item').count(), 2);
  await page.getByRole('button', { name: '削除 11月の学習会のコピー' }).click();
  assert.match(await page.locator('.confirm-ask').innerText(), /「11月の学習会のコピー」を削除しますか/);
  assert.equal(await focusIs(page, 'text', 'やめておく'), 'やめておく');
  await page.getByRole('button', { name: '削除する' }).click();
  assert.deepEqual(await page.locator('.plan-item h3').allInnerTexts(), ['11月の学習会']);
  assert.ok(path.startsWith('/facilitate/plan/'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('presenting: keys move through the steps; the timer counts down and keeps counting after a reload', async () => {
  const { context, page, errors, origin } = await open({ viewport: { width: 1280, height: 720 } });
  await page.clock.install();
  await newPlan(page, origin);
  await present(page);
  assert.equal(await page.locator('header').count(), 0, 'no app header on the shared screen');
  assert.equal(await title(page), 'ようこそ');
  await page.keyboard.press('ArrowRight');
  assert.equal(await title(page), 'チェックイン');
  assert.equal(await page.locator('.present-pass').innerText(), '話さずにパスしても大丈夫です。');
  await page.keyboard.press(' ');
  assert.equal(await title(page), '今日のテーマ');
  assert.equal(await page.locator('.present-pass').count(), 0, 'the pass line is for rounds');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await title(page), 'チェックイン');
  assert.equal(await page.locator('.present-progress').innerText(), '2 / 7');

  assert.equal(await timer(page), '15:00');
  await page.keyboard.press('t');
  await page.clock.fastForward('01:00');
  const after1 = seconds(await timer(page));
  assert.ok(after1 <= 14 * 60 && after1 > 10 * 60, `one minute later: ${after1}s left`);
  await page.reload();
  await presenting(page);
  assert.equal(await title(page), 'チェックイン', 'the same step after a reload');
  await page.clock.fastForward('02:00');
  const after2 = seconds(await timer(page));
  assert.ok(after2 <= 12 * 60 && after2 > 8 * 60, `kept counting across the reload: ${after2}s left`);

  // Pause holds; + and − change the minutes; R resets; overtime shows calmly.
  await page.keyboard.press('t');
  const paused = await timer(page);
  await page.clock.fastForward('00:30');
  assert.equal(await timer(page), paused);
  await page.keyboard.press('r');
  assert.equal(await timer(page), '15:00');
  await page.keyboard.press('+');
  assert.equal(await timer(page), '16:00');
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  assert.equal(await timer(page), '14:00');
  await page.keyboard.press('t');
  await page.clock.fastForward('15:30');
  assert.match(await timer(page), /^\+0[1-9]:\d\d$/);
  assert.match(await page.locator('.present-timer').innerText(), /延長中/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('controls fade when the mouse rests, and every key has its button', async () => {
  const { context, page, errors, origin } = await open({ viewport: { width: 1280, height: 720 } });
  await page.clock.install();
  await newPlan(page, origin);
  await present(page);
  const idle = () => page.locator('.present').evaluate((el) => el.classList.contains('idle'));
  const opacity = () => page.locator('.present-controls').evaluate((el) => getComputedStyle(el).opacity);
  await page.mouse.move(300, 300);
  assert.equal(await idle(), false);
  await page.clock.fastForward('00:04');
  assert.equal(await idle(), true);
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.present-controls')).opacity === '0');
  await page.mouse.move(400, 320);
  assert.equal(await idle(), false);
  // Keyboard focus brings them back too.
  await page.clock.fastForward('00:04');
  await page.locator('.present').focus();
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.present-controls')).opacity === '1');
  assert.equal(await opacity(), '1');
  const controls = page.locator('.present-controls');
  for (const name of ['← 戻る', '次へ →', 'タイマー開始', 'リセット', '−1分', '＋1分', 'ことばを書きとめる', '画面を隠す', '全画面', '終了のやさしい音', 'キー操作', '進行表に戻る']) {
    assert.equal(await controls.getByRole('button', { name }).count(), 1, name);
  }
  await control(page, '次へ →');
  assert.equal(await title(page), 'チェックイン');
  assert.equal(await controls.getByRole('button', { name: '終了のやさしい音' }).getAttribute('aria-pressed'), 'false', 'silent by default');

  // ? shows the keys; any key closes them.
  await page.keyboard.press('?');
  assert.match(await page.getByRole('dialog').innerText(), /タイマーの開始・一時停止/);
  await page.keyboard.press('x');
  assert.equal(await page.getByRole('dialog').count(), 0);
  // B blanks; any key returns.
  await page.keyboard.press('b');
  assert.ok(await page.locator('.present-blank').isVisible());
  await page.keyboard.press('k');
  assert.equal(await page.locator('.present-blank').count(), 0);
  assert.equal(await title(page), 'チェックイン', 'the key that ends the blank does nothing else');
  // F: full screen, or a gentle word that it is not available.
  await page.keyboard.press('f');
  await page.waitForFunction(() => document.fullscreenElement || document.querySelector('.present-message'));
  // Esc leaves to the plan.
  await page.keyboard.press('Escape');
  await page.waitForURL(/\/facilitate\/plan\//);
  await ready(page);
  assert.equal(await h1(page), '月例の学習会（90分）');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a role play of a heavy scenario shows its content note on the shared screen', async () => {
  const { context, page, errors, origin } = await open({ viewport: { width: 1280, height: 720 } });
  await newPlan(page, origin);
  await page.locator('#add-kind').selectOption('role_play');
  await page.getByRole('button', { name: 'ステップを追加' }).click();
  await page.locator('.step-row').last().getByLabel('場面').selectOption('self-harm-fear');
  await present(page);
  for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
  assert.equal(await title(page), 'ロールプレイ');
  assert.equal(await page.locator('.present-scenario').innerText(), '場面：「大げさにしないで」と言われたとき');
  assert.match(await page.locator('.present-note').innerText(), /いつでも手を止めてかまいません/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a deck step draws a prompt, N draws another, and it stays after a reload', async () => {
  const { context, page, errors, origin } = await open({ viewport: { width: 1280, height: 720 } });
  await newPlan(page, origin);
  await present(page);
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  assert.equal(await title(page), 'チェックアウト');
  await page.waitForFunction(() => !document.querySelector('.present-prompt').textContent.startsWith('今日持ち帰りたいこと'));
  const first = await prompt(page);
  await page.keyboard.press('n');
  await page.waitForFunction((p) => document.querySelector('.present-prompt').textContent !== p, first);
  const second = await prompt(page);
  assert.notEqual(second, first);
  await control(page, '別の問い');
  await page.waitForFunction((p) => document.querySelector('.present-prompt').textContent !== p, second);
  const third = await prompt(page);
  await page.reload();
  await presenting(page);
  await page.waitForFunction((p) => document.querySelector('.present-prompt').textContent === p, third);
  assert.deepEqual(errors, []);
  await context.close();
});

test('harvest lines appear on the shared screen and in the report; the .md download works', async () => {
  const { context, page, errors, origin } = await open({ viewport: { width: 1280, height: 720 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const plan = await newPlan(page, origin);
  await page.getByLabel('次回の日時').fill('2026-12-20T14:00');
  await present(page);
  const harvest = () => page.locator('.present-harvest li').allInnerTexts();
  const add = async (...lines) => {
    await page.keyboard.press('h');
    for (const line of lines) {
      await page.getByLabel('聞こえたことば').fill(line);
      await page.keyboard.press('Enter');
    }
    await page.keyboard.press('Escape');
  };
  await page.keyboard.press('ArrowRight');
  await add('くもりのち晴れ');
  assert.deepEqual(await harvest(), ['くもりのち晴れ']);
  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await harvest(), [], 'each step shows its own words');
  await add('わかってもらえた感じ', 'そのままでいい', '*太字*にならない');
  assert.deepEqual(await harvest(), ['わかってもらえた感じ', 'そのままでいい', '*太字*にならない']);
  // Typing in the harvest does not move the slides.
  assert.equal(await title(page), '今日のテーマ');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  assert.equal(await title(page), 'チェックアウト');
  await add('あたたかい', 'また来たい');
  await page.keyboard.press('ArrowRight');
  assert.match(await page.locator('.present-next').innerText(), /次回：2026年12月20日（日）14:00/);

  await control(page, '記録を書く');
  await page.waitForURL(/\/facilitate\/report\//);
  await ready(page);
  assert.equal(await h1(page), '記録の下書き');
  await page.getByLabel('参加人数').fill('12');
  const preview = page.locator('.report-preview');
  await page.waitForFunction(() => document.querySelector('.report-preview').textContent.includes('12人'));
  const md = await preview.innerText();
  assert.match(md, /^# \d{4}年\d+月\d+日の学習会/);
  assert.match(md, /- \*\*形式\*\*：Zoom/);
  assert.match(md, /- \*\*参加者\*\*：12人/);
  assert.match(md, /- \*\*テーマ\*\*：ピアサポートの場で、わたしが受け取ってきたものは何だろう？/);
  assert.match(md, /## 聞こえてきたこと\n\n- わかってもらえた感じ\n- そのままでいい\n- \\\*太字\\\*にならない/);
  assert.match(md, /## チェックアウトのことば\n\n- あたたかい\n- また来たい/);
  assert.match(md, /## 次回\n\n2026年12月20日（日）14:00/);
  assert.doesNotMatch(md, /くもりのち晴れ/, 'check-in words stay out of the report');

  // Download as .md.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '.mdファイルで保存' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^taiwa-report-\d{4}-\d{2}-\d{2}\.md$/);
  const file = await readFile(await download.path(), 'utf8');
  assert.equal(file, md.trimEnd() + '\n');

  // Copy as Markdown.
  await page.getByRole('button', { name: 'Markdownでコピー' }).click();
  await page.waitForFunction(() => document.querySelector('.report .status').textContent === 'コピーしました。');
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /- あたたかい/);

  // Edits are kept with the session; saved to the journal as a report.
  await page.getByLabel('形式').fill('Zoom（ブレイクアウトあり）');
  await page.getByRole('button', { name: 'ふりかえりに保存' }).click();
  const entry = async () => page.evaluate(() => {
    const doc = JSON.parse(localStorage.getItem('taiwa.data'));
    return Object.values(doc.journal).find((e) => e.body.kind === 'report');
  });
  assert.match((await entry()).body.markdown, /ブレイクアウトあり/);
  await page.getByLabel('参加人数').fill('13');
  await page.waitForFunction(() => Object.values(JSON.parse(localStorage.getItem('taiwa.data')).journal)
    .some((e) => e.body.kind === 'report' && e.body.markdown.includes('13人')));
  await page.reload();
  await ready(page);
  assert.equal(await page.getByLabel('参加人数').inputValue(), '13');
  assert.equal(await page.getByLabel('形式').inputValue(), 'Zoom（ブレイクアウトあり）');
  // The session is listed, with its report.
  await go(page, origin, '/facilitate');
  assert.equal(await page.locator('.session-item').count(), 1);
  assert.ok(plan.startsWith('/facilitate/plan/'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('without a clipboard, the report text is selected for copying by hand', async () => {
  const { context, page, errors, origin } = await open();
  await context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
  });
  await newPlan(page, origin);
  await present(page);
  await control(page, '記録を書く');
  await page.waitForURL(/\/facilitate\/report\//);
  await ready(page);
  await page.getByRole('button', { name: 'テキストでコピー' }).click();
  await page.waitForSelector('#report-copy-box');
  assert.match(await page.locator('.report .status').innerText(), /選んでおきました/);
  const selected = await page.evaluate(() => {
    const box = document.getElementById('report-copy-box');
    return document.activeElement === box && box.selectionEnd - box.selectionStart === box.value.length;
  });
  assert.ok(selected, 'the text is focused and selected');
  assert.match(await page.locator('#report-copy-box').inputValue(), /形式：Zoom/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the shared screen shows nothing personal', async () => {
  const { context, page, errors, origin } = await open({ viewport: { width: 1280, height: 720 } });
  await go(page, origin, '/');
  await page.evaluate(() => {
    const doc = {
      app: 'taiwa', schema: 1, settings: { updated: 0 },
      journal: {
        n1: { id: 'n1', created: 1, updated: 1, body: { kind: 'note', text: 'ひみつの日記：母とけんかした' } },
        r1: { id: 'r1', created: 1, updated: 1, body: { kind: 'reflection', scenario: 'grief', title: { ja: '喪失', en: 'Loss' }, answers: [], notes: ['わたしだけのメモ'], debrief: [] } },
      },
      plans: {
        other: { id: 'other', name: 'べつの会の進行表', steps: [{ id: 's1', kind: 'theme', title: 'べつのテーマ', prompt: 'べつの問い', minutes: 10 }], next: '', created: 1, updated: 1, deleted: false },
      },
    };
    localStorage.setItem('taiwa.data', JSON.stringify(doc));
  });
  await newPlan(page, origin);
  await present(page);
  const visible = async () => page.evaluate(() => document.body.innerText);
  for (const action of [null, 'ArrowRight', 'h', 'Escape', '?']) {
    if (action) await page.keyboard.press(action);
    const text = await visible();
    for (const secret of ['ひみつの日記', '母とけんかした', 'わたしだけのメモ', 'べつの会の進行表', 'べつのテーマ', 'ふりかえり']) {
      assert.ok(!text.includes(secret), `"${secret}" is on the shared screen after ${action}`);
    }
  }
  assert.equal(await page.locator('header, nav[aria-label="メインメニュー"], .notices').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the title and prompt stay readable when Zoom shrinks the share to 320x180', async () => {
  const { context, page, errors, origin } = await open({ viewport: { width: 1280, height: 720 } });
  await newPlan(page, origin);
  // A long typed prompt too.
  await page.locator('.step-row').nth(2).getByLabel('問いかけの文').fill('ピアサポートの場で、わたしが受け取ってきたものは何だろう？そのとき、そばにいた人はどんなふうにしていたでしょう。思い出せる場面があれば、ひとつだけ教えてください。');
  await present(page);
  const scaled = (selector) => page.locator(selector).evaluate((el) => parseFloat(getComputedStyle(el).fontSize) * (320 / 1280));
  const check = async (where) => {
    const t = await scaled('.present-title');
    const p = await scaled('.present-prompt');
    assert.ok(p >= 9, `${where}: the prompt is ${p.toFixed(1)}px at 320x180`);
    assert.ok(t > p, `${where}: the title (${t.toFixed(1)}px) is larger than the prompt (${p.toFixed(1)}px)`);
    const timerSize = await scaled('.present-timer');
    assert.ok(timerSize >= 9, `${where}: the timer is ${timerSize.toFixed(1)}px`);
  };
  for (let i = 0; i < 7; i++) {
    await check(`step ${i + 1}`);
    await page.keyboard.press('ArrowRight');
  }
  // With harvested words beside the prompt.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('h');
  await page.getByLabel('聞こえたことば').fill('あたたかい');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await check('with harvest');
  const chip = await scaled('.present-harvest li');
  assert.ok(chip >= 9, `harvested words are ${chip.toFixed(1)}px`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('in English too, from the plan to the report', async () => {
  const { context, page, errors, origin } = await open({ locale: 'en-US', viewport: { width: 1280, height: 720 } });
  await newPlan(page, origin, 'New from the 90-minute template');
  assert.equal(await h1(page), 'Monthly study group (90 min)');
  assert.match(await page.locator('.total').innerText(), /90 minutes in all/);
  await present(page, 'Start presenting');
  assert.equal(await title(page), 'Welcome');
  await page.keyboard.press('ArrowRight');
  assert.equal(await title(page), 'Check-in');
  assert.equal(await page.locator('.present-pass').innerText(), 'You can always pass.');
  await page.keyboard.press('?');
  assert.match(await page.getByRole('dialog').innerText(), /Start or pause the timer/);
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('h');
  await page.getByLabel('What you heard').fill('Being accepted as I am');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await control(page, 'Write the report');
  await page.waitForURL(/\/facilitate\/report\//);
  await ready(page);
  assert.equal(await h1(page), 'Report draft');
  await page.getByLabel('Number of participants').fill('9');
  await page.waitForFunction(() => document.querySelector('.report-preview').textContent.includes('9 people'));
  const md = await page.locator('.report-preview').innerText();
  assert.match(md, /^# Study group, \d+ [A-Z][a-z]+ \d{4}/);
  assert.match(md, /- \*\*Theme\*\*: What have I been given in peer support\?/);
  assert.match(md, /## What we heard\n\n- Being accepted as I am/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the plan pages do not scroll sideways on a 360 px phone, in either language', async () => {
  const { context, page, origin } = await open({ viewport: { width: 360, height: 640 } });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  for (const lang of ['ja', 'en']) {
    const plan = await newPlan(page, origin, lang === 'ja' ? 'ひな形から作る（90分）' : 'New from the 90-minute template');
    await page.locator('.step-row').last().getByRole('button', { name: lang === 'ja' ? '外す' : 'Remove' }).click();
    for (const path of ['/facilitate', plan]) {
      await go(page, origin, path);
      assert.ok(await overflow() <= 0, `${lang} ${path} scrolls sideways by ${await overflow()}px`);
    }
    await present(page, lang === 'ja' ? '画面共有を始める' : 'Start presenting');
    await control(page, lang === 'ja' ? '記録を書く' : 'Write the report');
    await page.waitForURL(/\/facilitate\/report\//);
    await ready(page);
    assert.ok(await overflow() <= 0, `${lang} report scrolls sideways by ${await overflow()}px`);
    if (lang === 'ja') {
      await page.getByRole('button', { name: 'Switch to English' }).click();
    }
  }
  await context.close();
});

test('an automated accessibility check finds no problem on the plans, the editor, the shared screen and the report', async () => {
  const { AxeBuilder } = await import('@axe-core/playwright');
  const { context, page, origin } = await open({ viewport: { width: 1280, height: 720 } });
  const check = async (what) => {
    const { violations } = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(violations.map((v) => `${what}: ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
  };
  await newPlan(page, origin);
  await check('editor');
  await go(page, origin, '/facilitate');
  await check('plans');
  await page.getByRole('button', { name: '画面共有を始める' }).click();
  await presenting(page);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('h');
  await page.getByLabel('聞こえたことば').fill('くもり');
  await page.keyboard.press('Enter');
  await check('shared screen with the harvest open');
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  await check('keys');
  await page.keyboard.press('x');
  await control(page, '記録を書く');
  await page.waitForURL(/\/facilitate\/report\//);
  await ready(page);
  await page.waitForSelector('.report-preview');
  await check('report');
  await context.close();
});
