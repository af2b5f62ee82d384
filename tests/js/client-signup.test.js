// client.signup against the real tenant: additionalSignUpFields -> user_metadata, the
// checks that stop a sign-up before any request, and the server's refusals.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MetalockError } from '../../dist/metalock.node.js';
import { clientFor } from './support/session.js';
import { CONNECTION, PASSWORD, recordingFetch, startTenant, uniqueEmail, USER_SCOPES } from './support/tenant.js';

let tenant;
before(async () => {
  tenant = await startTenant();
});
after(() => tenant?.stop());

const fields = [
  { name: 'favorite_color', placeholder: 'Favorite color' },
  { name: 'plan', type: 'select', placeholder: 'Plan', options: [{ label: 'Free', value: 'free' }, { label: 'Pro', value: 'pro' }] },
  { name: 'newsletter', type: 'checkbox', placeholder: 'Newsletter', prefill: 'false' },
  { name: 'source', type: 'hidden', value: 'web' },
  { name: 'given_name', placeholder: 'First name', storage: 'root' },
];

function isError(code) {
  return (error) => {
    assert.ok(error instanceof MetalockError, `expected a MetalockError, got ${error?.stack ?? error}`);
    assert.equal(error.code, code, `${error.code}: ${error.description}`);
    return true;
  };
}

test('sign-up maps additionalSignUpFields into user_metadata and root attributes', async () => {
  const client = await clientFor(tenant);
  const email = uniqueEmail('signup');
  const result = await client.signup({
    connection: CONNECTION,
    email,
    password: PASSWORD,
    additionalSignUpFields: fields,
    values: { favorite_color: '<b>blue</b>', plan: 'pro', newsletter: true, given_name: 'Ada' },
  });
  assert.equal(result.email, email);
  assert.equal(typeof result._id, 'string');
  assert.deepEqual(result.user_metadata, { favorite_color: 'blue', plan: 'pro', newsletter: 'true', source: 'web' });

  // What the tenant kept, read back through the Management API as the user.
  const auth = await client.login({ username: email, password: PASSWORD, realm: CONNECTION, audience: tenant.managementAudience, scope: USER_SCOPES });
  const user = await client.getUser();
  assert.deepEqual(user.user_metadata, { favorite_color: 'blue', plan: 'pro', newsletter: 'true', source: 'web' });
  assert.equal(user.given_name, 'Ada');
  assert.equal(user.email, email);
  assert.equal(user.user_id, auth.idTokenPayload.sub);
});

test('prefill functions (Lock callback form) and validators that pass are honoured', async () => {
  const client = await clientFor(tenant);
  const result = await client.signup({
    connection: CONNECTION,
    email: uniqueEmail('prefill'),
    password: PASSWORD,
    additionalSignUpFields: [
      { name: 'city', placeholder: 'City', prefill: (callback) => callback(null, 'Lisbon') },
      { name: 'code', placeholder: 'Code', validator: (value) => ({ valid: value.length === 4, hint: 'four characters' }) },
    ],
    values: { code: 'ABCD' },
  });
  assert.deepEqual(result.user_metadata, { city: 'Lisbon', code: 'ABCD' });
});

test('a field whose validator fails stops the sign-up before any request', async () => {
  const recorder = recordingFetch();
  const client = await clientFor(tenant, { fetch: recorder.fetch });
  await assert.rejects(
    client.signup({
      connection: CONNECTION,
      email: uniqueEmail('invalid'),
      password: PASSWORD,
      additionalSignUpFields: [{ name: 'code', placeholder: 'Code', validator: (value) => value.length === 4 }],
      values: { code: 'ABC' },
    }),
    (error) => {
      assert.ok(error instanceof MetalockError);
      assert.equal(error.code, 'invalid_value');
      assert.equal(error.field, 'code');
      return true;
    },
  );
  assert.equal(recorder.requests.length, 0);
});

test('the core refuses missing, unknown-option and oversized values before any request', async () => {
  const recorder = recordingFetch();
  const client = await clientFor(tenant, { fetch: recorder.fetch });
  const attempt = (additionalSignUpFields, values) =>
    client.signup({ connection: CONNECTION, email: uniqueEmail('refused'), password: PASSWORD, additionalSignUpFields, values });

  await assert.rejects(attempt([{ name: 'city', placeholder: 'City' }], {}), isError('field_required'));
  await assert.rejects(attempt([fields[1]], { plan: 'enterprise' }), isError('invalid_option'));
  await assert.rejects(attempt([{ name: 'bio', placeholder: 'Bio' }], { bio: 'x'.repeat(501) }), isError('value_too_long'));
  await assert.rejects(attempt([{ name: 'bad name', placeholder: 'x' }], { 'bad name': 'x' }), isError('invalid_field_spec'));
  const eleven = Array.from({ length: 11 }, (_, i) => ({ name: `f${i}`, placeholder: `f${i}` }));
  await assert.rejects(attempt(eleven, Object.fromEntries(eleven.map((f) => [f.name, 'x']))), isError('too_many_fields'));
  assert.equal(recorder.requests.length, 0);
});

test('a second sign-up with the same email is user_exists from the server', async () => {
  const client = await clientFor(tenant);
  const email = uniqueEmail('twice');
  await client.signup({ connection: CONNECTION, email, password: PASSWORD });
  await assert.rejects(client.signup({ connection: CONNECTION, email, password: PASSWORD }), (error) => {
    isError('user_exists')(error);
    assert.equal(error.statusCode, 400);
    assert.ok(error.description.length > 0);
    assert.ok(error.original && typeof error.original === 'object');
    return true;
  });
});

test('a password the connection policy refuses is invalid_password', async () => {
  const client = await clientFor(tenant);
  await assert.rejects(client.signup({ connection: CONNECTION, email: uniqueEmail('weak'), password: 'abc' }), (error) => {
    isError('invalid_password')(error);
    assert.equal(error.statusCode, 400);
    assert.equal(typeof error.description, 'string');
    return true;
  });
});

test('a sign-up is never retried: a 5xx reaches the caller after one request', async () => {
  const faulty = await startTenant({ config: { faults: { error5xx: 1 } } });
  try {
    const recorder = recordingFetch();
    const client = await clientFor(faulty, { fetch: recorder.fetch, retry: { backoffMs: 1 } });
    await assert.rejects(
      client.signup({ connection: CONNECTION, email: uniqueEmail('5xx'), password: PASSWORD }),
      (error) => error instanceof MetalockError && error.statusCode === 503,
    );
    assert.equal(recorder.count('POST', '/dbconnections/signup'), 1);
  } finally {
    await faulty.stop();
  }
});

test('bad calls are invalid_argument', async () => {
  const client = await clientFor(tenant);
  await assert.rejects(client.signup(), isError('invalid_argument'));
  await assert.rejects(client.signup({ connection: CONNECTION, password: PASSWORD }), isError('invalid_argument'));
  await assert.rejects(client.signup({ connection: CONNECTION, email: uniqueEmail(), password: 42 }), isError('invalid_argument'));
});
