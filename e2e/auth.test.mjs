// End to end: a person registers, logs out, logs in, switches language, uses a phone-sized
// screen; every page is checked with axe, and nothing leaves the origin or breaks the CSP.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Portal } from './pages.mjs';
import {
  axeViolations, cspViolations, foreignRequests, serverAndBrowser, watchedContext,
} from './harness.mjs';

const PASSWORD = 'paarse olifant fietst';

describe('accounts and sessions in the browser', () => {
  const env = serverAndBrowser();

  async function cleanChecks(page, seen) {
    assert.deepEqual(await cspViolations(page), [], 'no CSP violation');
    assert.deepEqual(foreignRequests(seen, env.server.url), [], 'no request to another origin');
    assert.ok(seen.requests.length > 0);
  }

  it('register → log out → log in → the overview shows the account; reload keeps the session', async () => {
    const { context, seen } = await watchedContext(env.browser, env.server.url);
    const page = await context.newPage();
    const portal = new Portal(page);

    await portal.open('/');
    await portal.expectHeading('Inloggen');
    await portal.register('Marieke@Example.org', PASSWORD);
    assert.equal(await portal.overviewEmail(), 'marieke@example.org');

    await page.reload();
    assert.equal(await portal.overviewEmail(), 'marieke@example.org', 'session survives reload');

    await portal.logout();
    await page.getByRole('status').filter({ hasText: 'Je bent uitgelogd.' }).waitFor();
    await portal.login('marieke@example.org', PASSWORD);
    assert.equal(await portal.overviewEmail(), 'marieke@example.org');
    assert.equal(await page.locator('.active-sessions').innerText(), '1');

    // Nothing personal in browser storage: only the language choice may be there.
    const stored = await page.evaluate(() => Object.keys(localStorage));
    assert.ok(stored.every((k) => k === 'zelfregie.lang'), `localStorage: ${stored}`);
    // The session cookie is invisible to scripts.
    assert.equal(await page.evaluate(() => document.cookie), '');

    await cleanChecks(page, seen);
    await context.close();
  });

  it('a wrong password gives the Dutch error, and the form stays usable', async () => {
    const { context, seen } = await watchedContext(env.browser, env.server.url);
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.register('fout@example.org', PASSWORD);
    await portal.overviewEmail();
    await portal.logout();

    await portal.login('fout@example.org', 'dit is niet het wachtwoord');
    await page.getByRole('alert').filter({ hasText: 'E-mailadres of wachtwoord klopt niet.' }).waitFor();
    await portal.expectHeading('Inloggen');
    assert.equal(await portal.field('Wachtwoord').inputValue(), '', 'the wrong password is cleared');

    // Client-side validation from the shared model, before anything is sent.
    await portal.open('/registreren');
    await portal.field('E-mailadres').fill('geen-adres');
    await portal.button('Stuur mij een link').click();
    await page.getByText('Dit is geen geldig e-mailadres.', { exact: false }).waitFor();
    assert.equal(await portal.field('E-mailadres').getAttribute('aria-invalid'), 'true');
    await portal.expectFocus('email'); // focus moves to the first error

    await cleanChecks(page, seen);
    await context.close();
  });

  it('logout ends the session on the server, not only in the browser', async () => {
    const { context } = await watchedContext(env.browser, env.server.url);
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.register('server-uit@example.org', PASSWORD);
    await portal.overviewEmail();
    const [cookie] = await context.cookies();
    assert.equal(cookie.name, 'zelfregie-session');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');

    await portal.logout();
    assert.deepEqual(await context.cookies(), [], 'the browser dropped the cookie');
    const replay = await fetch(`${env.server.url}/api/session`, { headers: { cookie: `${cookie.name}=${cookie.value}` } });
    assert.equal(replay.status, 204, 'the old token is dead on the server: nobody is logged in');
    await context.close();
  });

  it('log out everywhere ends the session on the other device too', async () => {
    const phone = (await watchedContext(env.browser, env.server.url)).context;
    const laptop = (await watchedContext(env.browser, env.server.url)).context;
    const onPhone = new Portal(await phone.newPage());
    const onLaptop = new Portal(await laptop.newPage());
    await onPhone.register('overal@example.org', PASSWORD);
    await onPhone.overviewEmail();
    await onLaptop.open('/inloggen');
    await onLaptop.login('overal@example.org', PASSWORD);
    await onLaptop.overviewEmail();

    await onLaptop.goToAccount();
    await onLaptop.button('Overal uitloggen').click();
    await onLaptop.page.getByRole('status').filter({ hasText: 'Je bent op al je apparaten uitgelogd.' }).waitFor();
    await onPhone.page.reload();
    await onPhone.expectHeading('Inloggen');
    await phone.close();
    await laptop.close();
  });

  it('change the password, then erase the account and everything with it', async () => {
    const { context, seen } = await watchedContext(env.browser, env.server.url);
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.register('weg-ermee@example.org', PASSWORD);
    await portal.overviewEmail();
    await portal.goToAccount();

    await portal.field('Huidig wachtwoord').fill('niet het goede wachtwoord');
    await portal.field('Nieuw wachtwoord').fill('een heel nieuw wachtwoord');
    await portal.button('Wachtwoord wijzigen').click();
    await page.getByText('Wachtwoord klopt niet.', { exact: false }).waitFor();
    await portal.field('Huidig wachtwoord').fill(PASSWORD);
    await portal.button('Wachtwoord wijzigen').click();
    await page.getByRole('status').filter({ hasText: 'Je wachtwoord is gewijzigd.' }).waitFor();

    await page.getByLabel('Wachtwoord', { exact: true }).fill('een heel nieuw wachtwoord');
    let asked = '';
    page.once('dialog', async (d) => { asked = d.message(); await d.accept(); });
    await portal.button('Account en alle gegevens verwijderen').click();
    await page.getByRole('status').filter({ hasText: 'Je account en al je gegevens zijn verwijderd.' }).waitFor();
    assert.match(asked, /definitief verwijderd/);
    await portal.expectHeading('Inloggen');
    await portal.login('weg-ermee@example.org', 'een heel nieuw wachtwoord');
    await page.getByRole('alert').filter({ hasText: 'E-mailadres of wachtwoord klopt niet.' }).waitFor();
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(foreignRequests(seen, env.server.url), []);
    await context.close();
  });

  it('the English switch translates the page and is remembered', async () => {
    const { context, seen } = await watchedContext(env.browser, env.server.url);
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.open('/inloggen');
    await portal.expectHeading('Inloggen');
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await portal.expectHeading('Log in');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.title(), 'Log in · Zelfregie');

    await page.getByLabel('E-mail address', { exact: true }).fill('nobody@example.org');
    await page.getByLabel('Password', { exact: true }).fill('not the password at all');
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'E-mail address or password is incorrect.' }).waitFor();

    await page.reload();
    await portal.expectHeading('Log in');
    await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
    await portal.expectHeading('Inloggen');
    await cleanChecks(page, seen);
    await context.close();
  });

  it('on a 360 px phone the menu works by touch and keyboard, and nothing scrolls sideways', async () => {
    const { context, seen } = await watchedContext(env.browser, env.server.url, {
      viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2,
    });
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.open('/inloggen');
    await portal.expectHeading('Inloggen');

    const menu = page.getByRole('button', { name: 'Menu' });
    assert.equal(await menu.isVisible(), true);
    assert.equal(await portal.navLink('Registreren').isVisible(), false, 'links folded away');
    await menu.tap();
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    await portal.navLink('Registreren').tap();
    await portal.expectHeading('Registreren');
    assert.equal(await menu.getAttribute('aria-expanded'), 'false', 'choosing a link closes the menu');

    // Keyboard: the menu button opens with Enter and the links follow in tab order.
    await menu.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Inloggen');
    await page.keyboard.press('Enter');
    await portal.expectHeading('Inloggen');

    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `page is ${width}px wide`);
    await cleanChecks(page, seen);
    await context.close();
  });

  it('every page passes axe (WCAG 2.1 A and AA) on a phone and a desktop', async () => {
    for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
      const { context, seen } = await watchedContext(env.browser, env.server.url, { viewport });
      const page = await context.newPage();
      const portal = new Portal(page);
      const results = {};
      const check = async (name) => { results[name] = await axeViolations(page); };

      await portal.open('/inloggen');
      await portal.expectHeading('Inloggen');
      await check('inloggen');
      await portal.open('/bestaat-niet');
      await portal.expectHeading('Pagina niet gevonden');
      await check('404');
      await portal.register(`axe-${viewport.width}@example.org`, PASSWORD);
      await portal.overviewEmail();
      await check('overzicht');
      await portal.goToAccount();
      await check('account');
      await portal.logout();
      await portal.open('/registreren');
      await portal.field('E-mailadres').fill('x');
      await portal.button('Stuur mij een link').click();
      await page.getByText('Dit is geen geldig e-mailadres.', { exact: false }).waitFor();
      await check('registreren met fouten');

      for (const [name, violations] of Object.entries(results)) {
        assert.deepEqual(violations, [], `${name} at ${viewport.width}px`);
      }
      await cleanChecks(page, seen);
      await context.close();
    }
  });
});
