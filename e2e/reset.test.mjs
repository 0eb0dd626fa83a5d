// End to end, issue 12: a person who forgot the password asks for a link on the login page
// (on a 360 px phone), chooses a new password with the link from the mail, and is then
// logged out everywhere — a session in another browser ends too — and logs in with the new
// password. Opening the link does nothing by itself: only the button acts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Portal, eventually, mailsTo } from './pages.mjs';
import {
  axeViolations, cspViolations, foreignRequests, serverAndBrowser, watchedContext,
} from './harness.mjs';

const PASSWORD = 'paarse olifant fietst';
const NEW_PASSWORD = 'groene giraf zwemt traag';
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

/** The reset link in the newest mail to `to`, on the test server. */
function resetLink(server, to) {
  const mail = mailsTo(server.dataDir, to).filter((t) => t.includes('/wachtwoord-herstellen?token=')).at(-1);
  if (!mail) throw new Error(`no reset mail to ${to}`);
  const u = new URL(mail.match(/(http\S+\/wachtwoord-herstellen\?token=\S+)/)[1]);
  return `${server.url}${u.pathname}${u.search}`;
}

describe('password reset in the browser', () => {
  const env = serverAndBrowser();

  it('forgot password → mail → new password → every session ends → log in with the new one', async () => {
    const email = 'vergeetachtig@example.org';
    // A logged-in session in one browser (another device).
    const other = await env.browser.newContext({ baseURL: env.server.url });
    const otherPage = await other.newPage();
    const otherPortal = new Portal(otherPage);
    await otherPortal.register(email, PASSWORD);
    assert.equal(await otherPortal.overviewEmail(), email);

    // On a phone: the login page, a wrong password, and the way out right in the error.
    const { context, seen } = await watchedContext(env.browser, env.server.url, PHONE);
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.open('/inloggen');
    await portal.login(email, 'dit is niet het wachtwoord');
    await page.getByRole('alert').filter({ hasText: 'E-mailadres of wachtwoord klopt niet.' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).count(), 2, 'under the form and in the error');
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).first().click();
    await portal.expectHeading('Wachtwoord vergeten');
    assert.deepEqual(await axeViolations(page), []);
    await portal.field('E-mailadres').fill(email);
    await portal.button('Stuur mij een link').click();
    await page.getByRole('status').filter({ hasText: 'Als er een account bij dit adres hoort, krijg je binnen een paar minuten een mail' }).waitFor();

    // The link from the mail: opening it changes nothing; the button does.
    const link = await eventually(() => resetLink(env.server, email));
    await page.goto(link);
    await portal.expectHeading('Nieuw wachtwoord kiezen');
    await page.waitForTimeout(300);
    const stillIn = await otherPage.request.get('/api/session');
    assert.equal(stillIn.status(), 200, 'opening the link ends nothing');
    assert.deepEqual(await axeViolations(page), []);
    await portal.field('Nieuw wachtwoord').fill(NEW_PASSWORD);
    const toggle = portal.button('Wachtwoord tonen');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    assert.equal(await portal.field('Nieuw wachtwoord').inputValue(), NEW_PASSWORD, 'shown, still filled in');
    assert.equal(await portal.field('Nieuw wachtwoord').getAttribute('type'), 'text');
    await portal.button('Wachtwoord opslaan').click();
    await page.getByRole('status').filter({ hasText: 'Je nieuwe wachtwoord is opgeslagen.' }).waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `page is ${width}px wide`);

    // The person is told by mail.
    await eventually(() => assert.ok(mailsTo(env.server.dataDir, email).some((t) => t.includes('Subject: Je wachtwoord is veranderd'))));

    // The other device's session has ended.
    assert.equal((await otherPage.request.get('/api/session')).status(), 204, 'nobody logged in there');
    await otherPage.reload();
    await otherPortal.expectHeading('Inloggen');

    // The link works once.
    await page.goto(link);
    await portal.field('Nieuw wachtwoord').fill('nog weer een ander wachtwoord');
    await portal.button('Wachtwoord opslaan').click();
    await page.getByRole('alert').filter({ hasText: 'Deze link werkt niet (meer)' }).waitFor();

    // The old password no longer works, the new one does.
    await portal.open('/inloggen');
    await portal.login(email, PASSWORD);
    await page.getByRole('alert').filter({ hasText: 'E-mailadres of wachtwoord klopt niet.' }).waitFor();
    await portal.field('Wachtwoord').fill(NEW_PASSWORD);
    await portal.button('Inloggen').click();
    assert.equal(await portal.overviewEmail(), email);

    assert.deepEqual(await cspViolations(page), [], 'no CSP violation');
    assert.deepEqual(foreignRequests(seen, env.server.url), [], 'no request to another origin');
    await context.close();
    await other.close();
  });
});
