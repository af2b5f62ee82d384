// The demo app: metalock's Lock-compatible widget (a modal and an inline one) for sign-up and
// login, then the profile with user_metadata and an editor for it. It imports the built package
// (dist/, served under /metalock/) as a site without a bundler would.
import { createClient, Lock } from '/metalock/metalock.js';
import { byId, h, replaceChildren } from './dom.js';
import { MetadataEditor } from './metadata-editor.js';
import { renderProfile } from './profile-view.js';
import { fieldNotes, signUpFields } from './signup-fields.js';

// The claims the tenant's metalock-demo client adds, as an Auth0 Action would (tenant/config.js).
const USER_METADATA_CLAIM = 'https://metalock.dev/user_metadata';
const APP_METADATA_CLAIM = 'https://metalock.dev/app_metadata';
// Enough to read the profile and write one's own user_metadata through the Management API.
const SCOPE = 'openid profile email read:current_user update:current_user_metadata';

function showView(name) {
  byId('signed-out').hidden = name !== 'signed-out';
  byId('signed-in').hidden = name !== 'signed-in';
  byId('session').hidden = name !== 'signed-in';
  byId('loading').hidden = true;
  byId('main').setAttribute('aria-busy', 'false');
}

function showPageError(message) {
  const element = byId('page-error');
  element.textContent = message;
  element.hidden = false;
  byId('loading').hidden = true;
}

function renderFieldTable() {
  replaceChildren(byId('fields-table'), fieldNotes.map(([name, type, storage, note]) =>
    h('tr', {}, h('td', {}, h('code', {}, name)), h('td', {}, type), h('td', {}, storage), h('td', {}, note))));
}

function renderSeededLogin(seededLogin) {
  if (!seededLogin) return;
  byId('seeded-email').textContent = seededLogin.email;
  byId('seeded-password').textContent = seededLogin.password;
  byId('seeded').hidden = false;
}

async function main() {
  const config = await (await fetch('/config.json')).json();
  const audience = `${config.domain}/api/v2/`;
  renderFieldTable();
  renderSeededLogin(config.seededLogin);

  // Tokens stay in this tab (sessionStorage) so that a reload keeps the session; the widget and
  // the client share them through the same cacheLocation. metalock's default is memory.
  const lockOptions = {
    auth: { audience, params: { scope: SCOPE } },
    allowedConnections: [config.connection],
    additionalSignUpFields: signUpFields(),
    userMetadataClaim: USER_METADATA_CLAIM,
    appMetadataClaim: APP_METADATA_CLAIM,
    cacheLocation: 'sessionstorage',
    allowShowPassword: true,
    theme: { logo: '/logo.svg', primaryColor: '#4f46e5' },
    languageDictionary: { title: 'metalock demo' },
  };
  const modal = new Lock(config.clientId, config.domain, { ...lockOptions, autoclose: true });
  const inline = new Lock(config.clientId, config.domain, { ...lockOptions, container: 'inline-widget', closable: false });
  const client = await createClient({
    domain: config.domain, clientId: config.clientId, audience, scope: SCOPE,
    userMetadataClaim: USER_METADATA_CLAIM, appMetadataClaim: APP_METADATA_CLAIM, cacheLocation: 'sessionstorage',
  });

  const editor = new MetadataEditor({
    save: (changes) => client.updateUserMetadata(changes),
    // The profile is read again from /userinfo: the claim shows what the server now has.
    onSaved: () => client.getUserInfo().then(showProfile,
      (error) => showPageError(`Saved, but the profile could not be read again: ${error.description ?? error.message}`)),
  });

  function showProfile(profile) {
    renderProfile(profile, { userMetadataClaim: USER_METADATA_CLAIM });
    editor.load(profile.user_metadata, profile.sub ?? profile.user_id);
    showView('signed-in');
  }

  function showSignedOut() {
    editor.clearAnswer();
    showView('signed-out');
    inline.show({ initialScreen: 'login' });
  }

  for (const lock of [modal, inline]) {
    lock.on('authenticated', (authResult) => {
      lock.getUserInfo(authResult.accessToken, (error, profile) => {
        if (error) showPageError(`Could not read your profile: ${error.description ?? error.message}`);
        else {
          editor.clearAnswer();
          showProfile(profile);
        }
      });
    });
    lock.on('unrecoverable_error', (error) => showPageError(`The widget stopped: ${error?.description ?? error?.message ?? error}`));
  }

  byId('open-login').addEventListener('click', () => modal.show({ initialScreen: 'login' }));
  byId('open-signup').addEventListener('click', () => modal.show({ initialScreen: 'signUp' }));
  byId('logout').addEventListener('click', async () => {
    modal.logout();
    inline.logout();
    await client.logout();
    showSignedOut();
  });

  // A session kept in this tab survives a reload.
  try {
    showProfile(await client.getUserInfo());
  } catch (error) {
    if (error.code !== 'login_required') console.warn(`metalock demo: ${error.code}: ${error.description}`);
    showSignedOut();
  }
}

main().catch((error) => showPageError(`The demo could not start: ${error?.description ?? error?.message ?? error}`));
