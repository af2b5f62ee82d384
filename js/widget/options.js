// Lock's constructor options -> the widget's settings, with Lock's defaults. Options Lock
// ignores with a warning are ignored here too; the sign-up field specs are the core's to
// judge (field-specs.js).
const DEFAULT_CONNECTION = 'Username-Password-Authentication';

const bool = (value, fallback) => (typeof value === 'boolean' ? value : fallback);
const text = (value) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

function screens(options) {
  const list = [];
  if (bool(options.allowLogin, true)) list.push('login');
  if (bool(options.allowSignUp, true)) list.push('signUp');
  return list.length ? list : ['login'];
}

// available: screens() of the options, so only a screen the widget has can match.
export function initialScreen(requested, available, fallback) {
  return available.includes(requested) ? requested : fallback ?? available[0];
}

// The database connection: defaultDatabaseConnection, else the first of allowedConnections,
// else the tenant's default one.
function connection(options) {
  const allowed = Array.isArray(options.allowedConnections) ? options.allowedConnections.filter(text) : [];
  const preferred = text(options.defaultDatabaseConnection);
  if (preferred && (allowed.length === 0 || allowed.includes(preferred))) return preferred;
  return allowed[0] ?? DEFAULT_CONNECTION;
}

export function readOptions(options) {
  const available = screens(options);
  const theme = options.theme ?? {};
  const prefill = options.prefill ?? {};
  return {
    container: text(options.container),
    screens: available,
    initialScreen: initialScreen(options.initialScreen, available),
    closable: bool(options.closable, true),
    autoclose: bool(options.autoclose, false),
    autofocus: bool(options.autofocus, true),
    allowShowPassword: bool(options.allowShowPassword, false),
    mustAcceptTerms: bool(options.mustAcceptTerms, false),
    showTerms: bool(options.showTerms, true),
    loginAfterSignUp: options.loginAfterSignUp !== false,
    additionalSignUpFields: Array.isArray(options.additionalSignUpFields) ? options.additionalSignUpFields : [],
    connection: connection(options),
    language: text(options.language) ?? 'en',
    languageDictionary: options.languageDictionary ?? {},
    logo: text(theme.logo),
    primaryColor: text(theme.primaryColor),
    prefillEmail: text(prefill.email),
  };
}
