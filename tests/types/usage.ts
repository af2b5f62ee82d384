// Uses the whole public API through the package name, as a consumer would: resolved via
// package.json "exports" -> dist/metalock.d.ts. Compiled with `tsc --noEmit` by
// tests/js/types.test.js; the @ts-expect-error lines prove that misuse is refused.
import {
  applyMetadataPatch, buildMetadataPatch, createClient, Lock, mapSignupFields, MetalockError,
  type AuthResult, type Client, type ClientOptions, type MetadataPatch, type SignupField,
  type TokenStore, type UserProfile,
} from 'metalock';
import { Lock as WidgetLock, type LockOptions } from 'metalock/widget';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
function expectType<T>(_value: T): void {}
function assertTrue<T extends true>(): void {}

const store: TokenStore = {
  get: (key) => localStorage.getItem(key),
  set: (key, value) => localStorage.setItem(key, value),
  remove: (key) => localStorage.removeItem(key),
};
const asyncStore: TokenStore = {
  get: async (key) => key,
  set: async () => {},
  remove: async () => {},
};

const fields: SignupField[] = [
  { name: 'favorite_color', placeholder: 'Favorite color', validator: (value) => ({ valid: value.length > 0, hint: 'required' }) },
  { name: 'plan', type: 'select', placeholder: 'Plan', options: [{ label: 'Free', value: 'free' }] },
  { name: 'newsletter', type: 'checkbox', placeholder: 'Newsletter', prefill: 'false' },
  { name: 'source', type: 'hidden', value: 'web' },
  { name: 'given_name', placeholder: 'First name', storage: 'root', prefill: (callback) => callback(null, 'Ada') },
];

async function main(): Promise<void> {
  const options: ClientOptions = {
    domain: 'http://127.0.0.1:3000',
    clientId: 'metalock-demo',
    audience: 'http://127.0.0.1:3000/api/v2/',
    scope: 'openid profile email read:current_user update:current_user_metadata',
    cacheLocation: 'localstorage',
    leeway: 30,
    userMetadataClaim: 'https://metalock.dev/user_metadata',
    appMetadataClaim: 'https://metalock.dev/app_metadata',
    timeoutMs: 5000,
    fetch,
    retry: { maxRetries: 2, maxWaitMs: 5000, backoffMs: 100 },
  };
  const client: Client = await createClient(options);
  await createClient({ domain: 'tenant.auth0.com', clientId: 'x', cacheLocation: store });
  await createClient({ domain: 'tenant.auth0.com', clientId: 'x', cacheLocation: asyncStore });
  await createClient({ domain: 'tenant.auth0.com', clientId: 'x', cacheLocation: 'sessionstorage' });
  await createClient({ domain: 'tenant.auth0.com', clientId: 'x', now: () => Date.now() + 1000 });

  const created = await client.signup({
    connection: 'Username-Password-Authentication',
    email: 'ada@example.com',
    password: 'Correct-Horse-7',
    additionalSignUpFields: fields,
    values: { favorite_color: 'blue', plan: 'free', newsletter: true },
    user_metadata: { referrer: 'newsletter' },
  });
  expectType<string | undefined>(created._id);

  const auth: AuthResult = await client.login({ username: 'ada@example.com', password: 'Correct-Horse-7', realm: 'Username-Password-Authentication' });
  expectType<string>(auth.accessToken);
  expectType<number>(auth.expiresIn);
  expectType<string | undefined>(auth.refreshToken);
  expectType<string | undefined>(auth.idTokenPayload?.sub);

  const profile: UserProfile = await client.getUserInfo();
  await client.getUserInfo(auth.accessToken);
  const nothing = client.getUserInfo(auth.accessToken, (error, p) => {
    if (error) expectType<string>(error.code);
    else expectType<UserProfile | undefined>(p);
  });
  assertTrue<Equal<typeof nothing, void>>();
  client.getUserInfo((error) => void error);
  expectType<Record<string, unknown>>(profile.user_metadata);

  const user = await client.getUser();
  await client.getUser('auth0|123');
  const updated = await client.updateUserMetadata({ theme: 'dark', old: null, nested: { a: [1, 2] } });
  await client.updateUserMetadata('auth0|123', { theme: 'light' });
  expectType<UserProfile>(updated);
  expectType<unknown>(user.identities);
  await client.logout();

  const patch: MetadataPatch | null = await buildMetadataPatch({ a: 1 }, { a: 2 });
  if (patch) {
    const merged = await applyMetadataPatch({ user_id: 'x', user_metadata: { a: 1 } }, patch);
    expectType<string>(merged.user_id);
  }
  const body = await mapSignupFields(fields, { favorite_color: 'blue' },
    { client_id: 'x', connection: 'Username-Password-Authentication', email: 'a@example.com', password: 'p' });
  expectType<string>(body.client_id);

  try {
    await client.login({ username: 'a', password: 'b', realm: 'c' });
  } catch (error) {
    if (error instanceof MetalockError) {
      expectType<string>(error.code);
      expectType<string>(error.description);
      expectType<number | undefined>(error.statusCode);
      expectType<unknown>(error.original);
    }
    const wrapped: MetalockError = MetalockError.from(error);
    void wrapped;
  }
  const own = new MetalockError({ code: 'login_required', description: 'log in first' });
  expectType<Error>(own);

  const lockOptions: LockOptions = {
    container: 'root',
    additionalSignUpFields: [
      ...fields,
      { name: 'terms_link', type: 'checkbox', placeholderHTML: 'I accept the <a href="https://example.com/terms">terms</a>' },
      { name: 'country', type: 'select', placeholder: 'Country', options: (callback) => callback(null, [{ label: 'Spain', value: 'es' }]) },
    ],
    auth: { audience: 'http://127.0.0.1:3000/api/v2/', params: { scope: 'openid profile email' } },
    language: 'es',
    languageDictionary: { title: 'Acme', signUpTerms: 'I agree to the <a href="https://example.com">terms</a>.' },
    theme: { logo: 'https://example.com/logo.png', primaryColor: '#ea5323' },
    prefill: { email: 'ada@example.com' },
    initialScreen: 'signUp',
    loginAfterSignUp: false,
    mustAcceptTerms: true,
  };
  const lock = new Lock('metalock-demo', 'http://127.0.0.1:3000', lockOptions);
  lock
    .on('authenticated', (result) => {
      expectType<AuthResult>(result);
      lock.getUserInfo(result.accessToken, (error, p) => void [error, p]);
      lock.getProfile(result.accessToken, (error, p) => void [error, p]);
    })
    .on('authorization_error', (error) => expectType<MetalockError>(error))
    .on('signup success', (result) => expectType<string | undefined>(result._id));
  lock.show({ initialScreen: 'login', flashMessage: { type: 'success', text: 'Welcome back' } });
  lock.hide();
  lock.logout();
  lock.destroy();
  assertTrue<Equal<typeof WidgetLock, typeof Lock>>();


  // Misuse the declarations must refuse:
  // @ts-expect-error domain is required
  await createClient({ clientId: 'x' });
  // @ts-expect-error not a cache location
  await createClient({ domain: 'd', clientId: 'x', cacheLocation: 'cookies' });
  // @ts-expect-error a store needs remove
  await createClient({ domain: 'd', clientId: 'x', cacheLocation: { get: () => null, set: () => {} } });
  // @ts-expect-error realm is required for the password-realm grant
  await client.login({ username: 'a', password: 'b' });
  // @ts-expect-error changes must be an object
  await client.updateUserMetadata(42);
  // @ts-expect-error a select needs options
  const badField: SignupField = { name: 'plan', type: 'select', placeholder: 'Plan' };
  // @ts-expect-error a hidden field needs its value
  const badHidden: SignupField = { name: 'source', type: 'hidden' };
  // @ts-expect-error a field needs a placeholder or placeholderHTML
  const noPlaceholder: SignupField = { name: 'company' };
  // @ts-expect-error initialScreen is login or signUp
  new Lock('c', 'd', { initialScreen: 'forgotPassword' });
  // @ts-expect-error not a Lock event
  lock.on('signed_in', () => {});
  void [badField, badHidden, noPlaceholder];
}

void main;
