// End to end, issue 25 item 7: the person's language rules. An English browser opens the
// portal in English on its first visit; a Dutch one in Dutch. A person who switches to
// English while logged in gets their mails (subject and first part) and consent receipts in
// English from then on; switching back brings Dutch back. At 360 px.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Portal, demoApiLogin, eventually, mails } from './pages.mjs';
import { axeViolations, serverAndBrowser, watchedContext } from './harness.mjs';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

describe('the person\'s language', () => {
  const env = serverAndBrowser({ demo: true });

  it('a first visit follows the browser: English for en-GB, Dutch for nl-NL', async () => {
    for (const [locale, heading, lang] of [['en-GB', 'Log in', 'en'], ['nl-NL', 'Inloggen', 'nl'], ['de-DE', 'Inloggen', 'nl']]) {
      const { context } = await watchedContext(env.browser, env.server.url, { ...PHONE, locale });
      const page = await context.newPage();
      await page.goto('/inloggen');
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang, locale);
      if (locale === 'en-GB') assert.deepEqual(await axeViolations(page), [], 'login in English');
      await context.close();
    }
  });

  it('switching while logged in sets the language of mails and receipts', async () => {
    const { context } = await watchedContext(env.browser, env.server.url, PHONE);
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.loginAsDemo('kandidaat@example.org');
    await portal.openMenuIfCollapsed();
    const set = page.waitForResponse((r) => r.url().endsWith('/api/me/language') && r.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    assert.equal((await set).status(), 204);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();

    // A mail asked now comes in English first, subject and all.
    const api = { 'content-type': 'application/json', 'x-requested-with': 'zelfregie' };
    const before = mails(env.server.dataDir).length;
    const asked = await fetch(`${env.server.url}/api/password-reset`, {
      method: 'POST', headers: api, body: JSON.stringify({ email: 'kandidaat@example.org' }),
    });
    assert.equal(asked.status, 202);
    const mail = await eventually(() => {
      const m = mails(env.server.dataDir).slice(before).find((x) => x.to === 'kandidaat@example.org');
      if (!m) throw new Error('no reset mail yet');
      return m;
    });
    assert.equal(mail.subject, 'Choose a new password');
    assert.match(mail.body, /^You asked for a new password/);

    // Her consent receipt is in English too.
    const cookie = await demoApiLogin(env.server.url, 'kandidaat@example.org');
    const exported = await (await fetch(`${env.server.url}/api/me/export`, { headers: { cookie } })).json();
    const event = exported.candidate_bank.listing_consents.at(-1);
    assert.ok(event, 'the demo candidate consented to be listed');
    const receipt = await (await fetch(`${env.server.url}/api/me/visibility/receipts/${event.id}`, { headers: { cookie } })).json();
    assert.equal(receipt.language, 'en');
    assert.equal(receipt.services[0].service, 'Candidate bank');
    assert.match(receipt.event.consentText, /^I want/);

    // Back to Dutch: the next mail is Dutch again.
    const back = page.waitForResponse((r) => r.url().endsWith('/api/me/language'));
    await portal.openMenuIfCollapsed();
    await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
    assert.equal((await back).status(), 204);
    // (A second reset mail within two minutes is held back by the mail limits; the server
    // test mails again after the switch back. Here the receipt shows the switch.)
    const again = await (await fetch(`${env.server.url}/api/me/visibility/receipts/${event.id}`, { headers: { cookie } })).json();
    assert.equal(again.language, 'nl');
    assert.equal(again.services[0].service, 'Kandidatenbank');
    await context.close();
  });
});
