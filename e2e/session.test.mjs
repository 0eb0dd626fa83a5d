// End to end, issue 12: sessions that end without losing work. On a 360 px phone: the
// "ends soon" warning comes from the server's numbers and "Blijf ingelogd" really keeps the
// session; a save that meets an ended session keeps what was typed, asks for the password
// in a dialog over the page and saves after it — but never for another account; a deep link
// leads back after login (and nowhere else); logging out is in the main menu, by keyboard;
// the header does not wrap at 360, 1024 and 1280 px.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Portal, registerByMail, savedNotice } from './pages.mjs';
import {
  axeViolations, cspViolations, foreignRequests, serverAndBrowser, watchedContext,
} from './harness.mjs';

const PASSWORD = 'paarse olifant fietst';
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
/** The short idle timeout of the first server, in seconds; the warning comes a quarter before. */
const IDLE = 20;
const LEAD = IDLE / 4;


/** Logs in through the API on a second device; its session cookie. */
async function loginByApi(base, email) {
  const r = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'zelfregie' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  assert.equal(r.status, 200);
  return r.headers.get('set-cookie').split(';')[0];
}

/** "Log out everywhere" from that second device: every session of the account ends. */
async function logOutEverywhere(base, cookie) {
  const r = await fetch(`${base}/api/me/sessions`, { method: 'DELETE', headers: { cookie, 'x-requested-with': 'zelfregie' } });
  assert.equal(r.status, 204);
}

/** What the server says about the page's own session, without counting as activity. */
async function timeLeft(page) {
  return page.evaluate(async () => {
    const r = await fetch('/api/session/time-left');
    return { status: r.status, body: r.status === 200 ? await r.json() : null };
  });
}

function endsSoonDialog(page) {
  return page.getByRole('dialog', { name: 'Je wordt bijna uitgelogd' });
}

function endedDialog(page) {
  return page.getByRole('dialog', { name: 'Je sessie is afgelopen' });
}

describe('the session ends: warning, stay, log in again', () => {
  const env = serverAndBrowser({ args: ['--idle-timeout-secs', String(IDLE)] });

  it('the warning comes before the end; "Blijf ingelogd" keeps the session; Escape stays too; then it ends and the dialog logs in again', async () => {
    const { context, seen } = await watchedContext(env.browser, env.server.url, PHONE);
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.register('klok@example.org', PASSWORD);
    await portal.overviewEmail();
    const loggedInAt = Date.now();

    // The warning: from the server's numbers, LEAD seconds before the end.
    const warning = endsSoonDialog(page);
    await warning.waitFor({ timeout: (IDLE + 5) * 1000 });
    const warnedAt = Date.now();
    const after = (warnedAt - loggedInAt) / 1000;
    assert.ok(after >= IDLE - LEAD - 2 && after <= IDLE - 1, `warned after ${after} s`);
    assert.match(await page.locator('#sessie-klok').innerText(), /^0:0\d$/);
    // Focus is in the dialog, on the choice that keeps the work.
    await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Blijf ingelogd');
    assert.deepEqual(await axeViolations(page), [], 'axe with the warning open');
    const originalEnd = loggedInAt + IDLE * 1000;

    await portal.button('Blijf ingelogd').tap();
    await warning.waitFor({ state: 'hidden' });
    // Past the original end the server still knows the session (asking does not extend it).
    await page.waitForTimeout(Math.max(0, originalEnd - Date.now()) + 1500);
    const still = await timeLeft(page);
    assert.equal(still.status, 200, 'still logged in after the original deadline');
    assert.ok(still.body.expires_in_secs > 0 && still.body.expires_in_secs < IDLE);
    await portal.expectHeading('Overzicht');

    // The next warning: Escape means stay.
    await warning.waitFor({ timeout: IDLE * 1000 });
    await page.keyboard.press('Escape');
    await warning.waitFor({ state: 'hidden' });
    const renewed = await timeLeft(page);
    assert.equal(renewed.status, 200);
    assert.ok(renewed.body.expires_in_secs >= IDLE - 2, `Escape renewed: ${renewed.body.expires_in_secs}`);

    // Now nobody answers: the warning counts down to the end, then says the session ended
    // and offers to log in again, over the page.
    await warning.waitFor({ timeout: IDLE * 1000 });
    const ended = endedDialog(page);
    await ended.waitFor({ timeout: (LEAD + 5) * 1000 });
    assert.equal(await warning.isVisible(), false);
    assert.equal((await timeLeft(page)).status, 401, 'the server ended it');
    await portal.expectFocus('relogin-password');
    assert.equal(await page.locator('#relogin-email').inputValue(), 'klok@example.org');
    assert.deepEqual(await axeViolations(page), [], 'axe with the login dialog open');
    await page.locator('#relogin-password').fill(PASSWORD);
    await ended.getByRole('button', { name: 'Inloggen', exact: true }).tap();
    await ended.waitFor({ state: 'hidden' });
    assert.equal(await portal.overviewEmail(), 'klok@example.org');
    assert.equal((await timeLeft(page)).status, 200);

    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(foreignRequests(seen, env.server.url), []);
    await context.close();
  });

  it('activity in another tab keeps the session: this tab does not warn or end it', async () => {
    const { context } = await watchedContext(env.browser, env.server.url, PHONE);
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.register('twee-tabs@example.org', PASSWORD);
    await portal.overviewEmail();
    const other = await context.newPage();
    await other.goto('/');
    await new Portal(other).overviewEmail();
    // The other tab is busy every few seconds, for longer than the idle timeout.
    for (let waited = 0; waited < (IDLE + LEAD) * 1000; waited += 3000) {
      await other.evaluate(() => fetch('/api/session'));
      await page.waitForTimeout(3000);
    }
    assert.equal(await endsSoonDialog(page).isVisible(), false, 'no warning while another tab is active');
    assert.equal(await endedDialog(page).isVisible(), false);
    assert.equal((await timeLeft(page)).status, 200);
    await context.close();
  });

  it('when the server cannot be asked, the warning stays at 0:00 and it asks again', async () => {
    const { context } = await watchedContext(env.browser, env.server.url, PHONE);
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.register('onbereikbaar@example.org', PASSWORD);
    await portal.overviewEmail();
    // The network drops the question "how long still?" for a while.
    let dropped = 0;
    await page.route('**/api/session/time-left', (route) => { dropped += 1; return route.abort(); });
    await page.waitForFunction(() => document.querySelector('dialog[open] #sessie-klok')?.textContent === '0:00', null, { timeout: (IDLE + 5) * 1000 });
    assert.ok(await endsSoonDialog(page).isVisible(), 'the warning says the time is up');
    assert.equal(await endedDialog(page).isVisible(), false, 'no "ended" without the server saying so');
    assert.ok(dropped >= 1);
    await page.unroute('**/api/session/time-left');
    // Within the retry interval the question is asked again, and the server's answer counts.
    await endedDialog(page).waitFor({ timeout: 15_000 });
    assert.equal(await endsSoonDialog(page).isVisible(), false);
    await context.close();
  });
});

describe('no lost work, deep links, log out in the menu', () => {
  const env = serverAndBrowser();

  it('a save after the session ended keeps the text, asks for the password over the page, then saves', async () => {
    const { context, seen } = await watchedContext(env.browser, env.server.url, PHONE);
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.register('anna@example.org', PASSWORD);
    await portal.overviewEmail();
    await portal.openMenuIfCollapsed();
    await portal.navLink('Profiel').tap();
    await portal.expectHeading('Profiel');
    await portal.field('Voornaam').fill('Annabel');
    await portal.field('Achternaam').fill('Smeets');
    await portal.field('Postcode').fill('6461 AA');
    await portal.field('Woonplaats').fill('Kerkrade');

    // Meanwhile, on another device: log out everywhere. This page does not know yet.
    await logOutEverywhere(env.server.url, await loginByApi(env.server.url, 'anna@example.org'));

    await portal.button('Opslaan').tap();
    const ended = endedDialog(page);
    await ended.waitFor();
    // The page stays behind the dialog, with what was typed.
    assert.equal(await page.locator('h1').innerText(), 'Profiel');
    assert.equal(await page.getByLabel('Voornaam', { exact: true }).first().inputValue(), 'Annabel');
    await portal.expectFocus('relogin-password');
    assert.deepEqual(await axeViolations(page), [], 'axe with the login dialog open over a form');

    // A wrong password: the dialog stays, and says so.
    await page.locator('#relogin-password').fill('niet het wachtwoord');
    await ended.getByRole('button', { name: 'Inloggen', exact: true }).tap();
    await ended.getByRole('alert').filter({ hasText: 'E-mailadres of wachtwoord klopt niet.' }).waitFor();
    await page.locator('#relogin-password').fill(PASSWORD);
    await ended.getByRole('button', { name: 'Inloggen', exact: true }).tap();
    await ended.waitFor({ state: 'hidden' });

    // The save is sent again by itself.
    await savedNotice(page).waitFor();
    assert.equal(await portal.field('Voornaam').inputValue(), 'Annabel');
    assert.equal(await portal.field('Woonplaats').inputValue(), 'Kerkrade');
    const stored = await page.evaluate(async () => (await fetch('/api/me/profile')).text());
    assert.match(stored, /Annabel/);
    assert.match(stored, /Kerkrade/);

    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(foreignRequests(seen, env.server.url), []);
    await context.close();
  });

  it('another account logging in in the dialog gets nothing of what was typed', async () => {
    await registerByMail(env.server.url, 'bram@example.org', PASSWORD);
    const { context } = await watchedContext(env.browser, env.server.url, PHONE);
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.register('carla@example.org', PASSWORD);
    await portal.overviewEmail();
    await portal.openMenuIfCollapsed();
    await portal.navLink('Profiel').tap();
    await portal.expectHeading('Profiel');
    await portal.field('Voornaam').fill('Carlageheim');
    await portal.field('Achternaam').fill('Claessen');
    await portal.field('Postcode').fill('6411 AB');
    await portal.field('Woonplaats').fill('Heerlen');
    await logOutEverywhere(env.server.url, await loginByApi(env.server.url, 'carla@example.org'));
    await portal.button('Opslaan').tap();
    const ended = endedDialog(page);
    await ended.waitFor();

    await page.locator('#relogin-email').fill('bram@example.org');
    await page.locator('#relogin-password').fill(PASSWORD);
    await ended.getByRole('button', { name: 'Inloggen', exact: true }).tap();
    // A fresh start on Bram's overview: Carla's page and text are gone from the browser.
    assert.equal(await portal.overviewEmail(), 'bram@example.org');
    assert.equal(await page.evaluate(() => document.body.innerHTML.includes('Carlageheim')), false);
    const bram = await page.evaluate(async () => (await fetch('/api/me/profile')).text());
    assert.doesNotMatch(bram, /Carlageheim/, 'the save was not sent for Bram');
    await portal.openMenuIfCollapsed();
    await portal.navLink('Profiel').tap();
    await portal.expectHeading('Profiel');
    assert.equal(await portal.field('Voornaam').inputValue(), '');
    // Nor for Carla: she did not log in again.
    const carla = await loginByApi(env.server.url, 'carla@example.org');
    const hers = await (await fetch(`${env.server.url}/api/me/profile`, { headers: { cookie: carla } })).text();
    assert.doesNotMatch(hers, /Carlageheim/);
    await context.close();
  });

  it('a page that loads after the session ended asks for the password and then loads; or the person leaves', async () => {
    const { context } = await watchedContext(env.browser, env.server.url, PHONE);
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.register('eva@example.org', PASSWORD);
    await portal.overviewEmail();
    await logOutEverywhere(env.server.url, await loginByApi(env.server.url, 'eva@example.org'));

    await portal.openMenuIfCollapsed();
    await portal.navLink('Nieuwsbrief').tap();
    const ended = endedDialog(page);
    await ended.waitFor();
    await page.locator('#relogin-password').fill(PASSWORD);
    await ended.getByRole('button', { name: 'Inloggen', exact: true }).tap();
    await ended.waitFor({ state: 'hidden' });
    // The page loads again by itself: its history shows, no "not logged in" error stays.
    await page.locator('#h-history').waitFor();
    await portal.expectHeading('Nieuwsbrief');
    assert.equal(await page.getByRole('alert').count(), 0);

    // Ended again; this time the person goes to the login page instead.
    await logOutEverywhere(env.server.url, await loginByApi(env.server.url, 'eva@example.org'));
    await portal.openMenuIfCollapsed();
    await portal.navLink('Profiel').tap();
    await ended.waitFor();
    await ended.getByRole('button', { name: 'Naar de inlogpagina', exact: true }).tap();
    await portal.expectHeading('Inloggen');
    await page.getByRole('status').filter({ hasText: 'Je sessie is verlopen.' }).waitFor();
    assert.equal(await ended.isVisible(), false);
    assert.equal(new URL(page.url()).search, '', 'no way back to the previous page');
    await context.close();
  });

  it('a deep link while logged out leads to the login and back; only to pages of the app', async () => {
    await registerByMail(env.server.url, 'diep@example.org', PASSWORD);
    const { context } = await watchedContext(env.browser, env.server.url, PHONE);
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.open('/nieuwsbrief');
    await portal.expectHeading('Inloggen');
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, '/inloggen?terug=/nieuwsbrief');
    await portal.login('diep@example.org', PASSWORD);
    await portal.expectHeading('Nieuwsbrief');
    assert.equal(new URL(page.url()).pathname, '/nieuwsbrief');

    // After logging out (from the menu) the login page carries no way back.
    await portal.openMenuIfCollapsed();
    await page.getByRole('navigation').getByRole('button', { name: 'Uitloggen', exact: true }).tap();
    await portal.expectHeading('Inloggen');
    assert.equal(new URL(page.url()).search, '', 'no terug after a logout');

    // A crafted way back to another site is ignored: the overview follows.
    for (const evil of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
      await portal.open(`/inloggen?terug=${encodeURIComponent(evil)}`);
      await portal.login('diep@example.org', PASSWORD);
      assert.equal(await portal.overviewEmail(), 'diep@example.org');
      assert.equal(new URL(page.url()).origin, env.server.url);
      assert.equal(new URL(page.url()).pathname, '/');
      await portal.logout();
    }
    await context.close();
  });

  it('log out from the main menu at 360 px with the keyboard only', async () => {
    const { context, seen } = await watchedContext(env.browser, env.server.url, PHONE);
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.register('toetsen@example.org', PASSWORD);
    await portal.overviewEmail();

    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.focus();
    await page.keyboard.press('Enter');
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    // Tab through the menu to its last item.
    let steps = 0;
    while ((await page.evaluate(() => document.activeElement?.textContent?.trim())) !== 'Uitloggen') {
      await page.keyboard.press('Tab');
      steps += 1;
      assert.ok(steps <= 12, 'Uitloggen is reachable in the menu');
    }
    assert.equal(steps, 9, 'after the eight links');
    assert.deepEqual(await axeViolations(page), [], 'axe with the menu open');
    await page.keyboard.press('Enter');
    await portal.expectHeading('Inloggen');
    await page.getByRole('status').filter({ hasText: 'Je bent uitgelogd.' }).waitFor();
    assert.equal((await timeLeft(page)).status, 401, 'the server ended the session');
    assert.deepEqual(foreignRequests(seen, env.server.url), []);
    await context.close();
  });

  it('the header stays on its lines with Uitloggen in the menu at 360, 1024 and 1280 px', async () => {
    await registerByMail(env.server.url, 'breed@example.org', PASSWORD);
    for (const width of [360, 1024, 1280]) {
      const { context } = await watchedContext(env.browser, env.server.url, { viewport: { width, height: 800 } });
      const page = await context.newPage();
      const portal = new Portal(page);
      await portal.open('/inloggen');
      await portal.login('breed@example.org', PASSWORD);
      await portal.overviewEmail();
      await portal.openMenuIfCollapsed();
      const boxes = await page.evaluate(() => {
        const box = (el) => { const r = el.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height }; };
        const items = [...document.querySelectorAll('#hoofdmenu > li')].map((li) => ({ text: li.textContent.trim(), ...box(li) }));
        const lineHeight = parseFloat(getComputedStyle(document.querySelector('#hoofdmenu a')).lineHeight);
        return {
          items,
          lineHeight,
          brand: box(document.querySelector('.brand-link')),
          language: box(document.querySelector('.language-switch')),
          inner: box(document.querySelector('.site-header-inner')),
          scrollWidth: document.documentElement.scrollWidth,
        };
      });
      assert.equal(boxes.items.length, 9, 'eight links and Uitloggen');
      assert.equal(boxes.items.at(-1).text, 'Uitloggen');
      assert.ok(boxes.scrollWidth <= width, `${width}: page is ${boxes.scrollWidth}px wide`);
      for (const item of boxes.items) {
        // No label breaks over two lines.
        assert.ok(item.height < boxes.lineHeight * 2 + 24, `${width}: "${item.text}" wraps (${item.height}px)`);
        assert.ok(item.right <= width, `${width}: "${item.text}" sticks out`);
      }
      // The name and the language switch share the first line.
      assert.ok(boxes.language.top < boxes.brand.bottom && boxes.language.bottom > boxes.brand.top, `${width}: language switch under the name`);
      assert.ok(boxes.brand.right <= boxes.language.left, `${width}: name and language switch overlap`);
      if (width >= 1024) {
        // The menu: one row under them, every item on it, inside the header.
        const top = boxes.items[0].top;
        for (const item of boxes.items) assert.ok(Math.abs(item.top - top) < 2, `${width}: "${item.text}" on another line`);
        assert.ok(top >= boxes.brand.bottom - 1, `${width}: menu beside the name`);
        assert.ok(boxes.items.at(-1).right <= boxes.inner.right, `${width}: menu sticks out of the header`);
      } else {
        // Phone: the open menu lists one item a line.
        for (let i = 1; i < boxes.items.length; i += 1) assert.ok(boxes.items[i].top >= boxes.items[i - 1].bottom - 1);
      }
      await context.close();
    }
  });
});
