// A MetalockError from a login or sign-up -> plain words from the dictionary, plus, for a
// password the connection's policy refused, the policy's rules (from the server's
// PasswordStrengthError body, worded with passwordStrength.*). The server's own text never
// reaches the page: only its codes choose a dictionary entry.
const LOGIN_CODES = {
  invalid_grant: 'lock.invalid_email_password',
  invalid_user_password: 'invalid_user_password',
  wrong_credentials: 'lock.invalid_email_password',
  blocked_user: 'blocked_user',
  too_many_attempts: 'too_many_attempts',
  access_denied: 'lock.unauthorized',
};

const SIGNUP_CODES = {
  user_exists: 'user_exists',
  username_exists: 'username_exists',
  invalid_signup: 'invalid_signup',
  invalid_body: 'invalid_signup',
  password_dictionary_error: 'password_dictionary_error',
  password_no_user_info_error: 'password_no_user_info_error',
};

const COMMON_CODES = {
  too_many_requests: 'too_many_requests',
  network_error: 'lock.network',
  timeout: 'lock.timeout',
};

// Auth0 answers a blocked user's password grant with 401 unauthorized 'user is blocked'.
function isBlocked(error) {
  return error.code === 'unauthorized' && /blocked/i.test(error.description ?? '');
}

function isPasswordStrength(error) {
  return error.code === 'invalid_password' || error.original?.name === 'PasswordStrengthError';
}

// [{text, items: [text]}] for each rule of the policy the password did not meet (all of them
// when the server did not say which).
function policyRules(error, t) {
  const rules = error.original?.description?.rules;
  if (!Array.isArray(rules)) return [];
  const word = (rule) => {
    const format = Array.isArray(rule.format) ? rule.format : [];
    return t.has(`passwordStrength.${rule.code}`) ? t(`passwordStrength.${rule.code}`, ...format) : '';
  };
  return rules
    .filter((rule) => rule && typeof rule === 'object' && rule.verified !== true)
    .map((rule) => ({
      text: word(rule),
      // "Should contain" needs every item: only the missing ones. "At least n of": all choices.
      items: (Array.isArray(rule.items) ? rule.items : [])
        .filter((item) => rule.code !== 'shouldContain' || item?.verified !== true).map(word).filter(Boolean),
    }))
    .filter((rule) => rule.text);
}

// area: 'login' | 'signUp' (the screen) -> {message, rules}
export function wordError(error, area, t) {
  const prefix = `error.${area}.`;
  const code = error?.code ?? '';
  let key = COMMON_CODES[code];
  if (!key && area === 'login') key = isBlocked(error) ? 'blocked_user' : LOGIN_CODES[code];
  if (!key && area === 'signUp' && isPasswordStrength(error)) {
    key = error.original?.name === 'PasswordStrengthError' ? 'password_strength_error' : 'invalid_password';
    return { message: t(prefix + key), rules: policyRules(error, t) };
  }
  if (!key && area === 'signUp') key = SIGNUP_CODES[code];
  if (!key && error?.statusCode === 429) key = 'too_many_requests';
  const message = (key && t(prefix + key)) || t(`${prefix}lock.fallback`);
  return { message, rules: [] };
}
