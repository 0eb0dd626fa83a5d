// End to end, issue 13: on a 360 px phone privacy staff (the demo account privacy@example.org)
// write a breach notice in Dutch and English, count who gets it, save it as a draft, check
// it and send it — once. The affected person sees a banner on every page, reads the notice,
// marks it read (the banner goes), and got it by mail exactly once. axe finds nothing on any
// of the new pages; no page is wider than the phone.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Portal, mailsTo } from './pages.mjs';
import {
  axeViolations, cspViolations, foreignRequests, serverAndBrowser, watchedContext,
} from './harness.mjs';

const PASSWORD = 'paarse olifant fietst';
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const SUBJECT = 'Subject: Belangrijk: er is iets misgegaan met je gegevens';

async function noWiderThan(page, px) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= px, `page is ${width}px wide`);
}

const PARTS = {
  nature: ['Een lijst met e-mailadressen is per ongeluk naar een verkeerde partner gestuurd.', 'A list of e-mail addresses was sent to the wrong partner by mistake.'],
  consequences: ['Je kunt meer ongewenste e-mail krijgen.', 'You may get more unwanted e-mail.'],
  measures: ['De partner heeft de lijst verwijderd en dat schriftelijk bevestigd.', 'The partner deleted the list and confirmed this in writing.'],
  advice: ['Klik niet op links in e-mail die je niet verwacht.', 'Do not click links in e-mail you do not expect.'],
  contact: ['Privacyteam IGOM, privacy@example.org', 'IGOM privacy team, privacy@example.org'],
};

describe('breach notices in the browser', () => {
  const env = serverAndBrowser({ demo: true });

  it('privacy staff send a notice once; the person sees the banner, reads it and marks it read', async () => {
    const email = 'getroffen@example.org';
    const { context, seen } = await watchedContext(env.browser, env.server.url, PHONE);
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.register(email, PASSWORD);
    await portal.overviewEmail();
    assert.equal(await page.locator('.breach-banner').count(), 0, 'no banner without a notice');

    // Privacy staff, on another phone.
    const staffContext = await watchedContext(env.browser, env.server.url, PHONE);
    const staffPage = await staffContext.context.newPage();
    const staff = new Portal(staffPage);
    await staff.loginAsDemo('privacy@example.org');
    await staff.openMenuIfCollapsed();
    await staff.navLink('Datalekken melden').click();
    await staff.expectHeading('Datalekken melden');
    await staffPage.getByText('Er zijn nog geen berichten.').waitFor();
    assert.deepEqual(await axeViolations(staffPage), []);
    await noWiderThan(staffPage, 360);

    // Every part is required, in both languages: the first empty one gets focus.
    await staff.button('Opslaan als concept').click();
    await staff.expectFocus('nature-nl');
    for (const [name, [nl, en]] of Object.entries(PARTS)) {
      await staffPage.locator(`#${name}-nl`).fill(nl);
      await staffPage.locator(`#${name}-en`).fill(en);
    }
    await staffPage.locator('#audience-kind').selectOption('addresses');
    await staffPage.locator('#audience-addresses').fill(`${email}\nniemand@example.org`);
    await staff.button('Tel wie het krijgt').click();
    await staffPage.getByText('Aantal mensen dat dit bericht krijgt: 1.').waitFor();
    await staffPage.getByText('niemand@example.org').waitFor();
    assert.deepEqual(await axeViolations(staffPage), []);
    await staff.button('Opslaan als concept').click();
    await staff.expectHeading('Bericht over een datalek');
    await staffPage.getByText('Concept: nog niet verstuurd').waitFor();
    await staffPage.getByText(PARTS.measures[0]).waitFor();
    await staffPage.locator('.breach-count').getByText('Aantal mensen dat dit bericht krijgt: 1.').waitFor();
    assert.deepEqual(await axeViolations(staffPage), []);
    await noWiderThan(staffPage, 360);
    assert.equal(mailsTo(env.server.dataDir, email).filter((m) => m.includes(SUBJECT)).length, 0, 'a draft is not mailed');

    await staff.button('Bericht versturen').click();
    await staffPage.getByRole('status').filter({ hasText: 'Verstuurd.' }).waitFor();
    assert.equal(await staff.button('Bericht versturen').count(), 0, 'sent once: the button is gone');
    await staffPage.locator('.breach-counts').getByText(/Naar 1 mensen/).waitFor();
    assert.deepEqual(await axeViolations(staffPage), []);

    // The mail, once.
    for (let i = 0; i < 100 && mailsTo(env.server.dataDir, email).filter((m) => m.includes(SUBJECT)).length === 0; i += 1) {
      await new Promise((r) => { setTimeout(r, 100); });
    }
    const mails = mailsTo(env.server.dataDir, email).filter((m) => m.includes(SUBJECT));
    assert.equal(mails.length, 1, 'mailed exactly once');
    assert.ok(mails[0].includes(PARTS.advice[0]) && mails[0].includes(PARTS.advice[1]), 'in Dutch and English');

    // The person: a banner on every page, the notice, mark it read, the banner goes.
    await page.reload();
    const banner = page.locator('.breach-banner');
    await banner.getByText('Belangrijk bericht over je gegevens').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await noWiderThan(page, 360);
    await banner.getByRole('link', { name: 'Lees het bericht' }).click();
    await portal.expectHeading('Berichten over een datalek');
    assert.equal(await page.locator('.breach-banner').count(), 0, 'not on the page itself');
    for (const [nl] of Object.values(PARTS)) await page.getByText(nl).waitFor();
    await page.getByRole('heading', { name: 'Wat kun je zelf doen?' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await noWiderThan(page, 360);
    // With the keyboard.
    await page.getByRole('button', { name: 'Markeer als gelezen' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Gemarkeerd als gelezen.' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Markeer als gelezen' }).count(), 0);
    // Focus moves to the confirmation once it is rendered (a frame later on a slow machine).
    await page.waitForFunction(() => document.activeElement?.id === 'breach-marked', null, { timeout: 3000 })
      .catch(() => {});
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'breach-marked', 'focus on the confirmation');
    assert.deepEqual(await axeViolations(page), []);
    await portal.open('/');
    await portal.overviewEmail();
    assert.equal(await page.locator('.breach-banner').count(), 0, 'read: the banner is gone');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await portal.open('/datalek');
    await portal.expectHeading('Notices about a data breach');
    await page.getByText(PARTS.nature[1]).waitFor();
    assert.deepEqual(await axeViolations(page), []);

    for (const [p, s] of [[page, seen], [staffPage, staffContext.seen]]) {
      assert.deepEqual(await cspViolations(p), [], 'no CSP violation');
      assert.deepEqual(foreignRequests(s, env.server.url), [], 'no request to another origin');
    }
    await context.close();
    await staffContext.context.close();
  });
});
