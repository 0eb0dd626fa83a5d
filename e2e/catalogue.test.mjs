// End to end, issue 21: academy staff add a training on a phone (360 px) with the keyboard
// only, the shared model's checks land on the fields first; the demo course participant then
// finds it and enrols; staff cancel it after a confirmation that says how many are told, and
// the participant's page says the academy cancelled it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Portal, eventually, mailsTo } from './pages.mjs';
import {
  axeViolations, cspViolations, dataDirOf, foreignRequests, serverAndBrowser, watchedContext,
} from './harness.mjs';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const TITLE = 'Toegankelijk schrijven voor het web';

async function noWiderThan(page, px) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= px, `page is ${width}px wide`);
}

/** Presses Tab until focus is on `id` (at most 30 times): the form is reached as a keyboard user reaches it. */
async function tabTo(page, id) {
  for (let i = 0; i < 30; i++) {
    if (await page.evaluate(() => document.activeElement?.id) === id) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached #${id}`);
}

describe('the catalogue managed by academy staff', () => {
  const env = serverAndBrowser({ demo: true });

  it('staff add a training on a phone with the keyboard; a participant enrols; staff cancel it', async () => {
    const { context, seen } = await watchedContext(env.browser, env.server.url, PHONE);
    const staff = await context.newPage();
    const portal = new Portal(staff);
    await portal.loginAsDemo('academie@example.org');
    await portal.openMenuIfCollapsed();
    await portal.navLink('Opleidingsaanbod beheren').tap();
    await portal.expectHeading('Opleidingsaanbod beheren');
    await staff.locator('.queue .queue-entry').first().waitFor();
    assert.deepEqual(await axeViolations(staff), [], 'the staff page');
    await noWiderThan(staff, 360);

    // Sent empty: the shared model's checks, focus on the first field.
    await portal.button('Opleiding toevoegen').focus();
    await staff.keyboard.press('Enter');
    await portal.expectFocus('training-title');
    await staff.locator('#training-title-error').waitFor();
    await staff.locator('#training-levels-error').waitFor();

    await staff.keyboard.type(TITLE);
    await staff.keyboard.press('Tab');
    await staff.keyboard.type('Heldere pagina\'s en formulieren die iedereen kan gebruiken.');
    await tabTo(staff, 'training-level-employee');
    await staff.keyboard.press('Space');
    await staff.keyboard.press('Tab');
    await staff.keyboard.press('Space');
    await tabTo(staff, 'training-online');
    await staff.keyboard.press('Space');
    await tabTo(staff, 'training-date');
    await staff.keyboard.type('31-03-2099');
    await tabTo(staff, 'training-time');
    await staff.keyboard.type('9.30');
    await tabTo(staff, 'training-sessions');
    await staff.keyboard.press('Control+A');
    await staff.keyboard.type('2');
    await tabTo(staff, 'training-capacity');
    await staff.keyboard.type('12');
    await staff.keyboard.press('Enter');
    await staff.getByRole('status').filter({ hasText: 'De opleiding is opgeslagen.' }).waitFor();
    const entry = staff.locator('.queue-entry').filter({ hasText: TITLE });
    await entry.waitFor();
    assert.match(await entry.innerText(), /Online/);
    assert.match(await entry.innerText(), /Ingeschreven: 0 van 12/);
    assert.match(await entry.innerText(), /Medewerker, Specialist/);
    assert.deepEqual(await axeViolations(staff), [], 'after saving');
    await noWiderThan(staff, 360);

    // The participant finds it and enrols.
    const { context: other } = await watchedContext(env.browser, env.server.url, PHONE);
    const person = await other.newPage();
    const participant = new Portal(person);
    await participant.loginAsDemo('cursist@example.org');
    await participant.open('/opleidingen');
    await participant.expectHeading('Opleidingen');
    await person.getByRole('button', { name: `Inschrijven: ${TITLE}` }).tap();
    await person.getByRole('status').filter({ hasText: 'Je bent ingeschreven.' }).waitFor();

    // Staff see one enrolled, and cancel after a confirmation naming how many are told.
    await staff.reload();
    await entry.filter({ hasText: 'Ingeschreven: 1 van 12' }).waitFor();
    let asked = '';
    staff.once('dialog', async (d) => { asked = d.message(); await d.accept(); });
    await staff.getByRole('button', { name: `Annuleren: ${TITLE}` }).focus();
    await staff.keyboard.press('Enter');
    await staff.getByRole('status').filter({ hasText: 'De opleiding is geannuleerd.' }).waitFor();
    assert.match(asked, /een e-mail: 1$/);
    await entry.filter({ hasText: 'Geannuleerd door de academie' }).waitFor();
    const dataDir = dataDirOf(env.server.url);
    await eventually(() => {
      const mail = mailsTo(dataDir, 'cursist@example.org').find((m) => m.includes(TITLE));
      if (!mail) throw new Error('no cancellation mail');
      return mail;
    });

    await person.reload();
    const cancelled = person.locator('section').filter({ has: person.getByRole('heading', { name: 'Geannuleerd door de academie' }) });
    await cancelled.getByText(TITLE).waitFor();
    assert.deepEqual(await axeViolations(person), [], 'the participant page with a cancelled training');
    assert.equal(await person.getByRole('button', { name: `Inschrijven: ${TITLE}` }).count(), 0, 'no longer offered');

    assert.deepEqual(await cspViolations(staff), []);
    assert.deepEqual(foreignRequests(seen, env.server.url), []);
    await other.close();
    await context.close();
  });
});
