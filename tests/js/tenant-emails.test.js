// Emails in the user's language: the verification email (signup, POST
// /api/v2/jobs/verification-email) and the welcome email (first login) as RFC 5322 files in
// <data>/outbox/, with Content-Language and text from user_metadata.lang (en fallback).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { loggedInUser } from './support/session.js';
import { adminToken, call, login, signup, startTenant, tempDir } from './support/tenant.js';

const dataDir = join(tempDir(), 'data');
let tenant;
let admin;
before(async () => {
  tenant = await startTenant({ dataDir });
  admin = await adminToken(tenant);
});
after(() => tenant?.stop());

// The outbox's messages to `email`, oldest first, parsed into {headers, body}.
function mailTo(email) {
  const dir = join(dataDir, 'outbox');
  return readdirSync(dir).filter((name) => name.endsWith('.eml')).sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .map((text) => {
      const [head, ...rest] = text.split('\r\n\r\n');
      const headers = Object.fromEntries(head.split('\r\n').map((line) => {
        const colon = line.indexOf(':');
        return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
      }));
      return { text, headers, body: rest.join('\r\n\r\n') };
    })
    .filter((mail) => mail.headers.to === email);
}

function decodeSubject(value) {
  const encoded = /^=\?UTF-8\?B\?(.*)\?=$/.exec(value);
  return encoded ? Buffer.from(encoded[1], 'base64').toString('utf8') : value;
}

test('signup writes a verification email as an RFC 5322 message in the user language', async () => {
  const created = await signup(tenant, { user_metadata: { lang: 'fr' } });
  assert.equal(created.status, 200);
  const [mail] = mailTo(created.email);
  assert.equal(mail.headers['content-language'], 'fr');
  assert.equal(mail.headers['mime-version'], '1.0');
  assert.equal(mail.headers['content-type'], 'text/plain; charset=utf-8');
  assert.match(mail.headers.date, /^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
  assert.match(mail.headers['message-id'], /^<[^@>]+@[^>]+>$/);
  assert.equal(decodeSubject(mail.headers.subject), 'Vérifiez votre adresse e-mail');
  assert.match(mail.headers.subject, /^=\?UTF-8\?B\?/, 'non-ASCII subject as an encoded-word');
  assert.match(mail.body, /Veuillez vérifier/);
  assert.ok(/^[\x20-\x7e\r\n]*$/.test(mail.text.split('\r\n\r\n')[0]), 'headers are ASCII');
});

test('each language, and the fallback to en', async () => {
  const expected = [
    ['en', 'en', 'Verify your email'], ['es', 'es', 'Verifica tu correo electrónico'],
    ['de', 'de', 'Bestätigen Sie Ihre E-Mail-Adresse'], ['de-AT', 'de', 'Bestätigen Sie Ihre E-Mail-Adresse'],
    ['it', 'en', 'Verify your email'], [undefined, 'en', 'Verify your email'],
  ];
  for (const [lang, language, subject] of expected) {
    const created = await signup(tenant, lang === undefined ? {} : { user_metadata: { lang } });
    const [mail] = mailTo(created.email);
    assert.equal(mail.headers['content-language'], language, String(lang));
    assert.equal(decodeSubject(mail.headers.subject), subject, String(lang));
  }
});

test('the first login writes a welcome email, later logins do not', async () => {
  const created = await signup(tenant, { user_metadata: { lang: 'es' } });
  await login(tenant, { username: created.email });
  await login(tenant, { username: created.email });
  const mails = mailTo(created.email);
  assert.deepEqual(mails.map((mail) => mail.headers['x-metalock-email']), ['verification', 'welcome']);
  assert.equal(decodeSubject(mails[1].headers.subject), '¡Bienvenido!');
  assert.equal(mails[1].headers['content-language'], 'es');
});

test('changing lang through the SDK changes the next verification email (jobs endpoint)', async () => {
  const { client, email, userId } = await loggedInUser(tenant, { userMetadata: { lang: 'en' } });
  await client.updateUserMetadata({ lang: 'de' });
  const job = await call(tenant.url, '/api/v2/jobs/verification-email', { method: 'POST', token: admin, json: { user_id: userId } });
  assert.equal(job.status, 201);
  assert.equal(job.body.type, 'verification_email');
  const mails = mailTo(email);
  assert.deepEqual(mails.map((mail) => mail.headers['content-language']), ['en', 'en', 'de']);
  assert.equal(decodeSubject(mails[2].headers.subject), 'Bestätigen Sie Ihre E-Mail-Adresse');
});

test('the jobs endpoint: update:users, a known user', async () => {
  const readOnly = await adminToken(tenant, 'read:users');
  const refused = await call(tenant.url, '/api/v2/jobs/verification-email', { method: 'POST', token: readOnly, json: { user_id: 'auth0|x' } });
  assert.equal(refused.status, 403);
  const missing = await call(tenant.url, '/api/v2/jobs/verification-email', { method: 'POST', token: admin, json: { user_id: 'auth0|000000000000000000000000' } });
  assert.equal(missing.status, 404);
  const noId = await call(tenant.url, '/api/v2/jobs/verification-email', { method: 'POST', token: admin, json: {} });
  assert.equal(noId.status, 400);
});
