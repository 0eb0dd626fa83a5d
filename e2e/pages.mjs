// Page objects: what a person sees and does, in the portal's own words (Dutch by default).

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

  /** Logs out with the button on the Account page (the menu has one too). */
  async logout() {
    await this.goToAccount();
    await this.page.getByRole('main').getByRole('button', { name: 'Uitloggen', exact: true }).click();
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
