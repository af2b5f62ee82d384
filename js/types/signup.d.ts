// Sign-up fields (Lock's additionalSignUpFields) and the /dbconnections/signup body.

export type FieldValidatorResult = boolean | { valid: boolean; hint?: string };
/** prefill as a function: Lock's (callback) form. */
export type PrefillFunction = (callback: (error: unknown, value?: string) => void) => void;

interface SignupFieldBase {
  /** ^[a-zA-Z0-9_]+$; not email, username or password. */
  name: string;
  ariaLabel?: string;
  /** 'root' stores given_name, family_name, name, nickname or picture at the root of the user. */
  storage?: 'root';
}

export interface TextSignupField extends SignupFieldBase {
  type?: 'text';
  placeholder: string;
  prefill?: string | PrefillFunction;
  validator?: (value: string) => FieldValidatorResult;
  icon?: string;
}

export interface SelectSignupField extends SignupFieldBase {
  type: 'select';
  placeholder: string;
  options: Array<{ label: string; value: string }>;
  prefill?: string | PrefillFunction;
  icon?: string;
}

export interface CheckboxSignupField extends SignupFieldBase {
  type: 'checkbox';
  placeholder: string;
  prefill?: 'true' | 'false' | PrefillFunction;
  validator?: (value: string) => FieldValidatorResult;
}

export interface HiddenSignupField extends SignupFieldBase {
  type: 'hidden';
  value: string;
}

export type SignupField = TextSignupField | SelectSignupField | CheckboxSignupField | HiddenSignupField;

/** Values keyed by field name. Checkboxes may be given as booleans. */
export type SignupValues = { [name: string]: string | boolean };

/** The POST /dbconnections/signup body. */
export interface SignupBody {
  client_id: string;
  connection: string;
  email: string;
  password: string;
  username?: string;
  given_name?: string;
  family_name?: string;
  name?: string;
  nickname?: string;
  picture?: string;
  user_metadata?: { [key: string]: string };
  [field: string]: unknown;
}

/** The fields of the base body mapSignupFields builds on. */
export interface SignupBase {
  client_id: string;
  connection: string;
  email: string;
  password: string;
  username?: string;
  [field: string]: unknown;
}
