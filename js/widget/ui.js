// The widget's UI chunk (loaded by lock.js on the first show()): screens in a frame, the
// client doing every request, the core judging every field, Lock's events on the way.
import { createFrame } from './container.js';
import { createDictionary } from './dictionary.js';
import { el, idMaker } from './dom.js';
import { wordError } from './error-wording.js';
import { fieldChecker } from './field-check.js';
import { prepareFields } from './field-specs.js';
import { initialScreen, readOptions } from './options.js';
import { loginScreen } from './screens/login.js';
import { signupScreen } from './screens/signup.js';
import { loadStylesheet, themeClass } from './theme.js';

// The SDK comes in through `sdk` ({loadCore, asError: MetalockError.from, resolveLockFunctions,
// readValidatorOutcome}) rather than through imports: the UI chunk then shares no module with
// metalock.js, which esbuild would otherwise move into a chunk of its own that every page fetches.
export async function createWidget({ options, client, sdk, emit }) {
  const { asError } = sdk;
  const settings = readOptions(options);
  const id = idMaker();
  const [core, theme, t] = await Promise.all([sdk.loadCore(), themeClass(settings.primaryColor),
    createDictionary(settings.language, settings.languageDictionary), loadStylesheet()]);
  const checkField = fieldChecker({ core, readValidatorOutcome: sdk.readValidatorOutcome }, t);
  let prepared = null;     // the sign-up fields, resolved once
  let visible = false;
  let current = null;

  const frame = createFrame({ id, t, settings, theme, onClose: () => hide(), onSwitch: (screen) => showScreen(screen) });

  function unrecoverable(error) {
    const failure = asError(error, 'unrecoverable_error');
    frame.setScreen(current, el('p', { class: 'mlk-unrecoverable', role: 'alert' }, t('unrecoverableError')), { switchable: false });
    emit('unrecoverable_error', failure);
  }

  async function authenticate(email, password) {
    emit('signin submit', { email });
    const authResult = await (await client()).login({ username: email, password, realm: settings.connection });
    emit('authenticated', authResult);
    if (settings.autoclose && !frame.inline) hide();
    else showMessage(t('success.logIn'));
    return authResult;
  }

  function showMessage(text) {
    frame.setFlash(null);
    frame.setScreen(current, el('p', { class: 'mlk-success', role: 'status' }, text), { switchable: false });
  }

  // A request behind a form: busy while it runs, its failure worded in the form.
  async function run(form, screen, work, onError) {
    form.setBusy(true);
    try {
      await work();
    } catch (error) {
      const failure = asError(error);
      onError(failure);
      form.setError(wordError(failure, screen, t));
    } finally {
      form.setBusy(false);
    }
  }

  function renderLogin(prefillEmail) {
    const form = loginScreen({
      id, t, settings, prefillEmail,
      onSubmit: ({ email, password }) => run(form, 'login', () => authenticate(email, password),
        (error) => emit('authorization_error', error)),
    });
    frame.setScreen('login', form.node);
    emit('signin ready');
    return form;
  }

  async function renderSignup() {
    frame.setScreen('signUp', el('p', { class: 'mlk-loading', role: 'status' }, t('loadingLabel')));
    try {
      prepared ??= await prepareFields({ core, resolveLockFunctions: sdk.resolveLockFunctions }, settings.additionalSignUpFields);
    } catch (error) {
      unrecoverable(error);
      return null;
    }
    if (current !== 'signUp') return null;   // switched away while the fields resolved
    const form = signupScreen({
      id, t, settings, prepared, checkField,
      onSubmit: ({ email, password, values }) => run(form, 'signUp', async () => {
        emit('signup submit', { email });
        const result = await (await client()).signup({
          connection: settings.connection, email, password, additionalSignUpFields: prepared.specs, values,
        });
        emit('signup success', result);
        if (settings.loginAfterSignUp) {
          try {
            await authenticate(email, password);
          } catch (error) {   // signed up, but the login after it failed: worded as a login
            const failure = asError(error);
            emit('authorization_error', failure);
            form.setError(wordError(failure, 'login', t));
          }
        } else {
          showScreen('login', { type: 'success', text: t('success.signUp') }, email);
        }
      }, (error) => emit('signup error', error)),
    });
    frame.setScreen('signUp', form.node);
    emit('signup ready');
    return form;
  }

  // email: prefills the login screen (after a sign-up without login).
  async function showScreen(screen, flash = null, email = undefined) {
    current = screen;
    frame.setFlash(flash);
    const form = screen === 'signUp' ? await renderSignup() : renderLogin(email);
    if (form && settings.autofocus && visible) form.focusFirst();
  }

  function show(showOptions = {}) {
    const screen = initialScreen(showOptions.initialScreen, settings.screens, settings.initialScreen);
    if (!visible) {
      try {
        frame.mount();
      } catch (error) {
        emit('unrecoverable_error', asError(error, 'invalid_container'));
        return;
      }
      visible = true;
      emit('show');
    }
    showScreen(screen, showOptions.flashMessage ?? null);
  }

  function hide() {
    if (!visible) return;
    visible = false;
    frame.unmount();
    emit('hide');
  }

  return { show, hide, destroy: hide };
}
