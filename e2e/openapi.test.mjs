// Issue 24: the API document as other tools read it. The real server's /api/openapi.json
// must pass Redocly CLI's lint (recommended ruleset, redocly.yaml) and swagger-parser's
// validation without errors: a generated client or a test generator (schemathesis) starts
// from it. What the statuses and schemas say is checked against the server itself by the
// Rust test `openapi::every_status_is_documented_and_schema_valid_requests_are_accepted`.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import SwaggerParser from '@apidevtools/swagger-parser';
import { startServer } from './harness.mjs';

const work = mkdtempSync(join(tmpdir(), 'zelfregie-openapi-'));
after(() => rmSync(work, { recursive: true, force: true }));

describe('the OpenAPI document', () => {
  let server;
  let doc;
  let file;
  before(async () => {
    server = await startServer();
    const r = await fetch(`${server.url}/api/openapi.json`);
    assert.equal(r.status, 200);
    doc = await r.json();
    file = join(work, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc, null, 1));
  });
  after(() => server?.stop());

  it('passes Redocly lint with the recommended rules', async () => {
    // No telemetry and no update check: the tests run without internet.
    const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
    let stdout;
    try {
      ({ stdout } = await promisify(execFile)('node_modules/.bin/redocly',
        ['lint', file, '--config', 'redocly.yaml', '--format', 'json'], { env, maxBuffer: 64 << 20 }));
    } catch (e) {
      // Exit status 1 when there are errors; the report is on stdout all the same.
      stdout = e.stdout;
      if (!stdout) throw e;
    }
    const report = JSON.parse(stdout);
    const errors = report.problems.filter((p) => p.severity === 'error')
      .map((p) => `${p.ruleId}: ${p.message} at ${p.location?.[0]?.pointer}`);
    assert.deepEqual(errors, [], `${errors.length} errors`);
    assert.equal(report.totals.errors, 0);
  });

  it('passes swagger-parser validation', async () => {
    // validate() dereferences in place: give it a copy.
    await SwaggerParser.validate(structuredClone(doc));
  });

  it('marks public operations with security: [] and the rest with the session cookie', () => {
    const publicOps = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        assert.ok(Array.isArray(op.security), `${method} ${path} has no security`);
        if (op.security.length === 0) publicOps.push(`${method.toUpperCase()} ${path}`);
        else assert.ok(op.security.every((r) => Object.keys(r).every((k) => k === 'session')), `${method} ${path}`);
      }
    }
    for (const op of ['GET /api/health', 'POST /api/session', 'GET /api/partners', 'POST /api/account']) {
      assert.ok(publicOps.includes(op), `${op} is public`);
    }
    assert.ok(!publicOps.includes('GET /api/me/profile'));
  });
});
