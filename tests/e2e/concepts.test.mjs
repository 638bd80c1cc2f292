// The concept pages: every principle, task and key idea, with its question.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { open, go, h1, teardown } from './harness.mjs';

after(teardown);

test('the ideas of IPS are one click from About, in both languages', async () => {
  const { context, page, errors, origin } = await open();
  await go(page, origin, '/about');
  await page.getByRole('link', { name: 'IPSの考え方を読む' }).click();
  await page.locator('article.concept').first().waitFor();
  assert.equal(await h1(page), 'IPSの考え方');
  assert.equal(await page.locator('article.concept').count(), 19);
  for (const id of ['learning', 'connection', 'what-happened', 'pass-is-ok']) {
    assert.ok(await page.locator(`article.concept#${id} .question`).isVisible(), id);
  }
  assert.equal(await page.locator('article.concept#connection h3').innerText(), 'つながり');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.locator('article.concept#connection h3', { hasText: 'Connection' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
