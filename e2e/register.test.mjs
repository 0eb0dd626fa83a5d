// End to end, issue 12: registering by mail link and changing the e-mail address, on a
// 360 px phone. The link in the mail opens a page that changes nothing by itself (mail
// scanners open links and run their scripts); only its button acts. The answer to the form
// is the same for a new and a taken address.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { Portal, mailLinks, mailsTo, eventually } from './pages.mjs';
import {
  axeViolations, cspViolations, foreignRequests, serverAndBrowser, watchedContext,
} from './harness.mjs';

const PASSWORD = 'paarse olifant fietst';
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

describe('registration and e-mail change in the browser', () => {
  const env = serverAndBrowser();

  it('register → mail link → button → logged in, and a taken address looks the same', async () => {
    const { context, seen } = await watchedContext(env.browser, env.server.url, PHONE);
    const page = await context.newPage();
    const portal = new Portal(page);
    const email = 'nieuw-hier@example.org';

    // Before anything is typed, the page says what is kept and links the privacy statement.
    await portal.open('/registreren');
    await portal.expectHeading('Registreren');
    await page.getByText('Voor je account bewaren we alleen je e-mailadres en een code die van je wachtwoord is gemaakt').waitFor();
    assert.equal(await page.locator('input[type="password"]').count(), 0, 'no password asked before the mailbox is proven');
    assert.equal(await page.locator('main').getByRole('link', { name: 'Lees de privacyverklaring' }).getAttribute('href'), '/privacyverklaring');
    assert.deepEqual(await axeViolations(page), [], 'the registration page');

    await portal.askForAccount(email);
    assert.deepEqual(await axeViolations(page), [], 'the "check your mail" page');
    const sent = await page.locator('main').innerText();
    const link = await portal.mailLink(email, '/registreren/bevestigen');

    // A mail scanner opens the link and runs its script: nothing is made.
    const scanner = await env.browser.newContext({ baseURL: env.server.url });
    const scanned = await scanner.newPage();
    await scanned.goto(link);
    await new Portal(scanned).expectHeading('Account maken');
    await scanned.waitForTimeout(300);
    await scanner.close();
    const login = await fetch(`${env.server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'zelfregie' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    assert.equal(login.status, 401, 'no account after opening the link');

    // The person opens it, chooses a password and presses the button. A password the rules
    // refuse is said at the field; the link keeps working.
    await page.goto(link);
    await portal.expectHeading('Account maken');
    assert.deepEqual(await axeViolations(page), [], 'the confirmation page');
    await portal.field('Wachtwoord').fill('kort');
    await portal.button('Maak mijn account').click();
    await page.getByText('Je wachtwoord moet minstens 12 tekens lang zijn.').waitFor();
    await portal.field('Wachtwoord').fill('nieuw-hier@example.org');
    await portal.button('Maak mijn account').click();
    await page.getByText('Je wachtwoord mag je e-mailadres niet bevatten', { exact: false }).first().waitFor();
    assert.equal(await portal.field('Wachtwoord').getAttribute('aria-invalid'), 'true');
    await portal.field('Wachtwoord').fill(PASSWORD);
    await portal.button('Maak mijn account').click();
    assert.equal(await portal.overviewEmail(), email);

    // Used once: the link now says so, with a way on.
    const again = await env.browser.newContext({ baseURL: env.server.url, ...PHONE });
    const againPage = await again.newPage();
    await againPage.goto(link);
    await againPage.getByLabel('Wachtwoord', { exact: true }).fill('een ander lang wachtwoord');
    await againPage.getByRole('button', { name: 'Maak mijn account' }).click();
    await againPage.getByRole('alert').filter({ hasText: 'Deze link werkt niet (meer)' }).waitFor();
    assert.deepEqual(await axeViolations(againPage), [], 'the used link');
    await againPage.getByRole('link', { name: 'Opnieuw registreren' }).waitFor();

    // Someone tries the same (taken) address: the page says exactly the same. Within the
    // address's two-minute cool-down not even the "someone tried" notice goes (the server
    // tests check the notice after the cool-down).
    const other = new Portal(againPage);
    await other.askForAccount(email.toUpperCase());
    assert.equal(await againPage.locator('main').innerText(), sent, 'the same answer');
    await againPage.waitForTimeout(500);
    assert.equal(mailsTo(env.server.dataDir, email).length, 1, 'no second mail in the cool-down');
    assert.equal(mailLinks(env.server.dataDir, email, '/registreren/bevestigen').length, 1, 'no second link');
    await again.close();

    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(foreignRequests(seen, env.server.url), []);
    await context.close();
  });

  it('change the e-mail address: the new one gets a link, the old one is told', async () => {
    const { context, seen } = await watchedContext(env.browser, env.server.url, PHONE);
    const page = await context.newPage();
    const portal = new Portal(page);
    const oldEmail = 'verhuist@example.org';
    const newEmail = 'nieuw-adres@example.org';
    await portal.register(oldEmail, PASSWORD);
    await portal.overviewEmail();
    // Another device, logged in: it is logged out by the change.
    const laptop = await env.browser.newContext({ baseURL: env.server.url });
    const onLaptop = new Portal(await laptop.newPage());
    await onLaptop.open('/inloggen');
    await onLaptop.login(oldEmail, PASSWORD);
    await onLaptop.overviewEmail();

    await portal.goToAccount();
    await page.getByRole('heading', { name: 'E-mailadres veranderen' }).waitFor();
    await portal.field('Nieuw e-mailadres').fill(newEmail);
    await portal.field('Je huidige wachtwoord').fill('niet het wachtwoord');
    await portal.button('Stuur de link').click();
    await page.getByText(/^Wachtwoord klopt niet\./).first().waitFor();
    await portal.field('Je huidige wachtwoord').fill(PASSWORD);
    await portal.button('Stuur de link').click();
    await page.getByRole('status').filter({ hasText: 'Kijk in de mail van je nieuwe adres' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the account page with the notice');

    const link = await portal.mailLink(newEmail, '/e-mailadres-bevestigen');
    const told = await eventually(() => {
      const mails = mailsTo(env.server.dataDir, oldEmail).filter((m) => m.includes('Subject: Je e-mailadres veranderen'));
      if (!mails.length) throw new Error('the old address was not told');
      return mails[0];
    });
    assert.ok(told.includes(newEmail) && !told.includes('/e-mailadres-bevestigen'));

    // The person clicks the link in webmail, a page on another site, in this browser: the
    // navigation is cross-site (the SameSite=Strict cookie stays home), yet the page's own
    // requests carry the session, and the button changes the address.
    const webmail = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="nl"><title>Webmail</title><p><a href="${env.server.url}${link}">Bevestig je nieuwe e-mailadres</a></p></html>`);
    });
    await new Promise((r) => webmail.listen(0, r));
    const webmailUrl = `http://localhost:${webmail.address().port}`;
    await page.goto(`${webmailUrl}/`);
    const [arrival] = await Promise.all([
      page.waitForResponse((r) => r.url().startsWith(`${env.server.url}/e-mailadres-bevestigen`)),
      page.getByRole('link', { name: 'Bevestig je nieuwe e-mailadres' }).click(),
    ]);
    assert.equal((await arrival.request().allHeaders())['sec-fetch-site'], 'cross-site');
    webmail.close();
    await portal.expectHeading('Nieuw e-mailadres bevestigen');
    assert.deepEqual(await axeViolations(page), [], 'the confirmation page');
    await portal.button('Gebruik dit e-mailadres').click();
    await page.getByRole('status').filter({ hasText: 'Je e-mailadres is veranderd.' }).waitFor();
    // Still logged in here: the way on is the Account page, which shows the new address.
    await page.getByRole('main').getByRole('link', { name: 'Account' }).click();
    await portal.expectHeading('Account');
    await page.getByText(newEmail, { exact: true }).waitFor();
    await portal.open('/');
    assert.equal(await portal.overviewEmail(), newEmail);
    await eventually(() => {
      if (!mailsTo(env.server.dataDir, oldEmail).some((m) => m.includes('Subject: Je e-mailadres is veranderd'))) {
        throw new Error('no notice after the change');
      }
    });
    // The other device is logged out; the new address logs in, the old one no longer.
    await onLaptop.page.reload();
    await onLaptop.expectHeading('Inloggen');
    await onLaptop.login(oldEmail, PASSWORD);
    await onLaptop.page.getByRole('alert').filter({ hasText: 'E-mailadres of wachtwoord klopt niet.' }).waitFor();
    await onLaptop.login(newEmail, PASSWORD);
    assert.equal(await onLaptop.overviewEmail(), newEmail);
    await laptop.close();

    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(foreignRequests(seen, env.server.url).filter((u) => !u.startsWith(webmailUrl)), []);
    await context.close();
  });
});
