// End to end, issue 6: the export encrypted in the browser with age (passphrase and keys,
// binary and armored) and decrypted by other age implementations (typage in Node, the rage
// CLI); files made by rage and typage opened on "Export openen"; a transfer to a partner
// fetched once from its link page (opened from another site) and decrypted with the
// partner's key; link checkers use nothing up; revoking; axe clean.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decrypter, Encrypter, armor, generateHybridIdentity, identityToRecipient } from 'age-encryption';
import { Portal } from './pages.mjs';
import { axeViolations, cspViolations, foreignRequests, serverAndBrowser, watchedContext } from './harness.mjs';

const work = mkdtempSync(join(tmpdir(), 'zelfregie-age-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** A fresh X25519 key pair from `rage-keygen`: [identity file path, public key]. */
function rageKeygen(name) {
  const file = join(work, `${name}.txt`);
  execFileSync('rage-keygen', ['-o', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  const publicKey = readFileSync(file, 'utf8').match(/public key: (age1[0-9a-z]+)/)[1];
  return [file, publicKey];
}

/** Opens an age file with an identity file using the age crate 0.13 alone (the example
 * `open_transfer`, built by `make test-e2e`), as an organisation's own program would. */
function ageCrateDecrypt(file, identityFile) {
  return execFileSync('target/debug/examples/open_transfer', [identityFile, file], { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** typage's decryption with the secret keys of an identity file (comments skipped). */
async function typageDecrypt(bytes, identityFile) {
  const d = new Decrypter();
  for (const line of readFileSync(identityFile, 'utf8').split('\n')) {
    if (line.startsWith('AGE-SECRET-KEY-')) d.addIdentity(line.trim());
  }
  return Buffer.from(await d.decrypt(bytes));
}

/** The portal's short fingerprint of a key, computed here apart from its code: the first
 * 80 bits of SHA-256 in Bech32's alphabet, four groups of four. */
function fingerprintOf(key) {
  const alphabet = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
  let bits = 0n;
  for (const b of createHash('sha256').update(key).digest().subarray(0, 10)) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 15; i >= 0; i--) out += alphabet[Number((bits >> BigInt(5 * i)) & 31n)];
  return out.match(/.{4}/g).join('-');
}

function rageDecrypt(file, identityFile) {
  return execFileSync('rage', ['-d', '-i', identityFile, file], { stdio: ['ignore', 'pipe', 'pipe'] });
}

async function toExportPage(page, portal) {
  await portal.loginAsDemo('kandidaat@example.org');
  // From the overview, as a person finds it.
  await page.getByRole('region', { name: 'Je gegevens inzien en meenemen' }).getByRole('link', { name: 'Exporteren' }).click();
  await portal.expectHeading('Exporteren');
}

describe('export encrypted in the browser', () => {
  const env = serverAndBrowser({ demo: true });
  let context, page, portal, seen;
  before(async () => {
    ({ context, seen } = await watchedContext(env.browser, env.server.url, { acceptDownloads: true, viewport: { width: 360, height: 740 } }));
    page = await context.newPage();
    portal = new Portal(page);
    await toExportPage(page, portal);
  });

  it('passphrase (generated), binary: downloaded, opened by typage with the passphrase', async () => {
    await portal.button('Maak een wachtwoord van zes woorden').click();
    await page.getByText('Er staat een nieuw wachtwoord van zes woorden in het veld').waitFor();
    const passphrase = await portal.field('Wachtwoord voor het bestand').inputValue();
    // Six words to write down (issue 14), not "ywvky-6wtvq-…".
    assert.match(passphrase, /^([a-z]{3,9}-){5}[a-z]{3,9}$/);
    // Dutch words for a Dutch reader (issue 25 item 3), written out whole below the field:
    // at 360 px the field shows about three of them.
    const words = (language) => new Set(readFileSync(`crates/model/src/passphrase_words/${language}.txt`, 'utf8').split('\n'));
    const dutch = words('nl');
    assert.ok(passphrase.split('-').every((w) => dutch.has(w)), `Dutch words: ${passphrase}`);
    const written = page.locator('#passphrase-written');
    assert.equal(await written.innerText(), passphrase);
    const box = await written.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 360, `the passphrase fits the screen: ${JSON.stringify(box)}`);
    assert.ok(await written.evaluate((e) => e.scrollWidth <= e.clientWidth), 'nothing of it is cut off');
    assert.ok(box.height > 30, 'it wraps onto more than one line at 360 px');
    // In English, English words; back in Dutch, the Dutch passphrase is used below.
    await portal.button('Switch to English').click();
    await portal.button('Make a passphrase of six words').click();
    await page.waitForFunction((old) => document.getElementById('passphrase').value !== old, passphrase);
    const english = words('en');
    const inEnglish = await portal.field('Passphrase for the file').inputValue();
    assert.ok(inEnglish.split('-').every((w) => english.has(w)), `English words: ${inEnglish}`);
    await portal.button('Schakel naar Nederlands').click();
    await portal.field('Wachtwoord voor het bestand').fill(passphrase);
    // The copy button puts exactly the passphrase on the clipboard and says so.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await portal.button('Wachtwoord kopiëren').click();
    await page.locator('#passphrase-copied').filter({ hasText: 'Gekopieerd' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), passphrase);
    // A too-short passphrase of one's own is about the file, not "je wachtwoord".
    const field = portal.field('Wachtwoord voor het bestand');
    await field.fill('kort');
    await portal.button('Versleutelen en downloaden').click();
    await page.getByText('Het wachtwoord voor het bestand moet minstens 12 tekens lang zijn.', { exact: false }).waitFor();
    assert.equal(await page.getByText('Je wachtwoord moet').count(), 0);
    await field.fill(passphrase);
    // The page must stay responsive: scrypt (about a second) runs in the worker, so the main
    // thread has no long task anywhere near that while the progress is shown.
    await page.evaluate(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push(e.duration);
      }).observe({ type: 'longtask' });
    });
    const downloading = page.waitForEvent('download');
    await portal.button('Versleutelen en downloaden').click();
    await page.getByRole('status').filter({ hasText: 'Het slot wordt gemaakt uit het wachtwoord' }).waitFor();
    const download = await downloading;
    const longTasks = await page.evaluate(() => window.__longTasks);
    assert.ok(Math.max(0, ...longTasks) < 400, `main-thread long tasks during encryption: ${longTasks}`);
    assert.match(download.suggestedFilename(), /^zelfregie-export-\d{4}-\d{2}-\d{2}\.json\.age$/);
    const file = readFileSync(await download.path());
    assert.ok(file.subarray(0, 22).toString() === 'age-encryption.org/v1\n');
    assert.match(file.toString('latin1'), /-> scrypt \S+ 18\n/, 'work factor 18');
    assert.ok(!file.includes('Sanne'), 'no plaintext in the file');
    const done = page.locator('[data-ms]');
    await done.waitFor();
    // The outcome takes focus and is in view (issue 25 item 2), not <body>.
    await portal.expectFocus('encrypt-done');
    assert.ok(await done.evaluate((e) => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }), 'in view');
    console.log(`# demo export, passphrase (scrypt 2^18): ${file.length} bytes encrypted in ${await done.getAttribute('data-ms')} ms in Chromium (fetch + encrypt)`);

    const d = new Decrypter();
    d.addPassphrase(passphrase);
    const exported = JSON.parse(new TextDecoder().decode(await d.decrypt(new Uint8Array(file))));
    assert.equal(exported.format, 'zelfregie-export');
    assert.equal(exported.cv.basics.name, 'Sanne van Dijk');

    const wrong = new Decrypter();
    wrong.addPassphrase(`${passphrase}x`);
    await assert.rejects(wrong.decrypt(new Uint8Array(file)));
    assert.deepEqual(await axeViolations(page), [], 'export page after a download');
  });

  it('recipient keys, armored: decrypted by the rage CLI with either key', async () => {
    const [idA, pubA] = rageKeygen('a');
    const [idB, pubB] = rageKeygen('b');
    await page.getByLabel('Een digitale sleutel (gemaakt met het programma age)').check();
    const keys = portal.field('Sleutels, één per regel');
    // Validated as typed: a line that cannot become a key is flagged at once, before any submit…
    await keys.fill(`${pubA}\nAGE1`);
    await page.getByText('Dit is geen geldige publieke age-sleutel').waitFor();
    // …an unfinished one only when submitted; nothing is encrypted then.
    await keys.fill(`${pubA}\n${pubB.slice(0, -1)}`);
    assert.equal(await page.getByText('Dit is geen geldige publieke age-sleutel').count(), 0, 'no nagging while typing');
    await portal.button('Versleutelen en downloaden').click();
    await page.getByText('Dit is geen geldige publieke age-sleutel').waitFor();
    assert.equal(await keys.getAttribute('aria-invalid'), 'true');
    await keys.fill(`${pubA}\n${pubB}`);
    await page.getByLabel('Als tekst, bijvoorbeeld om in een e-mail te plakken', { exact: false }).check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      portal.button('Versleutelen en downloaden').click(),
    ]);
    const path = await download.path();
    // Text is named as text; the binary file keeps .age (issue 14).
    assert.match(download.suggestedFilename(), /^zelfregie-export-\d{4}-\d{2}-\d{2}\.json\.age\.txt$/);
    assert.ok(readFileSync(path, 'utf8').startsWith('-----BEGIN AGE ENCRYPTED FILE-----'));
    for (const id of [idA, idB]) {
      const exported = JSON.parse(rageDecrypt(path, id).toString('utf8'));
      assert.equal(exported.candidate_bank.profile.personal.first_name, 'Sanne');
    }
    assert.deepEqual(await cspViolations(page), []);
  });

  // Issue 22: post-quantum keys (about 2,000 characters) come from a file or the clipboard,
  // never typed; each shows its fingerprint; a mix with a classic key is refused with its
  // sentence and the choice of which to keep, never silently downgraded.
  it('post-quantum key from a file: fingerprint shown, a mix refused with the choice, typage opens the file', async () => {
    const identity = await generateHybridIdentity();
    const pq = await identityToRecipient(identity);
    assert.ok(pq.startsWith('age1pq1') && pq.length === 1959, `${pq.length}`);
    const [, classic] = rageKeygen('mix');
    const keyFile = join(work, 'partner.pub');
    writeFileSync(keyFile, `# the partner's key\n${pq}\n`);
    const keys = portal.field('Sleutels, één per regel');
    await keys.fill('');
    await page.setInputFiles('#recipients-file', keyFile);
    await page.locator('.fingerprints li[data-kind="post-quantum"]').waitFor();
    assert.ok((await keys.inputValue()).includes(pq), 'the key from the file is in the field');
    assert.equal(await page.locator('.fingerprints .fingerprint').innerText(), fingerprintOf(pq));
    assert.equal(await page.getByText('Deze sleutels zijn van het oude soort.').count(), 0);

    // A classic key beside it: refused as soon as both are whole, and on submit; nothing made.
    await keys.fill(`${pq}\n${classic}`);
    const mixed = page.getByText('kunnen niet samen in één bestand', { exact: false });
    await mixed.waitFor();
    let downloads = 0;
    page.on('download', () => downloads++);
    await portal.button('Versleutelen en downloaden').click();
    await mixed.first().waitFor();
    assert.equal(await keys.getAttribute('aria-invalid'), 'true');
    // The choice: keep the new kind.
    await portal.button('Alleen de sleutels van het nieuwe soort houden').click();
    assert.equal((await keys.inputValue()).trim(), pq);
    assert.equal(await mixed.count(), 0);
    assert.equal(downloads, 0, 'nothing was encrypted while the keys were mixed');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      portal.button('Versleutelen en downloaden').click(),
    ]);
    const bytes = readFileSync(await download.path());
    // Armored (the choice of the test before); the header has the hybrid stanza only.
    const binary = armor.decode(bytes.toString('utf8'));
    const header = Buffer.from(binary.subarray(0, 4096)).toString('latin1');
    assert.match(header, /^-> mlkem768x25519 /m);
    assert.doesNotMatch(header, /^-> X25519 /m);
    const d = new Decrypter();
    d.addIdentity(identity);
    const exported = JSON.parse(new TextDecoder().decode(await d.decrypt(binary)));
    assert.equal(exported.candidate_bank.profile.personal.first_name, 'Sanne');
    assert.deepEqual(await axeViolations(page), [], 'export page with a post-quantum key');
  });

  // Issue 15: a large export is sealed in parts by the worker and its helper workers (one
  // per further core); the parts make one standard age file. Sizes at the edges: exactly
  // the size from which parts are handed out (whole chunks), and one that ends mid-chunk.
  it('a large export is sealed in parallel parts; rage and typage open the one file', async () => {
    const [id, pub] = rageKeygen('large');
    const passphrase = 'vijf-woorden-zijn-niet-genoeg-zes';
    const jobs = [
      { size: 8 * 65536, protection: { kind: 'recipients', recipients: [pub] } },
      { size: 3 * 1024 * 1024 + 5, protection: { kind: 'recipients', recipients: [pub] } },
      { size: 3 * 1024 * 1024 + 5, protection: { kind: 'passphrase', passphrase } },
    ];
    const results = await page.evaluate(async (jobs) => {
      const worker = new Worker('/zelfregie-worker_loader.js');
      const queue = [];
      let wake = null;
      worker.onmessage = (e) => { queue.push(e.data); if (wake) wake(); };
      const next = async () => {
        while (!queue.length) await new Promise((r) => { wake = r; });
        return queue.shift();
      };
      while (JSON.parse((await next()).report).report !== 'ready') { /* starting */ }
      const out = [];
      for (const { size, protection } of jobs) {
        const plain = new Uint8Array(size);
        for (let i = 0; i < size; i += 65536) crypto.getRandomValues(plain.subarray(i, Math.min(size, i + 65536)));
        const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', plain))].map((b) => b.toString(16).padStart(2, '0')).join('');
        worker.postMessage({ job: JSON.stringify({ job: 'encrypt', protection, armor: false }), bytes: plain.buffer }, [plain.buffer]);
        const progress = [];
        for (;;) {
          const m = await next();
          const r = JSON.parse(m.report);
          if (r.report === 'progress') progress.push(r.done);
          else if (r.report === 'done') {
            const bytes = new Uint8Array(m.bytes);
            let text = '';
            for (let i = 0; i < bytes.length; i += 32768) text += String.fromCharCode(...bytes.subarray(i, i + 32768));
            out.push({ digest, file: btoa(text), progress, size });
            break;
          } else throw new Error(`worker: ${m.report}`);
        }
      }
      worker.terminate();
      return { out, cores: navigator.hardwareConcurrency };
    }, jobs);
    const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
    for (const [i, r] of results.out.entries()) {
      const file = Buffer.from(r.file, 'base64');
      assert.ok(r.progress.every((d, k) => k === 0 || d >= r.progress[k - 1]) && r.progress.at(-1) === r.size, `job ${i}: progress ends at the size`);
      let plain;
      if (jobs[i].protection.kind === 'passphrase') {
        const d = new Decrypter();
        d.addPassphrase(passphrase);
        plain = await d.decrypt(file);
      } else {
        const path = join(work, `large-${i}.age`);
        writeFileSync(path, file);
        execFileSync('rage', ['-d', '-i', id, '-o', `${path}.out`, path], { stdio: ['ignore', 'ignore', 'pipe'] });
        plain = readFileSync(`${path}.out`);
        // typage opens the very same file.
        const d = new Decrypter();
        d.addIdentity(readFileSync(id, 'utf8').split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-')));
        assert.equal(sha256(await d.decrypt(file)), r.digest, `job ${i}: typage`);
      }
      assert.equal(plain.length, r.size, `job ${i}: length`);
      assert.equal(sha256(plain), r.digest, `job ${i}: the plaintext`);
    }
    // The parts really were sealed apart: the helper workers started (one per further core).
    const helpers = page.workers().filter((w) => w.url().endsWith('#helper'));
    if (results.cores > 1) assert.ok(helpers.length >= 1, `helpers: ${page.workers().map((w) => w.url())}`);
    // The worker and its helpers start without a deprecation warning each (issue 25: 48 of
    // them, from the loader's bare-path start of wasm-bindgen).
    assert.deepEqual(seen.deprecations, []);
  });

  // Issue 10 item 7: the link a person gives an organisation is a page that fetches nothing
  // on opening (link checkers, webmail previews), works when clicked from another site
  // (webmail: Sec-Fetch-Site cross-site), and hands out the file once, on its button.
  it('transfers to a partner: link checkers use nothing up; the partner opens the link from webmail, fetches once, decrypts', async () => {
    await portal.field('Organisatie').selectOption({ label: 'Kerkrade (gemeente)' });
    await portal.button('Versleutelen en overdragen').click();
    const link = await page.locator('#transfer-link').inputValue({ timeout: 30_000 });
    assert.match(link, /\/overdracht\?token=[A-Za-z0-9_-]{43}$/);
    await portal.expectFocus('transfer-done');
    await page.locator('.transfer[data-status="waiting"]').first().waitFor();
    assert.deepEqual(await axeViolations(page), [], 'export page with a transfer');
    // The link is copied with one press, and stays in the list (issue 14) while it can be used.
    await page.locator('.transfer-link').first().getByRole('button', { name: 'Link kopiëren' }).click();
    await page.locator('#transfer-link-copied').filter({ hasText: 'Gekopieerd' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
    const token = new URL(link).searchParams.get('token');
    const pageUrl = `${env.server.url}/overdracht?token=${token}`;
    const infoUrl = `${env.server.url}/api/transfer-links/${token}`;
    const fileUrl = `${infoUrl}/file`;

    // A link checker: HEAD and GET on the link and on the info endpoint use nothing up.
    for (const url of [pageUrl, infoUrl]) {
      for (const method of ['HEAD', 'GET', 'HEAD']) {
        const r = await fetch(url, { method });
        assert.equal(r.status, 200, `${method} ${url}`);
        await r.arrayBuffer();
      }
    }
    const info = await (await fetch(infoUrl)).json();
    assert.equal(info.status, 'waiting');
    assert.equal(info.partner.slug, 'kerkrade');
    assert.equal(info.from, 'Sanne van Dijk');
    assert.match(info.recipient, /^age1pq1[0-9a-z]{1952}$/, 'demo partners have post-quantum keys');

    // The partner's webmail: a page on another site with the link in it.
    const webmail = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="nl"><title>Webmail</title><p><a href="${pageUrl}">Overdracht van Sanne</a></p></html>`);
    });
    await new Promise((r) => webmail.listen(0, r));
    const partner = await env.browser.newContext({ acceptDownloads: true });
    try {
      const p = await partner.newPage();
      await p.goto(`http://localhost:${webmail.address().port}/`);
      const [arrival] = await Promise.all([
        p.waitForResponse((r) => r.url().startsWith(pageUrl.split('?')[0])),
        p.getByRole('link', { name: 'Overdracht van Sanne' }).click(),
      ]);
      assert.equal((await arrival.request().allHeaders())['sec-fetch-site'], 'cross-site');
      assert.equal(arrival.status(), 200);
      const partnerPortal = new Portal(p);
      await partnerPortal.expectHeading('Overdracht ophalen');
      const details = p.locator('.transfer-details');
      await details.waitFor();
      assert.equal(await details.getAttribute('data-status'), 'waiting');
      const text = await details.innerText();
      // The key shortened, its kind, and the fingerprint the organisation compares with its own.
      const fingerprint = await details.locator('.fingerprint').innerText();
      assert.match(fingerprint, /^[02-9ac-hj-np-z]{4}(-[02-9ac-hj-np-z]{4}){3}$/);
      for (const want of ['Sanne van Dijk', 'Gemeente Kerkrade', info.recipient.slice(0, 12), 'nieuw soort', 'Op te halen tot']) {
        assert.ok(text.includes(want), `details lack ${want}: ${text}`);
      }
      assert.match(text, /\d{1,2} [a-z]+ \d{4} om \d{2}:\d{2}/, 'dates in words');
      assert.deepEqual(await axeViolations(p), [], 'transfer link page, waiting');
      assert.equal((await (await fetch(infoUrl)).json()).status, 'waiting', 'opening the page fetched nothing');

      const [download] = await Promise.all([
        p.waitForEvent('download'),
        partnerPortal.button('Bestand ophalen').click(),
      ]);
      assert.match(download.suggestedFilename(), /^zelfregie-overdracht-\d{4}-\d{2}-\d{2}\.json\.age$/);
      const file = join(work, 'transfer.age');
      writeFileSync(file, readFileSync(await download.path()));
      // A post-quantum file: its header has the hybrid stanza, and two other implementations
      // open it with the partner's post-quantum identity: typage, and the age crate 0.13.
      const keyFile = join(env.server.dataDir, 'partner-keys', 'kerkrade.txt');
      assert.match(readFileSync(keyFile, 'utf8'), /^AGE-SECRET-KEY-PQ-1[0-9A-Z]{58}$/m);
      const bytes = readFileSync(file);
      assert.match(bytes.subarray(0, 4096).toString('latin1'), /^-> mlkem768x25519 /m);
      assert.doesNotMatch(bytes.subarray(0, 4096).toString('latin1'), /^-> X25519 /m, 'no classic stanza beside it');
      for (const [who, plain] of [['typage', await typageDecrypt(bytes, keyFile)], ['age crate', ageCrateDecrypt(file, keyFile)]]) {
        const exported = JSON.parse(plain.toString('utf8'));
        assert.equal(exported.account.email, 'kandidaat@example.org', who);
      }
      await p.getByText('Het bestand is opgehaald en gedownload als').waitFor();
      // Besides the command line, the page names Export openen, which opens the same file
      // with the same key in the browser (issue 25).
      const here = p.locator('.notice-status').getByRole('link', { name: 'Export openen' });
      assert.equal(await here.getAttribute('href'), '/export-openen');
      await p.locator('.transfer-details[data-status="fetched"]').waitFor();
      assert.equal(await p.locator('.transfer-ended').count(), 0, 'fetched here: no "already fetched" warning');

      // Afterwards the link says when it was fetched, not that it expired.
      await p.reload();
      await p.locator('.transfer-details[data-status="fetched"]').waitFor();
      await p.getByText('Dit bestand is al opgehaald op', { exact: false }).waitFor();
      assert.equal(await p.getByText('verlopen', { exact: false }).count(), 0);
      assert.equal(await partnerPortal.button('Bestand ophalen').count(), 0);
      assert.deepEqual(await axeViolations(p), [], 'transfer link page, fetched');
    } finally {
      await partner.close();
      webmail.close();
    }
    const again = await fetch(fileUrl, { method: 'POST', headers: { 'x-requested-with': 'zelfregie' } });
    assert.equal(again.status, 410, 'once only');
    assert.equal((await again.json()).code, 'already_fetched');
    const unknown = await fetch(`${env.server.url}/api/transfer-links/${'x'.repeat(43)}`);
    assert.equal(unknown.status, 404);

    // A second transfer, to a pasted key, revoked before anyone fetches it.
    const [, pub] = rageKeygen('c');
    await portal.field('Organisatie').selectOption({ label: 'Een andere organisatie (hun sleutel plakken)' });
    await portal.field('Sleutel van de organisatie (begint met age1pq1 of age1)').fill(pub);
    // An old-kind key: its fingerprint, and a word about quantum computers.
    await page.locator('.fingerprints li[data-kind="classic"] .fingerprint').waitFor();
    await page.getByText('Deze sleutels zijn van het oude soort.').waitFor();
    await portal.button('Versleutelen en overdragen').click();
    const link2 = await page.locator('#transfer-link').inputValue({ timeout: 30_000 });
    assert.notEqual(link2, link);
    // The first link is still in the list, as long as nobody fetched it: here it was fetched.
    assert.equal(await page.locator('.transfer .transfer-link input').evaluateAll((els, fetched) => els.map((e) => e.value).filter((v) => v === fetched).length, link), 0, 'a fetched link is gone');
    await page.locator('.transfer[data-status="waiting"]').first().waitFor();
    await page.locator('.transfer[data-status="waiting"]').getByRole('button', { name: 'Intrekken' }).click();
    await page.getByText('De overdracht is ingetrokken').waitFor();
    await portal.expectFocus('transfer-revoked');
    const token2 = new URL(link2).searchParams.get('token');
    const revoked = await fetch(`${env.server.url}/api/transfer-links/${token2}/file`, { method: 'POST', headers: { 'x-requested-with': 'zelfregie' } });
    assert.equal(revoked.status, 410);
    assert.equal((await revoked.json()).code, 'expired');
    const page2 = await context.newPage();
    await page2.goto(`/overdracht?token=${token2}`);
    await page2.locator('.transfer-details[data-status="revoked"]').waitFor();
    await page2.getByText('Deze overdracht is ingetrokken op', { exact: false }).waitFor();
    await page2.close();
    await page.locator('.transfer[data-status="revoked"]').waitFor();
    await page.locator('.transfer[data-status="fetched"]').waitFor();
    assert.deepEqual(foreignRequests(seen, env.server.url), []);
    assert.deepEqual(await cspViolations(page), []);
  });
});

describe('open an export', () => {
  const env = serverAndBrowser({ demo: false });
  const contents = JSON.stringify({ format: 'zelfregie-export', generated_at: '2026-11-22T09:30:00Z', note: 'gemaakt met rage' });

  it('opens a file made by rage (key) and one made by typage (passphrase); a wrong passphrase is said plainly', async () => {
    const { context } = await watchedContext(env.browser, env.server.url, { viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const portal = new Portal(page);
    const [identityFile, pub] = rageKeygen('open');
    const plain = join(work, 'plain.json');
    writeFileSync(plain, contents);
    const byRage = join(work, 'by-rage.age');
    execFileSync('rage', ['-r', pub, '-o', byRage, plain]);

    await portal.open('/export-openen');
    await portal.expectHeading('Export openen');
    await page.setInputFiles('#open-file', byRage);
    await page.getByLabel('Een geheime sleutel (AGE-SECRET-KEY-…)').check();
    await portal.field('Geheime sleutel').fill(readFileSync(identityFile, 'utf8'));
    await portal.button('Openen').click();
    await page.getByText('Dit is een export van zelfregie, gemaakt op').waitFor();
    // The result takes focus, so it is in view, however far below the button (issue 25).
    await portal.expectFocus('h-opened');
    const heading = await page.locator('#h-opened').boundingBox();
    const height = page.viewportSize().height;
    assert.ok(heading.y >= 0 && heading.y < height, `the result is in view: ${heading.y} of ${height}`);
    assert.match(await page.locator('.opened-contents').innerText(), /"note": "gemaakt met rage"/);
    assert.deepEqual(await axeViolations(page), [], 'opened export');

    const e = new Encrypter();
    e.setPassphrase('correct paard batterij nietje');
    const byTypage = join(work, 'by-typage.age');
    writeFileSync(byTypage, armor.encode(await e.encrypt(contents)));
    await page.setInputFiles('#open-file', byTypage);
    await page.getByLabel('Het wachtwoord').check();
    await portal.field('Wachtwoord voor het bestand').fill('correct paard batterij');
    await portal.button('Openen').click();
    await page.getByRole('alert').getByText('Dit wachtwoord opent het bestand niet').waitFor({ timeout: 30_000 });
    await portal.field('Wachtwoord voor het bestand').fill('correct paard batterij nietje');
    await portal.button('Openen').click();
    await page.getByText('Dit is een export van zelfregie, gemaakt op').waitFor({ timeout: 30_000 });

    // A post-quantum file made by typage, opened with its identity file picked from disk.
    const pqIdentity = await generateHybridIdentity();
    const pqEncrypter = new Encrypter();
    pqEncrypter.addRecipient(await identityToRecipient(pqIdentity));
    const byTypagePq = join(work, 'by-typage-pq.age');
    writeFileSync(byTypagePq, await pqEncrypter.encrypt(contents));
    const pqKeyFile = join(work, 'pq-key.txt');
    writeFileSync(pqKeyFile, `# created by typage\n${pqIdentity}\n`);
    await page.setInputFiles('#open-file', byTypagePq);
    await page.getByLabel('Een geheime sleutel (AGE-SECRET-KEY-…)').check();
    await portal.field('Geheime sleutel').fill('');
    await page.setInputFiles('#open-identity-file', pqKeyFile);
    await page.waitForFunction(() => document.querySelector('#open-identity')?.value.includes('AGE-SECRET-KEY-PQ-1'));
    await portal.button('Openen').click();
    await page.getByText('Dit is een export van zelfregie, gemaakt op').waitFor({ timeout: 30_000 });
    assert.match(await page.locator('.opened-contents').innerText(), /"note": "gemaakt met rage"/);
    // Another post-quantum key does not open it: said plainly.
    await portal.field('Geheime sleutel').fill(await generateHybridIdentity());
    await portal.button('Openen').click();
    await page.getByRole('alert').getByText('Geen van de opgegeven sleutels opent dit bestand').waitFor({ timeout: 30_000 });
    await page.getByLabel('Het wachtwoord').check();

    // Plaintext is not an age file: said so.
    await page.setInputFiles('#open-file', plain);
    await portal.button('Openen').click();
    await page.getByText('Dit is geen (volledig) met age versleuteld bestand').waitFor();
    assert.deepEqual(await cspViolations(page), []);
    await context.close();
  });

  // Issue 24 item 15: content that is not text froze the page (3 MiB of random bytes took
  // 56 s to show, 16 MiB never). Whatever is inside, the page says what it found and offers
  // the opened file as a download, byte for byte.
  it('a file of random bytes opens at once as "not text", and the opened file downloads whole', async () => {
    const { context } = await watchedContext(env.browser, env.server.url, { acceptDownloads: true, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const portal = new Portal(page);
    const identity = await generateHybridIdentity();
    for (const mib of [3, 16]) {
      const plain = randomBytes(mib * 1024 * 1024);
      const e = new Encrypter();
      e.addRecipient(await identityToRecipient(identity));
      const path = join(work, `random-${mib}.age`);
      writeFileSync(path, await e.encrypt(plain));
      await portal.open('/export-openen');
      await portal.expectHeading('Export openen');
      await page.setInputFiles('#open-file', path);
      await page.getByLabel('Een geheime sleutel (AGE-SECRET-KEY-…)').check();
      await portal.field('Geheime sleutel').fill(identity);
      await portal.button('Openen').click();
      await page.locator('.opened-binary').waitFor({ timeout: 30_000 });
      assert.match(await page.locator('.opened-binary').innerText(), /geen export en geen tekst/);
      assert.equal(await page.locator('.opened-contents').count(), 0, `${mib} MiB: nothing of it rendered as text`);
      const [download] = await Promise.all([page.waitForEvent('download'), portal.button('Geopend bestand downloaden').click()]);
      const got = readFileSync(await download.path());
      assert.equal(createHash('sha256').update(got).digest('hex'), createHash('sha256').update(plain).digest('hex'), `${mib} MiB: the same bytes`);
    }
    // Long text: only its beginning is shown, the rest is a download away.
    const long = 'één regel tekst\n'.repeat(100_000);
    const e = new Encrypter();
    e.addRecipient(await identityToRecipient(identity));
    const path = join(work, 'long-text.age');
    writeFileSync(path, await e.encrypt(long));
    await page.setInputFiles('#open-file', path);
    await portal.button('Openen').click();
    await page.getByText('Hieronder staat alleen het begin.').waitFor({ timeout: 30_000 });
    const shown = await page.locator('.opened-contents').innerText();
    assert.ok(shown.length < long.length && long.startsWith(shown.slice(0, 1000)));
    assert.deepEqual(await axeViolations(page), [], 'a cut text');
    await context.close();
  });

  // Issue 10: scrypt work factor 21 crashed the worker (capacity overflow on wasm32), 22 was
  // refused with a sentence about encrypting. Above 20 the header is enough to refuse.
  it('a passphrase file asking for scrypt work factor 21 or 22 is refused plainly; the page keeps working', async () => {
    const { context } = await watchedContext(env.browser, env.server.url);
    const page = await context.newPage();
    const portal = new Portal(page);
    const passphrase = 'correct paard batterij nietje';
    const e = new Encrypter();
    e.setPassphrase(passphrase);
    e.setScryptWorkFactor(10);
    const file = Buffer.from(await e.encrypt(contents)).toString('latin1');
    assert.match(file, /^-> scrypt \S+ 10$/m);
    for (const logN of [21, 22]) {
      await portal.open('/export-openen');
      await portal.expectHeading('Export openen');
      // The header as a tool with a higher work factor writes it (running scrypt at 2^21
      // here would take 2 GiB); the MAC no longer matches, which only a derived key could tell.
      const path = join(work, `work-factor-${logN}.age`);
      writeFileSync(path, Buffer.from(file.replace(/^(-> scrypt \S+) 10$/m, `$1 ${logN}`), 'latin1'));
      await page.setInputFiles('#open-file', path);
      await portal.field('Wachtwoord voor het bestand').fill(passphrase);
      await portal.button('Openen').click();
      const alert = page.getByRole('alert').filter({ hasText: 'te veel rekenwerk' });
      await alert.waitFor({ timeout: 10_000 });
      assert.match(await alert.innerText(), /Open het op een computer met het programma rage of age\./);
      assert.doesNotMatch(await alert.innerText(), /Versleutelen/);
    }
    // The worker did not crash: the same file with its own work factor opens.
    const path = join(work, 'work-factor-10.age');
    writeFileSync(path, Buffer.from(file, 'latin1'));
    await page.setInputFiles('#open-file', path);
    await portal.button('Openen').click();
    await page.getByText('Dit is een export van zelfregie, gemaakt op').waitFor({ timeout: 30_000 });
    assert.deepEqual(await axeViolations(page), [], 'refused, then opened');
    await context.close();
  });
});
