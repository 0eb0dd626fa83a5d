// Page objects: what a person sees and does, in the portal's own words (Dutch by default).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDirOf } from './harness.mjs';

/** Every mail to `to` in the server's mail folder (`<dataDir>/mail/*.eml`), oldest first. */
export function mailsTo(dataDir, to) {
  let files;
  try { files = readdirSync(join(dataDir, 'mail')).sort(); } catch { return []; }
  return files.map((f) => readFileSync(join(dataDir, 'mail', f), 'utf8')).filter((t) => t.includes(`To: <${to}>`));
}

/** The links to `page` (e.g. `/registreren/bevestigen`) in the mails to `to`, oldest first, as path and query. */
export function mailLinks(dataDir, to, page) {
  const pattern = new RegExp(`https?://[^\\s/]+${page.replace(/[/.]/g, '\\$&')}\\?token=[A-Za-z0-9_-]+`, 'g');
  const links = mailsTo(dataDir, to).flatMap((t) => t.match(pattern) ?? []);
  return [...new Set(links)].map((l) => { const u = new URL(l); return `${u.pathname}${u.search}`; });
}

/** Waits (up to 5 s) until `f` stops throwing; its value. */
export async function eventually(f) {
  for (let i = 0; ; i += 1) {
    try { return f(); } catch (e) { if (i >= 50) throw e; await new Promise((r) => setTimeout(r, 100)); }
  }
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

  /** Fills in the registration form and sends it; waits for "check your mail". */
  async askForAccount(email, password) {
    await this.open('/registreren');
    await this.expectHeading('Registreren');
    await this.field('E-mailadres').fill(email);
    await this.field('Wachtwoord').fill(password);
    await this.button('Account aanmaken').click();
    await this.page.getByRole('status').filter({ hasText: 'Kijk in je mail.' }).waitFor();
  }

  /** The newest link to `page` mailed to `to` by this page's server (waits for it). */
  async mailLink(to, page, count = 1) {
    const dataDir = dataDirOf(new URL(this.page.url()).origin);
    return eventually(() => {
      const links = mailLinks(dataDir, to.toLowerCase(), page);
      if (links.length < count) throw new Error(`no mail to ${to} with a link to ${page}`);
      return links.at(-1);
    });
  }

  /** Registers as a person does: the form, the link from the mail, its button; ends logged in. */
  async register(email, password) {
    const dataDir = () => dataDirOf(new URL(this.page.url()).origin);
    await this.open('/registreren');
    const before = mailLinks(dataDir(), email.toLowerCase(), '/registreren/bevestigen').length;
    await this.askForAccount(email, password);
    const link = await this.mailLink(email, '/registreren/bevestigen', before + 1);
    await this.page.goto(link);
    await this.expectHeading('Account maken');
    await this.button('Maak mijn account').click();
  }

  async login(email, password) {
    await this.expectHeading('Inloggen');
    await this.field('E-mailadres').fill(email);
    await this.field('Wachtwoord').fill(password);
    await this.button('Inloggen').click();
  }

  /** Logs in from the login page as a demo account (password `zelfregie-demo`) and waits for the overview. */
  async loginAsDemo(email) {
    await this.open('/inloggen');
    await this.login(email, 'zelfregie-demo');
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
