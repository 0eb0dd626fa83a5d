// End to end, issue 14 (words and the catalogue): the preview card names the partner it
// shows, has labels (not questions) and months in words, in Dutch and English; the
// academy's catalogue can be browsed before registering as a participant, and without an
// account from the login page (at 360 and 1280 px, both languages, axe clean); English says
// "Ready since", not "Left on".
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Portal } from './pages.mjs';
import { axeViolations, serverAndBrowser, watchedContext } from './harness.mjs';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 800 } };

async function inLanguage(browser, url, options, lang) {
  const watched = await watchedContext(browser, url, options);
  await watched.context.addInitScript((l) => localStorage.setItem('zelfregie.lang', l), lang);
  return watched;
}

async function loginDemo(page, email) {
  await page.goto('/inloggen');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill('zelfregie-demo');
  await page.locator('main form button[type="submit"]').click();
  await page.locator('#hoofdmenu .nav-logout').waitFor({ state: 'attached' });
}

describe('words and the catalogue (issue 14)', () => {
  const env = serverAndBrowser({ demo: true });

  it('the preview names its partner, with labels and months in words, in both languages', async () => {
    const expected = {
      nl: { partner: 'Voorbeeld voor: Gemeente Beek', period: 'september 2009 – juli 2013', from: 'januari 2027', label: 'Beschikbaar vanaf', km: '40 km', question: 'Werk je bij' },
      en: { partner: 'Preview for: Gemeente Beek', period: 'September 2009 – July 2013', from: 'January 2027', label: 'Available from', km: '40 km', question: 'Do you work for' },
    };
    for (const [lang, want] of Object.entries(expected)) {
      for (const options of [PHONE, DESKTOP]) {
        const { context, seen } = await inLanguage(env.browser, env.server.url, options, lang);
        const page = await context.newPage();
        await loginDemo(page, 'kandidaat@example.org');
        await page.goto('/zichtbaarheid');
        await page.locator('#preview-partner').selectOption('beek');
        await page.locator('.preview-controls button').click();
        const result = page.locator('.preview-result');
        await result.locator('.candidate-card').waitFor();
        const text = (await result.innerText()).replace(/\s+/g, ' ');
        assert.ok(text.includes(want.partner), `${lang}: ${text.slice(0, 80)}`);
        for (const part of [want.period, want.from, want.label, want.km]) assert.ok(text.includes(part), `${lang}: "${part}" in the card`);
        assert.ok(!text.includes(want.question), `${lang}: a question as a label`);
        assert.ok(!/\d{4}-\d{2}/.test(text), `${lang}: a month as digits`);
        assert.deepEqual(await axeViolations(page), [], `${lang} preview`);
        assert.deepEqual(seen.consoleErrors, []);
        await context.close();
      }
    }
  });

  it('the catalogue can be browsed without an account, from the login page, and before registering as a participant', async () => {
    const words = {
      nl: { link: 'Bekijk het opleidingsaanbod (zonder in te loggen)', heading: 'Opleidingsaanbod', training: 'Projectmatig werken' },
      en: { link: 'See the training catalogue (without logging in)', heading: 'Training catalogue', training: 'Projectmatig werken' },
    };
    for (const [lang, w] of Object.entries(words)) {
      for (const options of [PHONE, DESKTOP]) {
        const { context, seen } = await inLanguage(env.browser, env.server.url, options, lang);
        const page = await context.newPage();
        const portal = new Portal(page);
        await page.goto('/inloggen');
        await page.getByRole('link', { name: w.link }).click();
        await portal.expectHeading(w.heading);
        await page.locator('.catalogue .training h3', { hasText: w.training }).waitFor();
        assert.equal(await page.locator('.catalogue button').count(), 0, 'nothing to press without an account');
        assert.deepEqual(await axeViolations(page), [], `${lang} catalogue`);
        assert.deepEqual(seen.consoleErrors, [], `${lang}: console errors`);
        await context.close();
      }
    }
    // Logged in but not a participant: the catalogue is on Opleidingen, below the registration.
    const { context } = await inLanguage(env.browser, env.server.url, PHONE, 'nl');
    const page = await context.newPage();
    const portal = new Portal(page);
    await loginDemo(page, 'kandidaat@example.org');
    await page.goto('/opleidingen');
    await portal.expectHeading('Opleidingen');
    await page.locator('#h-register').waitFor();
    await page.locator('.catalogue .training h3', { hasText: 'Projectmatig werken' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'Opleidingen before registering');
    await context.close();
  });
});
