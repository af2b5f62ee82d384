// The demo's additionalSignUpFields, as a Lock app would write them: one of each kind Lock
// knows (a root attribute, text with a validator, a select whose options load from a server,
// a checkbox, a hidden value), and the table on the page that explains them.

// Lock's options(callback) form: the widget shows a loading state until it calls back.
function loadRoles(callback) {
  fetch('/data/roles.json')
    .then((response) => {
      if (!response.ok) throw new Error(`roles: HTTP ${response.status}`);
      return response.json();
    })
    .then((roles) => callback(null, roles), (error) => callback(error));
}

function companyName(value) {
  const length = value.trim().length;
  return { valid: length >= 2 && length <= 60, hint: 'Between 2 and 60 characters' };
}

export const signUpFields = () => [
  { name: 'given_name', storage: 'root', placeholder: 'First name', ariaLabel: 'First name' },
  { name: 'company', placeholder: 'Company', validator: companyName },
  { name: 'role', type: 'select', placeholder: 'Your role', options: loadRoles },
  { name: 'newsletter', type: 'checkbox', placeholder: 'Send me the monthly product newsletter', prefill: 'true' },
  { name: 'signup_source', type: 'hidden', value: 'metalock-demo' },
];

// [name, type, where it is stored, what it shows] for the page's table.
export const fieldNotes = [
  ['given_name', 'text', 'root attribute', "storage: 'root', the user's given_name claim"],
  ['company', 'text', 'user_metadata', 'a validator: 2-60 characters, its hint shown beside the field'],
  ['role', 'select', 'user_metadata', 'options(callback) loading /data/roles.json; the chosen value is sent'],
  ['newsletter', 'checkbox', 'user_metadata', 'prefill "true"; sent as "true" or "false"'],
  ['signup_source', 'hidden', 'user_metadata', 'not shown in the form; always "metalock-demo"'],
];
