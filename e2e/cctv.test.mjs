// Issue 22: the age test vectors every age implementation runs (C2SP CCTV, vendored in
// crates/crypto/tests/cctv/) through the shipped crypto worker with the page's own protocol
// (release wasm, `decrypt` jobs), in Chromium. crates/crypto/tests/cctv.rs runs the same
// vectors through the same `decrypt` natively and as a wasm test; this is the worker a
// person's browser starts. Expectations map to our codes as there (see `allowed`).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { generateHybridIdentity } from 'age-encryption';
import { serverAndBrowser } from './harness.mjs';

const DIR = 'crates/crypto/tests/cctv/testdata';

/** A vector: its header fields and its age file (inflated when compressed). */
function parse(name) {
  const bytes = readFileSync(join(DIR, name));
  const split = bytes.indexOf('\n\n');
  const fields = { identity: [], passphrase: [] };
  for (const line of bytes.subarray(0, split).toString('utf8').split('\n')) {
    const at = line.indexOf(': ');
    const [key, value] = [line.slice(0, at), line.slice(at + 2)];
    if (key === 'identity' || key === 'passphrase') fields[key].push(value);
    else fields[key] = value;
  }
  let file = bytes.subarray(split + 2);
  if (fields.compressed === 'zlib') file = inflateSync(file);
  return { name, fields, file };
}

/** The worker's codes that mean each expected failure (as in crates/crypto/tests/cctv.rs). */
const allowed = {
  'no match': ['no_matching_key', 'wrong_passphrase', 'wrong_key_kind'],
  'HMAC failure': ['file_damaged'],
  'payload failure': ['file_damaged'],
  'header failure': ['not_encrypted', 'excessive_work'],
  'armor failure': ['not_encrypted', 'file_damaged'],
};

describe('the age test vectors through the shipped crypto worker', () => {
  const env = serverAndBrowser({ demo: false });

  it('every vector gives its expected result', async () => {
    const vectors = readdirSync(DIR).sort().map(parse);
    assert.equal(vectors.length, 143);
    const stranger = await generateHybridIdentity();
    const context = await env.browser.newContext({ baseURL: env.server.url });
    const byName = new Map(vectors.map((v) => [v.name, v]));
    await context.route('**/__cctv/**', (route) => {
      const v = byName.get(new URL(route.request().url()).pathname.slice('/__cctv/'.length));
      return v ? route.fulfill({ body: v.file, contentType: 'application/octet-stream' }) : route.fulfill({ status: 404 });
    });
    const page = await context.newPage();
    await page.goto('/export-openen');
    // Each vector with its keys: identities as one identity file; passphrases one by one.
    // A vector without keys must fail before any key matters: a key that opens nothing.
    const jobs = vectors.map((v) => ({
      name: v.name,
      keys: v.fields.identity.length
        ? [{ kind: 'identity', identity: v.fields.identity.join('\n') }]
        : v.fields.passphrase.length
          ? v.fields.passphrase.map((passphrase) => ({ kind: 'passphrase', passphrase }))
          : [{ kind: 'identity', identity: stranger }],
    }));
    const results = await page.evaluate(async (jobs) => {
      const worker = new Worker('/zelfregie-worker_loader.js');
      const queue = [];
      let wake = null;
      worker.onmessage = (e) => { queue.push(e.data); if (wake) wake(); };
      worker.onerror = (e) => { queue.push({ report: JSON.stringify({ report: 'failed', code: `worker error ${e.message}` }) }); if (wake) wake(); };
      const next = async () => {
        while (!queue.length) await new Promise((r) => { wake = r; });
        return queue.shift();
      };
      while (JSON.parse((await next()).report).report !== 'ready') { /* starting */ }
      const out = {};
      for (const job of jobs) {
        const file = await (await fetch(`/__cctv/${job.name}`)).arrayBuffer();
        let result = null;
        for (const key of job.keys) {
          const bytes = file.slice(0);
          worker.postMessage({ job: JSON.stringify({ job: 'decrypt', key }), bytes }, [bytes]);
          for (;;) {
            const m = await next();
            const r = JSON.parse(m.report);
            if (r.report === 'done') {
              const digest = await crypto.subtle.digest('SHA-256', m.bytes);
              result = { ok: [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('') };
              break;
            }
            if (r.report === 'failed') {
              result = { code: r.code };
              break;
            }
          }
          if (result.ok) break;
        }
        out[job.name] = result;
      }
      worker.terminate();
      return out;
    }, jobs);

    const failures = [];
    for (const v of vectors) {
      const r = results[v.name];
      const expect = v.fields.expect;
      if (expect === 'success') {
        if (r.ok !== v.fields.payload) failures.push(`${v.name}: ${JSON.stringify(r)}, expected payload ${v.fields.payload}`);
      } else if (r.ok) {
        failures.push(`${v.name}: opened, expected ${expect}`);
      } else if (!allowed[expect].includes(r.code)) {
        failures.push(`${v.name}: ${r.code}, expected ${expect}`);
      }
    }
    assert.deepEqual(failures, [], `${failures.length} of ${vectors.length} vectors failed`);
    // The post-quantum successes were among them.
    assert.ok(vectors.some((v) => v.fields.expect === 'success' && v.fields.identity.some((i) => i.startsWith('AGE-SECRET-KEY-PQ-'))));
    console.log(`# CCTV through the shipped worker: ${vectors.length} vectors, ${vectors.filter((v) => v.fields.expect === 'success').length} successes, ${Object.values(results).filter((r) => r.code).length} refusals, 0 failures`);
    await context.close();
  });
});
