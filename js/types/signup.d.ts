// Sign-up fields (Lock's additionalSignUpFields) and the /dbconnections/signup body.

export type FieldValidatorResult = boolean | { valid: boolean; hint?: string };
/** prefill as a function: Lock's (callback) form. */
export type PrefillFunction = (callback: (error: unknown, value?: string) => void) => void;
export interface SelectOption { label: string; value: string }
/** options as a function: Lock's (callback) form (the widget shows a loading state meanwhile). */
export type OptionsFunction = (callback: (error: unknown, options?: SelectOption[]) => void) => void;

/** placeholder, or placeholderHTML (a few inline tags and http(s) links; the widget rebuilds
 * them with DOM APIs and drops everything else): at least one of them, non-empty. */
type Placeholder = { placeholder: string; placeholderHTML?: string } | { placeholder?: string; placeholderHTML: string };

interface SignupFieldBase {
  /** ^[a-zA-Z0-9_]+$; not email, username or password. */
  name: string;
  ariaLabel?: string;
  /** 'root' stores given_name, family_name, name, nickname or picture at the root of the user. */
  storage?: 'root';
}

export type TextSignupField = SignupFieldBase & Placeholder & {
  type?: 'text';
  prefill?: string | PrefillFunction;
  validator?: (value: string) => FieldValidatorResult;
  icon?: string;
};

export type SelectSignupField = SignupFieldBase & Placeholder & {
  type: 'select';
  options: SelectOption[] | OptionsFunction;
  prefill?: string | PrefillFunction;
  icon?: string;
};

export type CheckboxSignupField = SignupFieldBase & Placeholder & {
  type: 'checkbox';
  prefill?: 'true' | 'false' | PrefillFunction;
  validator?: (value: string) => FieldValidatorResult;
};

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
