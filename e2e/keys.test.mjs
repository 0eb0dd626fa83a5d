// End to end, issue 25 item 8: the keyboard journeys, counted. A person who uses the keyboard
// only, on a 360 px phone, from the moment a page has opened: every key press counts (Tab,
// Shift+Tab, arrows, Space, Enter and every character typed). The test prints each count and
// fails above the goal: "all partners except my employer" on Zichtbaarheid in at most 40
// presses; every task of the Account page in at most 25 presses besides the characters of a
// password or code the task needs (printed apart).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Portal, currentStep, registerByMail, savedNotice, totpAt } from './pages.mjs';
import { axeViolations, serverAndBrowser, watchedContext } from './harness.mjs';

const PASSWORD = 'sleutelbos-op-de-mat-42';

/** Counts the keys of one journey. */
class Keys {
  constructor(page) {
    this.page = page;
    this.presses = 0;
    this.secret = 0;
  }

  async press(key, times = 1) {
    for (let i = 0; i < times; i += 1) {
      await this.page.keyboard.press(key);
      this.presses += 1;
    }
  }

  /** Types `text` (each character a press). */
  async type(text) {
    await this.page.keyboard.type(text);
    this.presses += [...text].length;
  }

  /** Types a password or code the task asks for: counted apart from the goal. */
  async typeSecret(text) {
    await this.page.keyboard.type(text);
    this.secret += [...text].length;
  }

  /** Whether the focused element matches `selector`. */
  async at(selector) {
    return this.page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
  }

  /** Presses Tab until the focused element matches `selector` (at most `limit` presses). */
  async tabTo(selector, limit = 60) {
    for (let i = 0; i <= limit; i += 1) {
      if (await this.at(selector)) return;
      await this.press('Tab');
    }
    const where = await this.page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
    throw new Error(`${selector} not reached in ${limit} Tab presses (at ${where})`);
  }
}

/** A new candidate, logged in on a 360 px phone (at `origin`: passkeys need a host name). */
async function candidate(env, email, origin = env.server.url) {
  await registerByMail(env.server.url, email, PASSWORD);
  const { context } = await watchedContext(env.browser, origin, { viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const portal = new Portal(page);
  await portal.open('/inloggen');
  await portal.login(email, PASSWORD);
  await portal.expectHeading('Overzicht');
  return { context, page, portal };
}

describe('keyboard only: Zichtbaarheid', () => {
  const env = serverAndBrowser({ demo: true });

  it('"all partners except my employer" takes at most 40 key presses', async () => {
    const { context, page, portal } = await candidate(env, 'toetsen@example.org');
    await portal.open('/zichtbaarheid');
    await portal.expectHeading('Zichtbaarheid');
    await page.locator('#listed').waitFor();
    const keys = new Keys(page);
    await keys.tabTo('#listed');
    await keys.press('Space');
    // The radio group is one Tab stop; the arrows choose.
    await keys.tabTo('input[name="audience"]');
    while (!(await keys.at('#audience-all_except'))) {
      assert.ok(keys.presses < 40, 'the arrows reach "all except"');
      await keys.press('ArrowDown');
    }
    await keys.tabTo('#partner-filter');
    await keys.type('kerk');
    await page.locator('#partner-filter-count').filter({ hasText: '1 van de 35 organisaties passen.' }).waitFor();
    // Enter in the search field does not save a half-made choice.
    await keys.press('Enter');
    assert.equal(await savedNotice(page).count(), 0);
    await keys.tabTo('#partner-kerkrade');
    await keys.press('Space');
    await keys.tabTo('.form-actions button[type="submit"]');
    await keys.press('Enter');
    await savedNotice(page).waitFor();
    console.log(`keys: Zichtbaarheid, "all except my employer": ${keys.presses} presses (goal ≤ 40; 140 before)`);
    assert.ok(keys.presses <= 40, `${keys.presses} key presses`);

    const saved = await (await page.request.get('/api/me/visibility')).json();
    assert.equal(saved.listed, true);
    assert.deepEqual(saved.audience, { mode: 'all_except', partners: ['kerkrade'] });
    // The search hides what it does not find; the choice behind it stays.
    assert.equal(await page.locator('#partner-brunssum').isVisible(), false);
    await page.locator('#partner-filter').fill('');
    assert.equal(await page.locator('#partner-brunssum').isVisible(), true);
    assert.deepEqual(await axeViolations(page), [], 'Zichtbaarheid with the search');
    await context.close();
  });
});

/** Opens Account (its page opened, focus at the start) and follows the contents link `name`. */
async function toTask(page, portal, keys, name) {
  await portal.open('/account');
  await portal.expectHeading('Account');
  await page.locator('.contents a').first().waitFor();
  const link = page.locator('.contents a').filter({ hasText: name });
  const href = await link.getAttribute('href');
  await keys.tabTo(`.contents a[href="${href}"]`);
  await keys.press('Enter');
  await page.waitForFunction((id) => document.activeElement?.id === id, href.slice(1));
}

describe('keyboard only: every task on Account', () => {
  const env = serverAndBrowser({ demo: true });
  const counts = [];
  const count = (task, keys) => {
    counts.push(`${task} ${keys.presses}`);
    console.log(`keys: Account, ${task}: ${keys.presses} presses (goal ≤ 25), and ${keys.secret} characters of a password, address or code`);
    assert.ok(keys.presses <= 25, `${task}: ${keys.presses} key presses`);
  };

  it('each task is at most 25 key presses besides what is typed', async () => {
    const email = 'taken@example.org';
    const { context, page, portal } = await candidate(env, email, env.server.url.replace('127.0.0.1', 'localhost'));
    // The phone's own authenticator (passkeys.test.mjs has the same).
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true,
        isUserVerified: true, automaticPresenceSimulation: true,
      },
    });

    // Two-step verification: password, Enter; the key; the first code, Enter.
    let keys = new Keys(page);
    await toTask(page, portal, keys, 'Tweestapsverificatie');
    await keys.tabTo('#tfa-start-password');
    await keys.typeSecret(PASSWORD);
    await keys.press('Enter');
    await portal.expectFocus('tfa-scan');
    const secret = (await page.locator('.tfa-secret').innerText()).replace(/\s/g, '');
    await keys.tabTo('#tfa-code');
    await keys.typeSecret(totpAt(secret, currentStep()));
    await keys.press('Enter');
    await portal.expectFocus('h-tfa-codes');
    count('two-step verification on', keys);

    // Add a passkey: a name, the password, Enter; the phone answers.
    keys = new Keys(page);
    await toTask(page, portal, keys, 'Passkeys');
    await keys.tabTo('#passkey-name');
    await keys.typeSecret('Telefoon');
    await keys.tabTo('#passkey-password');
    await keys.typeSecret(PASSWORD);
    await keys.press('Enter');
    await page.locator('li.passkey').filter({ hasText: 'Telefoon' }).waitFor();
    count('add a passkey', keys);

    // Change the password: current, new, Enter.
    keys = new Keys(page);
    await toTask(page, portal, keys, 'Wachtwoord wijzigen');
    await keys.tabTo('#current_password');
    await keys.typeSecret(PASSWORD);
    await keys.tabTo('#new_password');
    await keys.typeSecret(`${PASSWORD}-nieuw`);
    await keys.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Je wachtwoord is gewijzigd' }).waitFor();
    count('change password', keys);
    const password = `${PASSWORD}-nieuw`;

    // Change the address: the new one, the password, Enter.
    keys = new Keys(page);
    await toTask(page, portal, keys, 'E-mailadres veranderen');
    await keys.tabTo('#email-change-new_email');
    await keys.typeSecret('taken-nieuw@example.org');
    await keys.tabTo('#email-change-password');
    await keys.typeSecret(password);
    await keys.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Kijk in de mail van je nieuwe adres' }).waitFor();
    count('change e-mail address', keys);

    // Log out everywhere else: one button.
    keys = new Keys(page);
    await toTask(page, portal, keys, 'Overal uitloggen');
    await keys.tabTo('main button.button-secondary');
    assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Overal uitloggen');
    count('reach "log out everywhere"', keys);

    // Delete the profile: password, Enter, confirm.
    keys = new Keys(page);
    await toTask(page, portal, keys, 'Verwijder mijn profiel');
    await keys.tabTo('#delete-profile-password');
    await keys.typeSecret(password);
    page.once('dialog', (d) => d.accept());
    await keys.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Je profiel is verwijderd' }).waitFor();
    count('delete profile', keys);

    // Erase the account: password, Enter, confirm.
    keys = new Keys(page);
    await toTask(page, portal, keys, 'Account en alle gegevens verwijderen');
    await keys.tabTo('#erase-password');
    await keys.typeSecret(password);
    page.once('dialog', (d) => d.accept());
    await keys.press('Enter');
    await portal.expectHeading('Inloggen');
    count('erase account', keys);
    console.log(`keys: Account tasks: ${counts.join(', ')}`);
    await context.close();
  });
});
