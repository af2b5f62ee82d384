// Emails the tenant "sends": RFC 5322 messages written to <data>/outbox/, one file each, so
// tests and developers can read what a user would receive. Written durably (a crash leaves
// the old state or the whole message, never half of one).
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { writeFileDurably } from '../durable-file.js';
import { renderEmail } from './templates.js';

const FROM = 'metalock tenant <no-reply@metalock.invalid>';

// RFC 2047 encoded-word for a header holding non-ASCII text (UTF-8, base64).
function headerText(text) {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

// A header value may not carry a line break (header injection) whatever a user typed.
function oneLine(text) {
  return String(text).replace(/[\r\n]+/g, ' ');
}

export function formatMessage({ to, subject, body, language, kind, date = new Date(), id = randomUUID() }) {
  const headers = [
    `From: ${FROM}`,
    `To: ${oneLine(to)}`,
    `Subject: ${headerText(oneLine(subject))}`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${id}@metalock.invalid>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    `Content-Language: ${language}`,
    `X-Metalock-Email: ${kind}`,
  ];
  return `${headers.join('\r\n')}\r\n\r\n${body.replace(/\r?\n/g, '\r\n')}`;
}

// logError(line): where a message that could not be written is reported. Sending is
// best-effort, as Auth0's emails are: the change that caused an email (a signup, a login) is
// already stored, so a full disk fails the email, never that request.
export function createOutbox(dataDir, { logError = () => {} } = {}) {
  const dir = join(dataDir, 'outbox');
  return {
    dir,
    // kind: 'verification' | 'welcome'. -> the file written, or null when it could not be.
    send(kind, user, values = {}) {
      const { language, subject, body } = renderEmail(kind, user, { name: user.name ?? user.email, ...values });
      const id = randomUUID();
      const file = join(dir, `${Date.now()}-${kind}-${id}.eml`);
      try {
        mkdirSync(dir, { recursive: true });
        writeFileDurably(file, formatMessage({ to: user.email, subject, body, language, kind, id }), 0o600);
        return file;
      } catch (error) {
        logError(`metalock-tenant: outbox: the ${kind} email was not written (${error.code ?? error.message})`);
        return null;
      }
    },
    // The messages written so far, oldest first, as text.
    list() {
      let names;
      try {
        names = readdirSync(dir).filter((name) => name.endsWith('.eml')).sort();
      } catch {
        return [];
      }
      return names.map((name) => readFileSync(join(dir, name), 'utf8'));
    },
  };
}
