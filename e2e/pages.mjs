// Page objects: what a person sees and does, in the portal's own words (Dutch by default).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { dataDirOf } from './harness.mjs';

/** The bytes of RFC 2047 encoded word text `text` in encoding `b` or `q`. */
function encodedWordBytes(encoding, text) {
  if (encoding.toLowerCase() === 'b') return Buffer.from(text, 'base64');
  return qpBytes(text.replace(/_/g, ' '));
}

/** The bytes of quoted-printable `text` (soft line breaks removed, `=XX` decoded). */
function qpBytes(text) {
  const out = [];
  const s = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < s.length; i += 1) {
    if (s[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      out.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      out.push(s.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(out);
}

/** A header value with its RFC 2047 encoded words decoded (whitespace between two words dropped). */
function decodeWords(value) {
  const word = /=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g;
  return value
    .replace(/(\?=)\s+(?==\?)/g, '$1')
    .replace(word, (_, _charset, encoding, text) => encodedWordBytes(encoding, text).toString('utf8'));
}

/**
 * One mail file (its bytes, or a string of one byte per character) as a mail program shows it: `{to, subject, body, text}`. Header lines are
 * unfolded, the subject's RFC 2047 words and the body's quoted-printable or base64 decoded;
 * `to` is the bare address (lettre writes `To: anna@example.org`, a name would add `<…>`);
 * `text` is every header (`Name: value`), a blank line and the decoded body, `\n` line ends.
 */
export function readMail(bytes) {
  const raw = Buffer.isBuffer(bytes) ? bytes.toString('latin1') : bytes;
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const rawBody = raw.slice(split + 4);
  const headers = head.split('\r\n').map((line) => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon), line.slice(colon + 1).trim()];
  });
  const header = (name) => headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1] ?? '';
  const subject = decodeWords(header('Subject'));
  const toValue = header('To');
  const to = (toValue.match(/<([^>]+)>/)?.[1] ?? toValue).trim();
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  let decoded;
  if (encoding === 'quoted-printable') decoded = qpBytes(rawBody);
  else if (encoding === 'base64') decoded = Buffer.from(rawBody.replace(/\s+/g, ''), 'base64');
  else decoded = Buffer.from(rawBody, 'latin1');
  const body = decoded.toString('utf8').replace(/\r\n/g, '\n');
  const shown = headers.map(([n, v]) => {
    if (n.toLowerCase() === 'subject') return `${n}: ${subject}`;
    if (n.toLowerCase() === 'to') return `${n}: ${to}`;
    return `${n}: ${v}`;
  });
  return { to, subject, body, text: `${shown.join('\n')}\n\n${body}` };
}

/** Every mail in the server's mail folder (`<dataDir>/mail/*.eml`), oldest first, decoded ({@link readMail}). */
export function mails(dataDir) {
  let files;
  try { files = readdirSync(join(dataDir, 'mail')).filter((f) => f.endsWith('.eml')).sort(); } catch { return []; }
  const read = [];
  for (const f of files) {
    // A file may go (an erasure) between the listing and the reading.
    try { read.push(readMail(readFileSync(join(dataDir, 'mail', f)))); } catch { /* gone */ }
  }
  return read;
}

/** Every mail to `to` in the server's mail folder, oldest first, as decoded text ({@link readMail}). */
export function mailsTo(dataDir, to) {
  return mails(dataDir).filter((m) => m.to === to).map((m) => m.text);
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
    // The previous period's code only while more than 10 s of this one are left, so a code
    // typed on a busy machine is still accepted when it arrives.
    const secondsIn = Math.floor(Date.now() / 1000) % 30;
    const earliest = secondsIn < 20 ? now - 1 : now;
    const step = Math.max(earliest, (usedSteps.get(account) ?? 0) + 1);
    if (step <= now + 1) {
      usedSteps.set(account, step);
      return totpAt(secretBase32, step);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Whether a demo address is a staff account (logs in with a code). */
export function isDemoStaff(email) {
  return email === 'academie@example.org' || email === 'privacy@example.org' || email.startsWith('recruiter@');
}

/**
 * Registers `email` through the API as another device would: asks, takes the link from the
 * mail, presses its button. The session cookie.
 */
export async function registerByMail(base, email, password) {
  const headers = { 'content-type': 'application/json', 'x-requested-with': 'zelfregie' };
  const before = mailLinks(dataDirOf(base), email, '/registreren/bevestigen').length;
  const asked = await fetch(`${base}/api/account`, { method: 'POST', headers, body: JSON.stringify({ email }) });
  if (asked.status !== 202) throw new Error(`registration of ${email}: ${asked.status}`);
  const link = await eventually(() => {
    const links = mailLinks(dataDirOf(base), email, '/registreren/bevestigen');
    if (links.length <= before) throw new Error(`no registration mail to ${email}`);
    return links.at(-1);
  });
  const token = new URL(link, base).searchParams.get('token');
  const r = await fetch(`${base}/api/account/confirm`, { method: 'POST', headers, body: JSON.stringify({ token, password }) });
  if (r.status !== 201) throw new Error(`confirming ${email}: ${r.status} ${await r.text()}`);
  return r.headers.get('set-cookie').split(';')[0];
}

/** The body of a demo account's login (staff with the code their app shows now). */
export async function demoCredentials(base, email) {
  const body = { email, password: 'zelfregie-demo' };
  if (isDemoStaff(email)) body.code = await nextCode(`${base}|${email}`, DEMO_TOTP_SECRET);
  return body;
}

/** Logs in through the API as a demo account (staff with the computed code); the session cookie. */
export async function demoApiLogin(base, email) {
  const body = await demoCredentials(base, email);
  const r = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'zelfregie' },
    body: JSON.stringify(body),
  });
  if (r.status !== 200) throw new Error(`login of ${email}: ${r.status} ${await r.text()}`);
  return r.headers.get('set-cookie').split(';')[0];
}

/** Invites the first administrator as an operator does, with the server's command line on
 * the same data directory; the printed link (which names the server as localhost: a public
 * URL must name a host, passkeys refuse an IP address). */
export function cliInvite(server, email) {
  const bin = process.env.ZELFREGIE_SERVER ?? 'target/debug/zelfregie-server';
  const publicUrl = `http://localhost:${new URL(server.url).port}`;
  const out = execFileSync(bin, [
    'admin', 'invite', '--email', email, '--data-dir', server.dataDir, '--public-url', publicUrl,
  ], { encoding: 'utf8', env: { ...process.env, RUST_LOG: 'warn' } });
  const printed = out.match(/https?:\/\/\S+\/uitnodiging\?token=[A-Za-z0-9_-]+/);
  if (!printed) throw new Error(`no link printed:\n${out}`);
  const link = new URL(printed[0]);
  if (link.origin !== publicUrl) throw new Error(`the link names ${link.origin}, not ${publicUrl}`);
  return link;
}

/**
 * The "saved" message after a save. Anchored at the start: a substring match would also find
 * "Je hebt wijzigingen die nog niet zijn opgeslagen." (shown until the save is answered), and
 * a test would then read the server before its save had arrived.
 */
export function savedNotice(page) {
  return page.getByRole('status').filter({ hasText: /^Opgeslagen\./ });
}

/** Opens the folds of the data view (each activity, and its article of the law): a test that
 * reads the whole text. Other folds (the raw JSON) stay as they are. */
export async function openFolds(page) {
  await page.evaluate(() => document.querySelectorAll('main details.activity-details, main details.legal-reference')
    .forEach((d) => { d.open = true; }));
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

  /** Fills in the registration form (the address only) and sends it; waits for "check your mail". */
  async askForAccount(email) {
    await this.open('/registreren');
    await this.expectHeading('Registreren');
    await this.field('E-mailadres').fill(email);
    await this.button('Stuur mij een link').click();
    const sent = this.page.getByRole('status').filter({ hasText: 'Kijk in je mail.' });
    await sent.waitFor();
    // The notice names the address and has focus, so it is in view (issue 25).
    assert.ok((await sent.innerText()).includes(email.trim().toLowerCase()), 'the notice names the address');
    await this.expectFocus('register-sent');
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

  /** Registers as a person does: the form, the link from the mail, the password chosen on
   * the link's page, its button; ends logged in. */
  async register(email, password) {
    const dataDir = () => dataDirOf(new URL(this.page.url()).origin);
    await this.open('/registreren');
    const before = mailLinks(dataDir(), email.toLowerCase(), '/registreren/bevestigen').length;
    await this.askForAccount(email);
    const link = await this.mailLink(email, '/registreren/bevestigen', before + 1);
    await this.page.goto(link);
    await this.expectHeading('Account maken');
    await this.field('Wachtwoord').fill(password);
    await this.button('Maak mijn account').click();
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
