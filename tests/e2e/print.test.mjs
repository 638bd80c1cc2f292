// Print for rooms without screens: each view renders to PDF with the pages it
// should have, on A4 and JIS B5; every card holds one role and no card runs
// across a page or loses a word; the app's header and navigation never reach
// paper; and printing works offline from the installed app.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { open, go, teardown, library, offlineReady } from './harness.mjs';

after(teardown);

/** The pages of a PDF, and the size of its first page in millimetres. */
function pdfInfo(buffer) {
  const text = buffer.toString('latin1');
  const pages = (text.match(/\/Type\s*\/Page(?![s\w])/g) || []).length;
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
  const mm = (pt) => Math.round((Number(pt) * 25.4) / 72);
  return { pages, width: box && mm(box[1]), height: box && mm(box[2]) };
}

async function pdf(page) {
  await page.emulateMedia({ media: 'print' });
  const info = pdfInfo(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  await page.emulateMedia({ media: 'screen' });
  return info;
}

/** In print media: every card inside its sheet, and none cut short. */
async function cardsFit(page) {
  await page.emulateMedia({ media: 'print' });
  const bad = await page.evaluate(() => [...document.querySelectorAll('.sheets .print-card')].flatMap((card, i) => {
    const sheet = card.closest('.sheet').getBoundingClientRect();
    const box = card.getBoundingClientRect();
    const out = [];
    if (box.top < sheet.top - 1 || box.bottom > sheet.bottom + 1) out.push(`card ${i} leaves its sheet`);
    if (card.scrollHeight > card.clientHeight + 1) out.push(`card ${i} is cut short (${card.scrollHeight} > ${card.clientHeight}): ${card.innerText.slice(0, 40)}`);
    return out;
  }));
  const chrome = await page.evaluate(() => ['.site-header', 'nav', '.print-tools']
    .filter((s) => document.querySelector(s) && getComputedStyle(document.querySelector(s)).display !== 'none'));
  await page.emulateMedia({ media: 'screen' });
  return { bad, chrome };
}

/** Chooses the paper, and waits until the cards are laid out on it. */
async function choosePaper(page, name) {
  await page.getByRole('radio', { name }).check();
  await packed(page);
}

/** Waits until the cards sit on their sheets (role cards are measured first). */
const packed = (page) => page.locator('.sheets[data-packed]').first().waitFor();

const card = (page, selector = '') => page.locator(`.sheets .print-card${selector}`);

test('a scenario\'s role cards: the situation and each role on its own card, two to a page, on A4 and B5', async () => {
  const { context, page, origin, errors } = await open();
  await go(page, origin, '/scenarios/first-meeting');
  await page.getByRole('link', { name: '役のカードを印刷する' }).click();
  await packed(page);
  const s = library().scenarios.find((x) => x.id === 'first-meeting');
  assert.equal(await card(page).count(), s.roles.length + 1);
  assert.equal(await card(page, '[data-card="situation"]').count(), 1);
  for (const role of s.roles) {
    const one = card(page, `[data-role="${role.kind}"]`);
    assert.equal(await one.count(), 1, `${role.kind} has one card`);
    assert.equal(await one.locator('.role-name').innerText(), role.name.ja);
    // Only this role's own briefing is on it.
    for (const other of s.roles.filter((r) => r.kind !== role.kind)) {
      assert.ok(!(await one.innerText()).includes(other.briefing.ja.slice(0, 20)), `${role.kind} shows ${other.kind}'s briefing`);
    }
  }
  // A page for each sheet: two cards to a sheet, or one too long for half.
  const sheets = () => page.locator('.sheets .sheet').count();
  const a4 = await pdf(page);
  assert.deepEqual(a4, { pages: await sheets(), width: 210, height: 297 });
  assert.ok(a4.pages >= Math.ceil((s.roles.length + 1) / 2));
  await choosePaper(page, 'B5（JIS）');
  const b5 = await pdf(page);
  assert.deepEqual(b5, { pages: await sheets(), width: 182, height: 257 });
  const fit = await cardsFit(page);
  assert.deepEqual(fit, { bad: [], chrome: [] });
  console.log(`# role cards of first-meeting: ${a4.pages} pages on A4, ${b5.pages} on B5`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a heavy scenario carries its content note on every card', async () => {
  const { context, page, origin } = await open();
  await go(page, origin, '/print/roles/wanting-to-die');
  await packed(page);
  const n = await card(page).count();
  assert.equal(n, 4);
  assert.equal(await card(page, ' .card-note').count(), n);
  await context.close();
});

test('every built-in scenario\'s cards fit on B5, the smaller paper, in both languages', async () => {
  const { context, page, origin } = await open();
  await go(page, origin, '/');
  const bad = [];
  let halves = 0;
  let wholes = 0;
  for (const lang of ['ja', 'en']) {
    if (lang === 'en') {
      await page.getByRole('button', { name: 'Switch to English' }).click();
      await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    }
    for (const s of library(lang).scenarios) {
      await go(page, origin, `/print/roles/${s.id}?paper=b5`);
      await packed(page);
      const fit = await cardsFit(page);
      bad.push(...fit.bad.map((b) => `${lang} ${s.id}: ${b}`));
      halves += await page.locator('.sheets .sheet:not(.whole) .print-card').count();
      wholes += await page.locator('.sheets .sheet.whole').count();
    }
  }
  assert.deepEqual(bad, []);
  console.log(`# role cards of every scenario on B5, both languages: ${halves} on half a page, ${wholes} on a page of their own`);
  await context.close();
});

test('a prompt deck prints as cards, eight to a page, and as its one-word variant', async () => {
  const { context, page, origin } = await open();
  await go(page, origin, '/facilitate');
  await page.getByRole('link', { name: '「チェックイン」をカードにして印刷する' }).click();
  await packed(page);
  const deck = library().decks.find((d) => d.id === 'check-in');
  assert.equal(await card(page).count(), deck.prompt.length);
  const a4 = await pdf(page);
  assert.equal(a4.pages, Math.ceil(deck.prompt.length / 8));
  await page.getByLabel('短いことばのカードにする').check();
  assert.equal(await card(page, ' .prompt-text').first().innerText(), deck.prompt[0].short.ja);
  await choosePaper(page, 'B5（JIS）');
  const b5 = await pdf(page);
  assert.equal(b5.pages, a4.pages);
  assert.deepEqual(await cardsFit(page), { bad: [], chrome: [] });
  console.log(`# prompt cards of check-in (${deck.prompt.length}): ${a4.pages} pages on A4, ${b5.pages} on B5`);
  await context.close();
});

const PLAN = {
  id: 'p1', name: '12月の学習会', next: '2027-01-17T14:00', starts: '2026-12-20T14:00',
  created: 1788000000000, updated: 1788000000000, deleted: false,
  steps: [
    { id: 's1', kind: 'welcome', title: 'ようこそ', prompt: '', minutes: 5, notes: '録画はしないことを最初に伝える' },
    { id: 's2', kind: 'check_in', title: '', prompt: '', deck: 'check-in', minutes: 15 },
    { id: 's3', kind: 'theme', title: 'テーマ', prompt: 'ピアサポートで受け取ったもの', minutes: 30 },
    { id: 's4', kind: 'close', title: '', prompt: '', minutes: 5 },
  ],
};
const SESSION = {
  id: 'x1', plan: 'p1', title: '12月の学習会', started: 1790000000000, updated: 1790000000000, deleted: false,
  step: 3, report: {
    title: '12月の学習会の報告', date: '2026-12-20T14:00', format: 'Zoom', participants: '8', theme: 'ピアサポートで受け取ったもの',
    points: ['待ってもらえたことが支えになった', '言いかえると、自分にもやさしくなれた'], checkout: ['あたたかい', 'もう少し考えたい'], next: '2027-01-17T14:00',
  },
};

test('a plan\'s handout lists steps, minutes and themes without the facilitator\'s notes; the report prints on one page', async () => {
  const { context, page, origin } = await open();
  await go(page, origin, '/');
  await page.evaluate(([plan, session]) => localStorage.setItem('taiwa.data', JSON.stringify({
    app: 'taiwa', schema: 3, settings: { lang: 'ja', theme: 'system', text_size: 'normal', updated: 1 },
    plans: { p1: plan }, sessions: { x1: session },
  })), [PLAN, SESSION]);
  await go(page, origin, '/facilitate/plan/p1');
  await page.getByRole('link', { name: '配布用の進行表を印刷する' }).click();
  const handout = page.locator('.print-doc.handout');
  await handout.waitFor();
  const text = await handout.innerText();
  assert.match(text, /12月の学習会/);
  assert.match(text, /ピアサポートで受け取ったもの/);
  assert.match(text, /当日に「チェックイン」から1枚引きます/);
  assert.match(text, /合わせて 55分/);
  assert.ok(!text.includes('録画はしない'), 'the facilitator\'s notes are on the handout');
  assert.equal((await pdf(page)).pages, 1);

  await go(page, origin, '/facilitate/report/x1');
  await page.getByRole('link', { name: '報告を印刷する' }).click();
  const report = page.locator('.print-doc.report');
  await report.waitFor();
  assert.match(await report.innerText(), /待ってもらえたことが支えになった/);
  assert.match(await report.innerText(), /8人/);
  const info = await pdf(page);
  assert.equal(info.pages, 1);
  await context.close();
});

test('the worksheets are one sheet each on A4 and B5, and work offline from the installed app', async () => {
  const { context, page, origin } = await open();
  await go(page, origin, '/');
  await offlineReady(page);
  await context.setOffline(true);
  await go(page, origin, '/facilitate');
  await page.getByRole('link', { name: 'ふりかえりシートを印刷する' }).click();
  const sheet = page.locator('.worksheet.reflection');
  await sheet.waitFor();
  assert.equal(await sheet.locator('.box[data-task]').count(), 4);
  for (const paper of ['A4', 'B5（JIS）']) {
    await page.getByRole('radio', { name: paper }).check();
    assert.equal((await pdf(page)).pages, 1, `reflection on ${paper}`);
  }
  await go(page, origin, '/print/worksheet/reframing');
  const reframing = page.locator('.worksheet.reframing');
  await reframing.waitFor();
  // One phrase of each shift, and a row for one's own.
  const shifts = new Set(library().reframes.map((r) => r.shift)).size;
  assert.equal(await reframing.locator('.heard').count(), shifts);
  assert.equal(await reframing.locator('.box').count(), shifts + 1);
  for (const paper of ['A4', 'B5（JIS）']) {
    await page.getByRole('radio', { name: paper }).check();
    const info = await pdf(page);
    assert.equal(info.pages, 1, `reframing on ${paper}`);
  }
  // The boxes keep all their words on the sheet.
  await page.emulateMedia({ media: 'print' });
  const over = await page.evaluate(() => [...document.querySelectorAll('.worksheet .box')]
    .filter((b) => b.scrollHeight > b.clientHeight + 1).length);
  assert.equal(over, 0);
  await context.setOffline(false);
  await context.close();
});
