// POST /dbconnections/signup: Auth0's success body, duplicates, password policies with the
// PasswordStrengthError shape, the user_metadata limits (decided by the core), bad bodies.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { adminToken, call, CONNECTION, login, signup, CLIENT_ID, startTenant, uniqueEmail, userPath } from './support/tenant.js';

let tenant;
before(async () => {
  tenant = await startTenant({
    config: {
      connections: [
        { name: CONNECTION, passwordPolicy: 'fair' },
        { name: 'none-db', passwordPolicy: 'none' },
        { name: 'low-db', passwordPolicy: 'low' },
        { name: 'good-db', passwordPolicy: 'good' },
        { name: 'excellent-db', passwordPolicy: 'excellent' },
        { name: 'usernames-db', passwordPolicy: 'low', requiresUsername: true },
      ],
    },
  });
});
after(() => tenant.stop());

const post = (body) => call(tenant.url, '/dbconnections/signup', { method: 'POST', json: body });
const base = (extra = {}) => ({ client_id: CLIENT_ID, connection: CONNECTION, email: uniqueEmail('signup'), password: 'Str0ng-Passw0rd', ...extra });

test('success: Auth0 body {_id, email_verified, email, ...}, stored with user_metadata and root attributes', async () => {
  const body = base({ username: 'ada', given_name: 'Ada', family_name: 'Lovelace', user_metadata: { plan: 'pro', color: 'teal' } });
  const response = await post(body);
  assert.equal(response.status, 200);
  assert.match(response.body._id, /^[0-9a-f]{24}$/);
  assert.deepEqual(response.body, {
    _id: response.body._id,
    email_verified: false,
    email: body.email,
    username: 'ada',
    given_name: 'Ada',
    family_name: 'Lovelace',
    user_metadata: { plan: 'pro', color: 'teal' },
  });

  const admin = await adminToken(tenant);
  const stored = await call(tenant.url, userPath(`auth0|${response.body._id}`), { token: admin });
  assert.equal(stored.status, 200);
  const user = stored.body;
  assert.equal(user.user_id, `auth0|${response.body._id}`);
  assert.equal(user.email, body.email);
  assert.equal(user.email_verified, false);
  assert.equal(user.username, 'ada');
  assert.equal(user.given_name, 'Ada');
  assert.deepEqual(user.user_metadata, { plan: 'pro', color: 'teal' });
  assert.deepEqual(user.app_metadata, {});
  assert.deepEqual(user.identities, [{ connection: CONNECTION, provider: 'auth0', user_id: response.body._id, isSocial: false }]);
  assert.equal(user.logins_count, 0);
  assert.ok(Date.parse(user.created_at) > 0 && user.created_at === user.updated_at);
  assert.equal(user.password_hash, undefined, 'the hash never leaves the tenant');
  assert.equal(JSON.stringify(user).includes('Str0ng-Passw0rd'), false);

  const tokens = await login(tenant, { username: 'ada', scope: 'openid' });
  assert.equal(tokens.status, 200, 'login by username works too');
});

test('duplicate email (any case): 400 user_exists', async () => {
  const body = base();
  assert.equal((await post(body)).status, 200);
  const again = await post({ ...body, email: body.email.toUpperCase() });
  assert.equal(again.status, 400);
  assert.deepEqual(again.body, { name: 'BadRequestError', code: 'user_exists', description: 'The user already exists.', statusCode: 400 });
});

test('duplicate username: 400 username_exists', async () => {
  assert.equal((await post(base({ username: 'dupe' }))).status, 200);
  const again = await post(base({ username: 'dupe' }));
  assert.equal(again.status, 400);
  assert.deepEqual(again.body, { name: 'BadRequestError', code: 'username_exists', description: 'The username provided is in use already.', statusCode: 400 });
});

test('the same email may sign up on another connection', async () => {
  const email = uniqueEmail('two-dbs');
  assert.equal((await post(base({ email }))).status, 200);
  assert.equal((await post(base({ email, connection: 'low-db' }))).status, 200);
});

test('fair policy (the default): PasswordStrengthError with the rules and the policy text', async () => {
  const response = await post(base({ password: 'weakpass' }));
  assert.equal(response.status, 400);
  assert.deepEqual(response.body, {
    name: 'PasswordStrengthError',
    message: 'Password is too weak',
    code: 'invalid_password',
    description: {
      rules: [
        { message: 'At least %d characters in length', format: [8], code: 'lengthAtLeast', verified: true },
        {
          message: 'Should contain:',
          code: 'shouldContain',
          items: [
            { message: 'lower case letters (a-z)', code: 'lowerCase', verified: true },
            { message: 'upper case letters (A-Z)', code: 'upperCase', verified: false },
            { message: 'numbers (i.e. 0-9)', code: 'numbers', verified: false },
          ],
          verified: false,
        },
      ],
      verified: false,
    },
    policy: '* At least 8 characters in length\n* Should contain:\n * lower case letters (a-z)\n * upper case letters (A-Z)\n * numbers (i.e. 0-9)',
    statusCode: 400,
  });
});

test('each policy accepts and refuses what Auth0 does', async () => {
  const cases = [
    ['none-db', 'a', true],
    ['low-db', 'abcde', false],
    ['low-db', 'abcdef', true],
    [CONNECTION, 'Abcdefg1', true],
    [CONNECTION, 'Abcdefgh', false],
    ['good-db', 'abcdefg1!', true],
    ['good-db', 'abcdefgh1', false],
    ['good-db', 'ABCDEFG1a', true],
    ['excellent-db', 'Abcdefgh1!', true],
    ['excellent-db', 'Abcdefghi1', true],
    ['excellent-db', 'Aaaabcdef1!', false],
    ['excellent-db', 'Abcdefg1!', false],
  ];
  for (const [connection, password, accepted] of cases) {
    const response = await post(base({ connection, password }));
    assert.equal(response.status, accepted ? 200 : 400, `${connection} ${password}: ${response.text}`);
    if (!accepted) assert.equal(response.body.code, 'invalid_password');
  }
  const excellent = await post(base({ connection: 'excellent-db', password: 'Aaaabcdef1!' }));
  assert.equal(excellent.body.policy,
    '* At least 10 characters in length\n* Contain at least 3 of the following 4 types of characters:\n * lower case letters (a-z)\n * upper case letters (A-Z)\n * numbers (i.e. 0-9)\n * special characters (e.g. !@#$%^&*)\n* No more than 2 identical characters in a row (e.g., "aaa" not allowed)');
  assert.deepEqual(excellent.body.description.rules[2], {
    message: 'No more than %d identical characters in a row (e.g., "%s" not allowed)', code: 'identicalChars', format: [2, 'aaa'], verified: false,
  });
  const none = await post(base({ connection: 'none-db', password: '' }));
  assert.equal(none.status, 400, 'an empty password is missing, whatever the policy');
});

test('user_metadata limits: at most 10 properties, names up to 100, string values up to 500', async () => {
  const tooMany = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`field${i}`, 'v']));
  const ten = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`field${i}`, 'v']));
  // The wording inside the quotes is the core's; the tenant adds Auth0's frame around it.
  const cases = [
    [tooMany, /^Payload validation error: '.*10.*' on property user_metadata\.$/],
    [{ ['n'.repeat(101)]: 'v' }, /^Payload validation error: '.*100.*' on property user_metadata\.n{101}\.$/],
    [{ bio: 'x'.repeat(501) }, /^Payload validation error: '.*500.*' on property user_metadata\.bio\.$/],
    [{ age: 42 }, /^Payload validation error: '.*string.*' on property user_metadata\.age\.$/],
  ];
  for (const [metadata, description] of cases) {
    const response = await post(base({ user_metadata: metadata }));
    assert.equal(response.status, 400);
    assert.equal(response.body.name, 'BadRequestError');
    assert.equal(response.body.code, 'invalid_body');
    assert.equal(response.body.statusCode, 400);
    assert.match(response.body.description, description);
  }
  for (const metadata of [ten, { ['n'.repeat(100)]: 'x'.repeat(500) }, {}]) {
    assert.equal((await post(base({ user_metadata: metadata }))).status, 200);
  }
});

test('user_metadata names are free but for \'.\' and \'$\' (no Lock field-name rule on a received body)', async () => {
  const metadata = { 'my-field': 'a', 'with space': 'b', 'ünï': 'c' };
  const accepted = await post(base({ user_metadata: metadata }));
  assert.equal(accepted.status, 200, accepted.text);
  assert.deepEqual(accepted.body.user_metadata, metadata);
  const admin = await adminToken(tenant);
  const stored = await call(tenant.url, userPath(`auth0|${accepted.body._id}`), { token: admin });
  assert.deepEqual(stored.body.user_metadata, metadata);

  for (const name of ['a.b', 'price$']) {
    const refused = await post(base({ user_metadata: { ok: 'x', [name]: 'v' } }));
    assert.equal(refused.status, 400, name);
    assert.deepEqual(Object.keys(refused.body).sort(), ['code', 'description', 'name', 'statusCode']);
    assert.equal(refused.body.name, 'BadRequestError');
    assert.equal(refused.body.code, 'invalid_body');
    assert.equal(refused.body.statusCode, 400);
    // The property path is named once (not user_metadata.user_metadata....).
    assert.ok(refused.body.description.startsWith("Payload validation error: '"), refused.body.description);
    assert.ok(refused.body.description.endsWith(`' on property user_metadata.${name}.`), refused.body.description);
  }
});

test('root attributes keep their lengths (given_name at most 150)', async () => {
  const long = await post(base({ given_name: 'x'.repeat(151) }));
  assert.equal(long.status, 400);
  assert.match(long.body.description, /^Payload validation error: '.*150.*' on property given_name\.$/);
});

test('bad bodies: missing or mistyped properties, bad email, unknown client or connection', async () => {
  const cases = [
    [{ ...base(), email: undefined }, 400, 'invalid_body', 'Missing required property: email'],
    [{ ...base(), password: undefined }, 400, 'invalid_body', 'Missing required property: password'],
    [{ ...base(), client_id: undefined }, 400, 'invalid_body', 'Missing required property: client_id'],
    [{ ...base(), connection: undefined }, 400, 'invalid_body', 'Missing required property: connection'],
    [base({ email: 'not-an-email' }), 400, 'invalid_body', "Object didn't pass validation for format email: not-an-email"],
    [base({ user_metadata: ['a'] }), 400, 'invalid_body', 'Expected type object but found another type on property user_metadata'],
    [base({ given_name: 5 }), 400, 'invalid_body', 'Expected type string but found type number on property given_name'],
    [base({ email: 5 }), 400, 'invalid_body', 'Expected type string but found type number on property email'],
    [base({ password: null }), 400, 'invalid_body', 'Missing required property: password'],
    [base({ username: ['u'] }), 400, 'invalid_body', 'Expected type string but found type array on property username'],
    [[base()], 400, 'invalid_body', 'Expected type object but found another type'],
    [base({ client_id: 'nope' }), 400, 'invalid_client', 'Unknown client: nope'],
    [base({ connection: 'nope' }), 400, 'connection_not_found', 'Connection not found: nope'],
    [base({ connection: 'usernames-db', password: 'abcdef' }), 400, 'invalid_body', 'Missing required property: username'],
  ];
  for (const [body, status, code, description] of cases) {
    const response = await post(body);
    assert.equal(response.status, status, JSON.stringify(body));
    assert.deepEqual(response.body, { name: 'BadRequestError', code, description, statusCode: status });
  }
  const badJson = await call(tenant.url, '/dbconnections/signup', { method: 'POST', json: '{"email":' });
  assert.equal(badJson.status, 400);
  assert.equal(badJson.body.code, 'invalid_body');
  assert.equal((await post(base({ connection: 'usernames-db', password: 'abcdef', username: 'someone' }))).status, 200);
});

test('concurrent signups with one email: exactly one succeeds', async () => {
  const body = base();
  const results = await Promise.all(Array.from({ length: 8 }, () => post(body)));
  assert.equal(results.filter((r) => r.status === 200).length, 1);
  assert.ok(results.filter((r) => r.status !== 200).every((r) => r.body.code === 'user_exists'));
});
