// End to end, issue 14 (forms): month and number fields keep what people type in a browser
// without a month picker (Firefox, desktop Safari) and say what to type when they cannot read
// it; the sticky save bar never hides the focused element (WCAG 2.2 2.4.11), on a 360 px
// phone and at 1280 px; focus lands on the heading on arrival and on the status message after
// every action; required fields are marked; the password toggle; the re-authentication error;
// partner lists by place; cancelling an enrolment asks first.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Portal, savedNotice } from './pages.mjs';
import {
  axeViolations, cspViolations, foreignRequests, serverAndBrowser, watchedContext,
} from './harness.mjs';

const PASSWORD = 'paarse olifant fietst';
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 800 } };

/**
 * Makes Chromium report what Firefox and desktop Safari do: an `<input type="month">` is a
 * text field (`input.type` reads "text"). Runs before the app, as its own detection would.
 */
async function withoutMonthPicker(context) {
  await context.addInitScript(() => {
    const own = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'type');
    Object.defineProperty(HTMLInputElement.prototype, 'type', {
      configurable: true,
      get() {
        const type = own.get.call(this);
        return type === 'month' ? 'text' : type;
      },
      set(value) { own.set.call(this, value); },
    });
  });
}

/** Types `text` key by key into `field`, asserting after each key that the field shows all typed so far. */
async function typeKeyByKey(page, field, text) {
  await field.click();
  await field.fill('');
  let sofar = '';
  for (const key of text) {
    await page.keyboard.type(key);
    sofar += key;
    assert.equal(await field.inputValue(), sofar, `after typing "${sofar}"`);
  }
}

const activeId = (page) => page.evaluate(() => document.activeElement?.id ?? '');
const activeTag = (page) => page.evaluate(() => document.activeElement?.tagName ?? '');

/** Waits until focus is on the element with `id`, and says where it is if it never gets there. */
async function expectFocus(page, id) {
  try {
    await page.waitForFunction((want) => document.activeElement?.id === want, id, { timeout: 3000 });
  } catch {
    const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
    assert.fail(`focus should be on #${id}, is on ${at}`);
  }
}

/**
 * Presses Tab through every tab stop of the page and returns the stops whose box is covered
 * by a sticky or fixed bar (the save bar, a header), with the number of stops visited.
 */
async function tabThrough(page) {
  // Start at the first tab stop (the skip link), scrolled to the top.
  await page.evaluate(() => { window.scrollTo(0, 0); document.querySelector('a, button, input, select, textarea')?.focus(); });
  const seen = new Set();
  const covered = [];
  let stops = 0;
  let last;
  for (let i = 0; i < 600; i++) {
    if (i > 0) await page.keyboard.press('Tab');
    const at = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body || el === document.documentElement) return null;
      const box = el.getBoundingClientRect();
      const hiddenBy = [];
      for (const bar of document.querySelectorAll('body *')) {
        const position = getComputedStyle(bar).position;
        if ((position !== 'sticky' && position !== 'fixed') || bar.contains(el)) continue;
        const b = bar.getBoundingClientRect();
        if (b.width === 0 || b.height === 0) continue;
        if (box.bottom > b.top && box.top < b.bottom && box.right > b.left && box.left < b.right) {
          hiddenBy.push(bar.className || bar.tagName);
        }
      }
      // What a pointer would hit at the centre of the box: the element itself (or its part).
      const x = Math.min(Math.max(box.left + box.width / 2, 0), window.innerWidth - 1);
      const y = Math.min(Math.max(box.top + box.height / 2, 0), window.innerHeight - 1);
      const hit = document.elementFromPoint(x, y);
      const visible = box.height === 0 || el.contains(hit) || hit?.contains(el) || (hit?.tagName === 'LABEL' && hit.control === el);
      const key = `${el.tagName}#${el.id}|${el.getAttribute('aria-label') ?? ''}|${(el.textContent ?? '').slice(0, 40)}|${Math.round(box.top + window.scrollY)}`;
      return { key, hiddenBy, visible, hit: hit?.className ?? '' };
    });
    // Tab inside a month picker moves between its month and year first: same element.
    if (at && at.key === last) continue;
    last = at?.key;
    if (!at || seen.has(at.key)) {
      if (process.env.DEBUG_TAB) console.log(`stopped at ${at?.key ?? 'body'} after ${[...seen].join('\n')}`);
      break;
    }
    seen.add(at.key);
    stops += 1;
    if (at.hiddenBy.length > 0 || !at.visible) covered.push(`${at.key} under ${at.hiddenBy.join(',') || at.hit}`);
  }
  return { stops, covered };
}

describe('forms that keep what you type', () => {
  const env = serverAndBrowser({ demo: true });

  it('without a month picker, months and hours keep the text typed; what cannot be read gets an error that says what to type', async () => {
    const { context, seen } = await watchedContext(env.browser, env.server.url, PHONE);
    await withoutMonthPicker(context);
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.register('maanden@example.org', PASSWORD);
    await portal.overviewEmail();
    await portal.openMenuIfCollapsed();
    await portal.navLink('Profiel').tap();
    await portal.expectHeading('Profiel');
    // Text that cannot be read yet is an unsaved change, though the profile holds nothing new.
    const available = page.locator('#availability-available_from');
    await available.fill('sep');
    await page.locator('.unsaved').waitFor();
    await available.fill('');
    await page.locator('.unsaved').waitFor({ state: 'detached' });
    await portal.field('Voornaam').fill('Maud');
    await portal.field('Achternaam').fill('Maessen');
    await portal.button('Werkervaring toevoegen').tap();
    await expectFocus(page, 'work_experience-0-job_title');
    await page.keyboard.type('Adviseur');
    await page.locator('#work_experience-0-employer').fill('Gemeente Stein');

    const from = page.locator('#work_experience-0-from');
    assert.equal(await from.getAttribute('type'), 'text', 'no month picker: a text field');
    await page.getByText('Maand en jaar, bijvoorbeeld 09-2026 of september 2026.').first().waitFor();
    await typeKeyByKey(page, from, '09-2026');
    await typeKeyByKey(page, page.locator('#work_experience-0-to'), 'september 2027');
    await typeKeyByKey(page, page.locator('#work_experience-0-hours_per_week'), '32,5');
    const hours = page.locator('#availability-hours_per_week');
    await typeKeyByKey(page, hours, '300');
    await typeKeyByKey(page, page.locator('#availability-max_travel_km'), '40');
    await typeKeyByKey(page, available, 'sep 20x6');

    await portal.button('Opslaan').tap();
    await page.getByText('Dit getal valt buiten wat mogelijk is. Typ een getal van 1 tot 60, bijvoorbeeld 32 of 32,5.').waitFor();
    await page.getByText('Deze maand kunnen we niet lezen. Typ maand en jaar, bijvoorbeeld 09-2026.').waitFor();
    await expectFocus(page, 'availability-hours_per_week');
    assert.equal(await hours.inputValue(), '300', 'nothing wiped');
    assert.equal(await available.inputValue(), 'sep 20x6', 'nothing wiped');
    assert.equal(await available.getAttribute('aria-invalid'), 'true');
    assert.match(await available.getAttribute('aria-describedby'), /availability-available_from-error/);
    assert.equal(await from.getAttribute('aria-invalid'), null, 'a readable month is no error');
    assert.deepEqual(await axeViolations(page), [], 'profile with errors');

    await hours.fill('36');
    await available.fill('mrt 2027');
    await portal.button('Opslaan').tap();
    await savedNotice(page).waitFor();
    await expectFocus(page, 'save-status');
    const stored = await (await page.request.get('/api/me/profile')).json();
    assert.deepEqual(
      [stored.work_experience[0].from, stored.work_experience[0].to, stored.work_experience[0].hours_per_week],
      ['2026-09', '2027-09', 32.5],
    );
    assert.deepEqual([stored.availability.hours_per_week, stored.availability.available_from], [36, '2027-03']);

    // Back on the page, the months read the way people here write them.
    await page.reload();
    await portal.expectHeading('Profiel');
    await from.waitFor();
    assert.equal(await from.inputValue(), '09-2026');
    assert.equal(await page.locator('#work_experience-0-hours_per_week').inputValue(), '32,5');
    assert.equal(await available.inputValue(), '03-2027');

    // The same in English.
    await page.getByRole('button', { name: 'Switch to English' }).tap();
    await portal.expectHeading('Profile');
    assert.equal(await page.locator('#work_experience-0-hours_per_week').inputValue(), '32.5');
    await available.fill('Mar 27');
    await page.locator('#work_experience-0-hours_per_week').fill('0,5');
    await portal.button('Save').tap();
    await page.getByText('This number is outside what is possible. Type a number from 1 to 60, for example 32 or 32.5.').waitFor();
    await page.getByText('We cannot read this month. Type month and year, for example 09-2026.').waitFor();
    await expectFocus(page, 'work_experience-0-hours_per_week');
    assert.equal(await available.inputValue(), 'Mar 27');
    assert.deepEqual(await axeViolations(page), [], 'profile with errors, English');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `page is ${width}px wide`);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(foreignRequests(seen, env.server.url), []);
    await context.close();
  });

  it('in Chromium a month is typed as the hint says, by keyboard; required fields are marked and their errors say what to type', async () => {
    const { context } = await watchedContext(env.browser, env.server.url, DESKTOP);
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.register('verplicht@example.org', PASSWORD);
    await portal.overviewEmail();
    await portal.open('/profiel');
    await portal.expectHeading('Profiel');
    // Chromium's month picker refused "08-2019", the format its own hint asked for (issue 25):
    // the field is text in every browser, and the keyboard types the hint's format.
    const available = page.locator('#availability-available_from');
    assert.equal(await available.getAttribute('type'), 'text');
    assert.match(await page.locator('#availability-available_from-hint').innerText(), /bijvoorbeeld 09-2026/);
    await available.focus();
    await page.keyboard.type('08-2019');
    assert.equal(await available.inputValue(), '08-2019', 'what was typed stays');
    const first = portal.field('Voornaam');
    assert.equal(await first.getAttribute('aria-required'), 'true');
    assert.equal(await portal.field('Tussenvoegsel').getAttribute('aria-required'), null);
    const mark = (id) => page.locator(`label[for="${id}"]`).evaluate((l) => getComputedStyle(l, '::after').content);
    assert.match(await mark('personal-first_name'), /\*/, 'a visible mark');
    assert.equal(await mark('personal-tussenvoegsel'), 'none');
    await page.getByText('Velden met een * moet je invullen.').waitFor();
    await portal.button('Opslaan').click();
    await page.getByText('Vul je voornaam in.').waitFor();
    await page.getByText('Vul je achternaam in.').waitFor();
    await expectFocus(page, 'personal-first_name');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByText('Enter your first name.').waitFor();
    await page.getByText('Fields marked * must be filled in.').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'required fields, English');
    await context.close();
  });

  for (const [size, options] of [['360 px', PHONE], ['1280 px', DESKTOP]]) {
    it(`at ${size}, Tab never lands under the save bar, and every page focuses its heading on arrival`, async () => {
      const { context } = await watchedContext(env.browser, env.server.url, options);
      const page = await context.newPage();
      page.on('dialog', (d) => d.accept());
      const portal = new Portal(page);
      await portal.loginAsDemo('kandidaat@example.org');
      const report = [];
      for (const [path, heading] of [
        ['/', 'Overzicht'], ['/profiel', 'Profiel'], ['/zichtbaarheid', 'Zichtbaarheid'],
        ['/wie-zag-mijn-gegevens', 'Wie zag mijn gegevens'], ['/nieuwsbrief', 'Nieuwsbrief'],
        ['/opleidingen', 'Opleidingen'], ['/mijn-gegevens', 'Mijn gegevens'], ['/exporteren', 'Exporteren'],
        ['/export-openen', 'Export openen'], ['/account', 'Account'],
      ]) {
        await portal.open(path);
        await portal.expectHeading(heading);
        await page.waitForFunction(() => document.activeElement?.tagName === 'H1', null, { timeout: 3000 })
          .catch(() => {});
        assert.equal(await activeTag(page), 'H1', `${path}: focus on the heading on arrival`);
        await page.waitForLoadState('networkidle');
        if (path === '/profiel') {
          // Unsaved changes: the bar is at its tallest (the message wraps on a phone).
          await portal.field('Woonplaats').fill('Vaals');
          await page.locator('.unsaved').waitFor();
        }
        if (path === '/zichtbaarheid') {
          await page.locator('#audience-only').check();
          await page.locator('#partner-brunssum').waitFor();
        }
        const { stops, covered } = await tabThrough(page);
        report.push(`${path}: ${stops} stops, ${covered.length} covered`);
        assert.deepEqual(covered, [], `${path} at ${size}: focused elements under a bar`);
      }
      // Client-side navigation focuses the heading too.
      await portal.openMenuIfCollapsed();
      await portal.navLink('Overzicht').click();
      await portal.expectHeading('Overzicht');
      await page.getByRole('main').getByRole('link', { name: 'Exporteren', exact: true }).click();
      await portal.expectHeading('Exporteren');
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1', null, { timeout: 3000 }).catch(() => {});
      assert.equal(await activeTag(page), 'H1', 'Exporteren via a link: focus on the heading');
      await page.getByRole('link', { name: 'Een versleutelde export openen' }).click();
      await portal.expectHeading('Export openen');
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1', null, { timeout: 3000 }).catch(() => {});
      assert.equal(await activeTag(page), 'H1', 'Export openen via its link: focus on the heading');
      console.log(`tab stops at ${size}:\n  ${report.join('\n  ')}`);
      await context.close();
    });
  }

  it('after every action focus goes to what happened, never to the page itself', async () => {
    const { context } = await watchedContext(env.browser, env.server.url, PHONE);
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.loginAsDemo('cursist@example.org');
    await portal.open('/opleidingen');
    await portal.expectHeading('Opleidingen');
    await page.locator('.catalogue .training').first().waitFor();

    await page.getByRole('button', { name: 'Inschrijven: Integriteit en de ambtseed' }).tap();
    await page.getByRole('status').filter({ hasText: 'Je bent ingeschreven.' }).waitFor();
    await expectFocus(page, 'academy-notice');

    // Cancelling asks first: no means nothing changes.
    const cancel = page.getByRole('button', { name: 'Inschrijving annuleren: Integriteit en de ambtseed' });
    let asked = '';
    page.once('dialog', async (d) => { asked = d.message(); await d.dismiss(); });
    await cancel.tap();
    await page.waitForTimeout(300);
    assert.match(asked, /Je plek gaat naar de wachtlijst/);
    assert.equal(await cancel.count(), 1, 'still enrolled');
    page.once('dialog', (d) => d.accept());
    await cancel.tap();
    await page.getByRole('status').filter({ hasText: 'Je inschrijving is geannuleerd.' }).waitFor();
    await expectFocus(page, 'academy-notice');

    // Saving the participant details.
    await portal.field('Functienaam').fill('Senior beleidsmedewerker');
    await page.locator('form').filter({ has: portal.field('Functienaam') }).getByRole('button', { name: 'Opslaan' }).tap();
    await savedNotice(page).waitFor();
    await expectFocus(page, 'save-status');

    // The newsletter: subscribe and withdraw.
    await portal.open('/nieuwsbrief');
    await portal.expectHeading('Nieuwsbrief');
    await portal.button('Ja, ik wil de nieuwsflits ontvangen').tap();
    await page.getByRole('status').filter({ hasText: 'We hebben je een e-mail gestuurd.' }).waitFor();
    await expectFocus(page, 'newsletter-notice');
    await portal.button('Afmelden voor de nieuwsflits').tap();
    await page.getByRole('status').filter({ hasText: 'Je bent afgemeld.' }).waitFor();
    await expectFocus(page, 'newsletter-notice');

    // The profile and the visibility.
    await portal.open('/profiel');
    await portal.expectHeading('Profiel');
    await portal.field('Voornaam').fill('Cursist');
    await portal.field('Achternaam').fill('Demo');
    await portal.button('Opslaan').tap();
    await savedNotice(page).waitFor();
    await expectFocus(page, 'save-status');
    await portal.open('/zichtbaarheid');
    await portal.expectHeading('Zichtbaarheid');
    await page.getByLabel('Mijn profiel staat in de kandidatenbank').check();
    await portal.button('Opslaan').tap();
    await savedNotice(page).waitFor();
    await expectFocus(page, 'save-status');
    await context.close();
  });

  it('the password is checked before the question; the toggle shows it; partner lists go by place', async () => {
    const { context } = await watchedContext(env.browser, env.server.url, DESKTOP);
    const page = await context.newPage();
    const portal = new Portal(page);
    await portal.register('zeker@example.org', PASSWORD);
    await portal.overviewEmail();
    await portal.goToAccount();

    let dialogs = 0;
    page.on('dialog', async (d) => { dialogs += 1; await d.dismiss(); });
    const erase = page.getByLabel('Wachtwoord', { exact: true });
    await erase.fill('niet mijn wachtwoord');
    await portal.button('Account en alle gegevens verwijderen').click();
    await page.getByText('Wachtwoord klopt niet. Typ het wachtwoord waarmee je inlogt.').waitFor();
    await expectFocus(page, 'erase-password');
    assert.equal(dialogs, 0, 'no question while the password is wrong');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByText('Password is incorrect. Type the password you log in with.').waitFor();
    await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
    await page.getByText('Wachtwoord klopt niet.', { exact: false }).waitFor();
    assert.equal(await page.getByText('E-mailadres of wachtwoord klopt niet.').count(), 0);

    // The toggle: a button with a fixed name whose pressed state says what is shown.
    const toggle = page.locator('#erase-password ~ button');
    assert.equal(await toggle.innerText(), 'Wachtwoord tonen');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    assert.equal(await erase.getAttribute('type'), 'password');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    assert.equal(await erase.getAttribute('type'), 'text');
    assert.equal(await erase.inputValue(), 'niet mijn wachtwoord', 'still filled in');
    await toggle.press('Enter');
    assert.equal(await erase.getAttribute('type'), 'password', 'the keyboard toggles it back');

    // Changing the password: focus goes to the message that says it is done.
    await portal.field('Huidig wachtwoord').fill('ook niet mijn wachtwoord');
    await portal.field('Nieuw wachtwoord').fill('een ander lang wachtwoord');
    await portal.button('Wachtwoord wijzigen').click();
    await page.locator('#current_password-error').filter({ hasText: 'Wachtwoord klopt niet.' }).waitFor();
    await expectFocus(page, 'current_password');
    await portal.field('Huidig wachtwoord').fill(PASSWORD);
    await portal.button('Wachtwoord wijzigen').click();
    await page.getByRole('status').filter({ hasText: 'Je wachtwoord is gewijzigd.' }).waitFor();
    await expectFocus(page, 'password-changed');

    await erase.fill('een ander lang wachtwoord');
    await portal.button('Account en alle gegevens verwijderen').click();
    await page.waitForFunction(() => document.activeElement?.id === 'erase-password', null, { timeout: 5000 });
    assert.equal(dialogs, 1, 'the question comes once the password is right');
    assert.equal((await page.request.get('/api/session')).status(), 200, 'a no erases nothing');
    assert.deepEqual(await axeViolations(page), [], 'Account');

    // The employer list: by place, and typing finds the place.
    await portal.open('/profiel');
    await portal.expectHeading('Profiel');
    const employer = page.locator('#personal-employment');
    const labels = await employer.locator('option').allInnerTexts();
    assert.deepEqual(labels.slice(1, 4), ['Beek (gemeente)', 'Brunssum (gemeente)', 'BSGW']);
    await employer.focus();
    await page.keyboard.type('Br');
    assert.equal(await employer.inputValue(), 'brunssum');
    await context.close();
  });
});
