// End to end: passkeys in Chromium on a 360 px phone, with a virtual authenticator (a phone
// with a fingerprint reader, through the DevTools protocol): add one on the Account page,
// log out, log in with it (by keyboard), use it to confirm removing it, and see it no
// longer log in. The pages stay axe-clean and keep to their origin and CSP.
//
// The portal runs on http://localhost: browsers refuse an IP address as a passkey's site.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Portal } from './pages.mjs';
import { axeViolations, cspViolations, foreignRequests, serverAndBrowser, watchedContext } from './harness.mjs';

const PASSWORD = 'paarse olifant fietst';
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

/** A phone's built-in authenticator: stores passkeys, verifies the user, answers at once. */
async function virtualAuthenticator(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true,
      isUserVerified: true, automaticPresenceSimulation: true,
    },
  });
  return {
    async credentials() { return (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials; },
    async clear() { await cdp.send('WebAuthn.clearCredentials', { authenticatorId }); },
  };
}

describe('passkeys in the browser', () => {
  const env = serverAndBrowser();
  const local = () => env.server.url.replace('127.0.0.1', 'localhost');

  async function cleanChecks(page, seen) {
    assert.deepEqual(await cspViolations(page), [], 'no CSP violation');
    assert.deepEqual(foreignRequests(seen, local()), [], 'no request to another origin');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `page is ${width}px wide`);
  }

  it('add on the Account page → log out → log in with it → confirm its removal with it → it no longer logs in', async () => {
    const { context, seen } = await watchedContext(env.browser, local(), PHONE);
    const page = await context.newPage();
    const portal = new Portal(page);
    const device = await virtualAuthenticator(context, page);

    await portal.register('passkey@example.org', PASSWORD);
    await portal.overviewEmail();
    await portal.goToAccount();
    await page.getByRole('heading', { name: 'Passkeys' }).waitFor();
    await page.getByText('Je hebt nog geen passkey.').waitFor();

    // Without the password (and no passkey yet) nothing starts.
    await portal.field('Naam van de nieuwe passkey').fill('Telefoon');
    await portal.button('Passkey toevoegen').click();
    await page.getByText('Vul dit veld in.').first().waitFor();
    await portal.expectFocus('passkey-password');
    assert.equal((await device.credentials()).length, 0);

    await portal.field('Je wachtwoord').fill(PASSWORD);
    await portal.button('Passkey toevoegen').click();
    await page.getByRole('status').filter({ hasText: 'De passkey is toegevoegd.' }).waitFor();
    const item = page.locator('li.passkey').filter({ hasText: 'Telefoon' });
    await item.waitFor();
    assert.match(await item.innerText(), /Laatst gebruikt\s+nog niet/);
    const stored = await device.credentials();
    assert.equal(stored.length, 1);
    assert.equal(stored[0].isResidentCredential, true, 'a discoverable passkey: no address needed to log in');
    assert.equal(await portal.field('Je wachtwoord').inputValue(), '', 'the password is not kept in the form');
    assert.deepEqual(await axeViolations(page), [], 'Account page with a passkey');

    await portal.logout();
    await portal.expectHeading('Inloggen');
    assert.deepEqual(await axeViolations(page), [], 'login page with the passkey button');
    // By keyboard: focus the button, press Enter; no address is typed.
    await portal.button('Inloggen met een passkey').focus();
    await page.keyboard.press('Enter');
    assert.equal(await portal.overviewEmail(), 'passkey@example.org');
    assert.equal(await page.evaluate(() => document.cookie), '', 'the session cookie stays invisible to scripts');

    await portal.goToAccount();
    const used = page.locator('li.passkey').filter({ hasText: 'Telefoon' });
    await used.waitFor();
    assert.doesNotMatch(await used.innerText(), /nog niet/, 'the login is shown as its last use');

    // Remove it, confirming with the passkey itself (the password field left empty).
    await portal.button('Verwijder passkey Telefoon').click();
    await page.getByRole('status').filter({ hasText: 'De passkey is verwijderd.' }).waitFor();
    await page.getByText('Je hebt nog geen passkey.').waitFor();

    // The phone still holds the key, but the portal no longer knows it.
    assert.equal((await device.credentials()).length, 1);
    await portal.logout();
    await portal.button('Inloggen met een passkey').click();
    await page.getByRole('alert').filter({ hasText: 'Dat lukte niet met deze passkey.' }).waitFor();
    await portal.expectHeading('Inloggen');

    // A phone without any passkey for the site: the browser says no, the page says why.
    await device.clear();
    await portal.button('Inloggen met een passkey').click();
    await page.getByRole('alert').filter({ hasText: 'Er is geen passkey gebruikt.' }).waitFor();
    // The password still works.
    await portal.login('passkey@example.org', PASSWORD);
    assert.equal(await portal.overviewEmail(), 'passkey@example.org');

    await cleanChecks(page, seen);
    await context.close();
  });

  it('a browser without passkeys gets a plain sentence instead of the button', async () => {
    const { context, seen } = await watchedContext(env.browser, local(), PHONE);
    await context.addInitScript(() => { delete window.PublicKeyCredential; });
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.open('/inloggen');
    await portal.expectHeading('Inloggen');
    await page.getByText('Inloggen met een passkey kan niet in deze browser.').waitFor();
    assert.equal(await portal.button('Inloggen met een passkey').count(), 0);
    await cleanChecks(page, seen);
    await context.close();
  });
});
