// Auth0's database-connection password policies (none, low, fair, good, excellent) and the
// PasswordStrengthError body that /dbconnections/signup returns when a password fails one.
// The rule list, messages and codes follow Auth0's published policies (password-sheriff):
// a client that renders `description.rules` or `policy` from Auth0 renders ours the same.

const CHARSETS = {
  lowerCase: { message: 'lower case letters (a-z)', test: (p) => /[a-z]/.test(p) },
  upperCase: { message: 'upper case letters (A-Z)', test: (p) => /[A-Z]/.test(p) },
  numbers: { message: 'numbers (i.e. 0-9)', test: (p) => /\d/.test(p) },
  // OWASP's password special characters.
  specialCharacters: { message: 'special characters (e.g. !@#$%^&*)', test: (p) => /[ !"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/.test(p) },
};

function charsetItems(codes, password) {
  return codes.map((code) => {
    const item = { message: CHARSETS[code].message, code };
    if (password !== undefined) item.verified = CHARSETS[code].test(password);
    return item;
  });
}

const RULES = {
  length(minLength, password) {
    const rule = minLength === 1
      ? { message: 'Non-empty password required', code: 'nonEmpty' }
      : { message: 'At least %d characters in length', format: [minLength], code: 'lengthAtLeast' };
    if (password !== undefined) rule.verified = password.length >= minLength;
    return rule;
  },
  contains(codes, password) {
    const rule = { message: 'Should contain:', code: 'shouldContain', items: charsetItems(codes, password) };
    if (password !== undefined) rule.verified = rule.items.every((item) => item.verified);
    return rule;
  },
  containsAtLeast({ atLeast, codes }, password) {
    const rule = {
      message: 'Contain at least %d of the following %d types of characters:',
      code: 'containsAtLeast',
      format: [atLeast, codes.length],
      items: charsetItems(codes, password),
    };
    if (password !== undefined) rule.verified = rule.items.filter((item) => item.verified).length >= atLeast;
    return rule;
  },
  identicalChars(max, password) {
    const rule = {
      message: 'No more than %d identical characters in a row (e.g., "%s" not allowed)',
      code: 'identicalChars',
      format: [max, 'a'.repeat(max + 1)],
    };
    if (password !== undefined) rule.verified = password.length > 0 && !hasRunLongerThan(password, max);
    return rule;
  },
};

function hasRunLongerThan(password, max) {
  let run = 0;
  for (let i = 0; i < password.length; i += 1) {
    run = i > 0 && password[i] === password[i - 1] ? run + 1 : 1;
    if (run > max) return true;
  }
  return false;
}

const ALL_FOUR = ['lowerCase', 'upperCase', 'numbers', 'specialCharacters'];

const POLICIES = {
  none: [['length', 1]],
  low: [['length', 6]],
  fair: [['length', 8], ['contains', ['lowerCase', 'upperCase', 'numbers']]],
  good: [['length', 8], ['containsAtLeast', { atLeast: 3, codes: ALL_FOUR }]],
  excellent: [['length', 10], ['containsAtLeast', { atLeast: 3, codes: ALL_FOUR }], ['identicalChars', 2]],
};

function formatMessage(rule) {
  let index = 0;
  return rule.format ? rule.message.replace(/%[ds]/g, () => String(rule.format[index++])) : rule.message;
}

// "* At least 8 characters in length\n* Should contain:\n * lower case letters (a-z)..."
function describe(rules, depth) {
  const indent = ' '.repeat(depth);
  return rules.map((rule) => {
    let line = `${indent}* ${formatMessage(rule)}`;
    if (rule.items) line += `\n${describe(rule.items, depth + 1)}`;
    return line;
  }).join('\n');
}

function policyRules(name) {
  const rules = POLICIES[name];
  if (!rules) throw new Error(`unknown password policy: ${name}`);
  return rules;
}

export function explainPolicy(name) {
  return describe(policyRules(name).map(([rule, options]) => RULES[rule](options)), 0);
}

// { verified, rules } for one password against one policy.
export function checkPassword(name, password) {
  const text = typeof password === 'string' ? password : '';
  const rules = policyRules(name).map(([rule, options]) => RULES[rule](options, text));
  return { rules, verified: rules.every((rule) => rule.verified) };
}

// The 400 body of /dbconnections/signup for a password that fails the connection's policy.
export function passwordStrengthError(name, password) {
  return {
    name: 'PasswordStrengthError',
    message: 'Password is too weak',
    code: 'invalid_password',
    description: checkPassword(name, password),
    policy: explainPolicy(name),
    statusCode: 400,
  };
}
