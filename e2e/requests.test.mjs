// End to end, issue 13: on a 360 px phone a person files a request (each kind explained),
// privacy staff (the demo account privacy@example.org, on another device) find it in the
// queue, extend the deadline with a reason and answer it; the person is told by mail (without
// the answer) and reads the answer in the portal. The privacy and accessibility statements
// are public, reached from the footer with the keyboard, in Dutch and English. axe finds
// nothing on any of the new pages.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_TOTP_SECRET, Portal, mailsTo, nextCode, savedNotice } from './pages.mjs';
import {
  axeViolations, cspViolations, foreignRequests, serverAndBrowser, watchedContext,
} from './harness.mjs';

const PASSWORD = 'paarse olifant fietst';
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

async function noWiderThan(page, px) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= px, `page is ${width}px wide`);
}

/** Presses Tab until the focused element is the link `name` (at most 60 times). */
async function tabTo(page, name) {
  for (let i = 0; i < 60; i += 1) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => (document.activeElement?.tagName === 'A' ? document.activeElement.textContent.trim() : ''));
    if (text === name) return;
  }
  throw new Error(`Tab never reached the link ${name}`);
}

describe('requests about one\'s rights in the browser', () => {
  const env = serverAndBrowser({ demo: true });

  it('a person files a request on a phone, privacy staff extend and answer it, the person reads the answer', async () => {
    const email = 'bezwaarmaker@example.org';
    const { context, seen } = await watchedContext(env.browser, env.server.url, PHONE);
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.register(email, PASSWORD);
    await portal.overviewEmail();
    await page.getByRole('link', { name: 'Verzoeken', exact: true }).click();
    await portal.expectHeading('Verzoeken over je gegevens');
    assert.deepEqual(await axeViolations(page), []);
    // Each kind is explained; the text is required.
    await page.getByText('Je bent het niet eens met hoe we je gegevens gebruiken').waitFor();
    // The time limits as they are: a month (once extended by two), a complaint six weeks, never more.
    await page.getByText('Op een klacht krijg je binnen zes weken antwoord. Die termijn verlengen we nooit.').waitFor();
    await page.getByLabel('Bezwaar', { exact: true }).check();
    await portal.button('Verzoek versturen').click();
    await portal.expectFocus('request-text');
    await page.locator('#request-text-error').getByText('Vul dit veld in.').waitFor();
    const text = 'Ik wil niet dat mijn profiel nog wordt gebruikt voor de nieuwsbrief van mijn oude werkgever.';
    await portal.field('Je verzoek').fill(text);
    await portal.button('Verzoek versturen').click();
    await page.getByRole('status').filter({ hasText: 'Je verzoek is verstuurd.' }).waitFor();
    // The button was disabled while it sent: focus does not fall to the page, it goes to the
    // outcome (issue 25).
    await portal.expectFocus('request-sent');
    const card = page.locator('.request-card').first();
    await card.getByText('In behandeling').waitFor();
    await card.getByText(text).waitFor();
    assert.match(await card.locator('.request-deadline').innerText(), /\d{4} \(nog (2[89]|3[01]) dagen\)$/);
    await noWiderThan(page, 360);
    assert.deepEqual(await axeViolations(page), []);

    // Privacy staff, on another device (also a phone).
    const staffContext = await watchedContext(env.browser, env.server.url, PHONE);
    const staffPage = await staffContext.context.newPage();
    const staff = new Portal(staffPage);
    await staff.loginAsDemo('privacy@example.org');
    await staff.openMenuIfCollapsed();
    await staff.navLink('Verzoeken behandelen').click();
    await staff.expectHeading('Verzoeken behandelen');
    assert.deepEqual(await axeViolations(staffPage), []);
    await noWiderThan(staffPage, 360);
    await staffPage.getByRole('link', { name: 'Openen: Bezwaar' }).first().click();
    await staff.expectHeading('Verzoek');
    await staffPage.locator('.request-email').getByText(email).waitFor();
    await staffPage.getByText(text).waitFor();
    assert.deepEqual(await axeViolations(staffPage), []);
    await noWiderThan(staffPage, 360);

    // An extension needs a reason; with one, the date moves and the form goes (once only).
    await staff.button('Verlengen met twee maanden').click();
    await staff.expectFocus('extend-text');
    const reason = 'We moeten dit navragen bij je oude werkgever.';
    await staffPage.locator('#extend-text').fill(reason);
    await staff.button('Verlengen met twee maanden').click();
    await savedNotice(staffPage).waitFor();
    await staffPage.locator('.request-extension').getByText(reason).waitFor();
    assert.equal(await staff.button('Verlengen met twee maanden').count(), 0, 'extending is possible once');

    const answer = 'We gebruiken je profiel niet meer voor de nieuwsbrief van je oude werkgever.';
    await staffPage.locator('#answer-text').fill(answer);
    await staff.button('Antwoord versturen').click();
    await staffPage.locator('.request-response').getByText(answer).waitFor();
    assert.equal(await staff.button('Antwoord versturen').count(), 0, 'an answered request is closed');

    // The person is told by mail, without the answer.
    const mails = mailsTo(env.server.dataDir, email);
    assert.ok(mails.some((m) => m.includes('Subject: Er is een antwoord op je verzoek')), 'announced by mail');
    assert.ok(mails.every((m) => !m.includes('oude werkgever')), 'the mail holds no content');

    // The person reads the reason and the answer in the portal.
    await page.reload();
    await portal.expectHeading('Verzoeken over je gegevens');
    await card.getByText('Beantwoord').waitFor();
    await card.locator('.request-response').getByText(answer).waitFor();
    await card.locator('.request-extension').getByText(reason).waitFor();
    assert.deepEqual(await axeViolations(page), []);

    for (const [p, s] of [[page, seen], [staffPage, staffContext.seen]]) {
      assert.deepEqual(await cspViolations(p), [], 'no CSP violation');
      assert.deepEqual(foreignRequests(s, env.server.url), [], 'no request to another origin');
    }
    await context.close();
    await staffContext.context.close();
  });

  it('the statements are public and reached from the footer with the keyboard', async () => {
    const { context, seen } = await watchedContext(env.browser, env.server.url, PHONE);
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.open('/inloggen');
    await portal.expectHeading('Inloggen');
    await tabTo(page, 'Privacyverklaring');
    await page.keyboard.press('Enter');
    await portal.expectHeading('Privacyverklaring');
    await page.getByText('Postbus 93374').waitFor();
    await page.getByRole('heading', { name: 'Klacht bij de Autoriteit Persoonsgegevens' }).waitFor();
    await page.getByRole('heading', { name: 'Verzoeken over je rechten' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await noWiderThan(page, 360);

    await tabTo(page, 'Toegankelijkheid');
    await page.keyboard.press('Enter');
    await portal.expectHeading('Toegankelijkheidsverklaring');
    await page.locator('.a11y-status').getByText('Voldoet gedeeltelijk', { exact: true }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await noWiderThan(page, 360);

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await portal.expectHeading('Accessibility statement');
    await page.locator('.a11y-status').getByText('Partially compliant', { exact: true }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.getByRole('link', { name: 'Privacy statement', exact: true }).click();
    await portal.expectHeading('Privacy statement');
    await page.getByText('Postbus 93374').waitFor();
    assert.deepEqual(await axeViolations(page), []);

    assert.deepEqual(await cspViolations(page), [], 'no CSP violation');
    assert.deepEqual(foreignRequests(seen, env.server.url), [], 'no request to another origin');
    await context.close();
  });

  // A page is defined once (src/routes.rs and the model's page list): the guard in front of
  // the queue and the login's way back cannot disagree. They did: a privacy officer who opened
  // a bookmarked queue while logged out landed on the overview after logging in.
  it('a privacy officer who opens a bookmarked queue while logged out is led back to it after logging in', async () => {
    const { context } = await watchedContext(env.browser, env.server.url, PHONE);
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.open('/privacy/verzoeken');
    await portal.expectHeading('Inloggen');
    const loginAddress = new URL(page.url()).pathname + new URL(page.url()).search;
    await portal.login('privacy@example.org', 'zelfregie-demo');
    await portal.enterCode(await nextCode(`${new URL(page.url()).origin}|privacy@example.org`, DEMO_TOTP_SECRET));
    await page.waitForURL((url) => url.pathname !== '/inloggen');
    assert.equal(new URL(page.url()).pathname, '/privacy/verzoeken', `logged in from ${loginAddress}`);
    await portal.expectHeading('Verzoeken behandelen');
    assert.equal(loginAddress, '/inloggen?terug=/privacy/verzoeken');
    await context.close();
  });
});
