// Page objects: what a person sees and does, in the portal's own words (Dutch by default).
import { createHmac } from 'node:crypto';

/** The authenticator secret of every demo staff account (README). */
export const DEMO_TOTP_SECRET = 'ZELFREGIEDEMOSTAFFTWEESTAPCODE23';

/** Bytes of an RFC 4648 base32 text (spaces and padding ignored). */
export function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out = [];
  for (const c of text.replace(/[\s=]/g, '').toUpperCase()) {
    const i = alphabet.indexOf(c);
    if (i < 0) throw new Error(`not base32: ${c}`);
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The RFC 6238 code (HMAC-SHA-1, 6 digits, 30 s) of a base32 secret for 30-second period `step`. */
export function totpAt(secretBase32, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secretBase32)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const number = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(number).padStart(6, '0');
}

/** The current period. */
export function currentStep() {
  return Math.floor(Date.now() / 1000 / 30);
}

const usedSteps = new Map();

/**
 * A code an authenticator app with `secretBase32` shows that `account` (any key, e.g. server
 * URL and address) has not used yet: the server accepts each period once and one period either
 * side of now, so like a person this waits for the next code when needed.
 */
export async function nextCode(account, secretBase32) {
  for (;;) {
    const now = currentStep();
    const step = Math.max(now - 1, (usedSteps.get(account) ?? 0) + 1);
    if (step <= now + 1) {
      usedSteps.set(account, step);
      return totpAt(secretBase32, step);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Whether a demo address is a staff account (logs in with a code). */
export function isDemoStaff(email) {
  return email === 'academie@example.org' || email.startsWith('recruiter@');
}

/** Logs in through the API as a demo account (staff with the computed code); the session cookie. */
export async function demoApiLogin(base, email) {
  const body = { email, password: 'zelfregie-demo' };
  if (isDemoStaff(email)) body.code = await nextCode(`${base}|${email}`, DEMO_TOTP_SECRET);
  const r = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'zelfregie' },
    body: JSON.stringify(body),
  });
  if (r.status !== 200) throw new Error(`login of ${email}: ${r.status} ${await r.text()}`);
  return r.headers.get('set-cookie').split(';')[0];
}

export class Portal {
  constructor(page) {
    this.page = page;
  }

  async open(path = '/') {
    await this.page.goto(path);
  }

  /** Waits until the page's main heading is `name`. */
  async expectHeading(name) {
    await this.page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  }

  field(label) {
    return this.page.getByLabel(label, { exact: true });
  }

  button(name) {
    return this.page.getByRole('button', { name, exact: true });
  }

  navLink(name) {
    return this.page.getByRole('navigation').getByRole('link', { name, exact: true });
  }

  /** Waits until keyboard focus is on the element with `id` (focus moves a frame after render). */
  async expectFocus(id) {
    await this.page.waitForFunction((want) => document.activeElement?.id === want, id, { timeout: 2000 });
  }

  alert() {
    return this.page.getByRole('alert').first();
  }

  async register(email, password) {
    await this.open('/registreren');
    await this.expectHeading('Registreren');
    await this.field('E-mailadres').fill(email);
    await this.field('Wachtwoord').fill(password);
    await this.button('Account aanmaken').click();
  }

  async login(email, password) {
    await this.expectHeading('Inloggen');
    await this.field('E-mailadres').fill(email);
    await this.field('Wachtwoord').fill(password);
    await this.button('Inloggen').click();
  }

  /** The second step of a login: the code field appears (with focus), the code is typed and sent. */
  async enterCode(code) {
    await this.expectFocus('code');
    await this.field('Code uit je app').fill(code);
    await this.button('Inloggen').click();
  }

  /**
   * Logs in from the login page as a demo account (password `zelfregie-demo`; staff also
   * the code their app would show) and waits for the overview.
   */
  async loginAsDemo(email) {
    await this.open('/inloggen');
    await this.login(email, 'zelfregie-demo');
    if (isDemoStaff(email)) {
      const origin = new URL(this.page.url()).origin;
      await this.enterCode(await nextCode(`${origin}|${email}`, DEMO_TOTP_SECRET));
      await this.expectHeading('Overzicht');
      return;
    }
    await this.overviewEmail();
  }

  async goToAccount() {
    await this.openMenuIfCollapsed();
    await this.navLink('Account').click();
    await this.expectHeading('Account');
  }

  async logout() {
    await this.goToAccount();
    await this.button('Uitloggen').click();
    await this.expectHeading('Inloggen');
  }

  /** On a phone the navigation sits behind a menu button. */
  async openMenuIfCollapsed() {
    const menu = this.page.getByRole('button', { name: 'Menu' });
    if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) === 'false') {
      await menu.click();
    }
  }

  /** The logged-in e-mail address the overview shows. */
  async overviewEmail() {
    await this.expectHeading('Overzicht');
    return this.page.locator('.account-email').innerText();
  }
}
