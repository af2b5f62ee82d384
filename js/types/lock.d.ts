// The Lock-style widget: Lock 14's names (new Lock(clientId, domain, options), show, hide,
// on, getUserInfo, getProfile, logout), plus destroy().

import type { AuthResult, CacheLocation, ProfileCallback, SignupResult } from './client.js';
import type { MetalockError } from './errors.js';
import type { SignupField } from './signup.js';

export interface LockAuthOptions {
  audience?: string;
  /** Lock's `auth.params`: scope (default 'openid profile email') and audience. */
  params?: { scope?: string; audience?: string; [param: string]: unknown };
}

export interface LockFlashMessage {
  type: 'success' | 'error' | 'info';
  text: string;
}

export interface LockOptions {
  /** The id of an element to render into (inline) instead of a modal. */
  container?: string;
  /** The database connection is the first of these (default Username-Password-Authentication). */
  allowedConnections?: string[];
  defaultDatabaseConnection?: string;
  additionalSignUpFields?: SignupField[];
  allowSignUp?: boolean;
  allowLogin?: boolean;
  allowShowPassword?: boolean;
  initialScreen?: 'login' | 'signUp';
  closable?: boolean;
  autoclose?: boolean;
  autofocus?: boolean;
  mustAcceptTerms?: boolean;
  showTerms?: boolean;
  /** Default true: a sign-up logs the new user in. */
  loginAfterSignUp?: boolean;
  prefill?: { email?: string; username?: string };
  auth?: LockAuthOptions;
  /** 'en' (default) or 'es'. */
  language?: string;
  /** Lock's keys; every visible string, signUpTerms included (a few inline tags and links). */
  languageDictionary?: { [key: string]: unknown };
  theme?: { logo?: string; primaryColor?: string };
  /** As in ClientOptions. */
  cacheLocation?: CacheLocation;
  leeway?: number;
  userMetadataClaim?: string;
  appMetadataClaim?: string;
}

export interface LockShowOptions {
  initialScreen?: 'login' | 'signUp';
  flashMessage?: LockFlashMessage;
}

export interface LockEvents {
  show: () => void;
  hide: () => void;
  authenticated: (authResult: AuthResult) => void;
  authorization_error: (error: MetalockError) => void;
  unrecoverable_error: (error: MetalockError) => void;
  'signin ready': () => void;
  'signup ready': () => void;
  'signin submit': (context: { email: string }) => void;
  'signup submit': (context: { email: string }) => void;
  'signup success': (result: SignupResult) => void;
  'signup error': (error: MetalockError) => void;
}

export class Lock {
  constructor(clientId: string, domain: string, options?: LockOptions);
  on<E extends keyof LockEvents>(event: E, listener: LockEvents[E]): this;
  show(options?: LockShowOptions): void;
  hide(): void;
  destroy(): void;
  /** Forgets the tokens the widget's client stored (no redirect). */
  logout(): void;
  getUserInfo(accessToken: string, callback: ProfileCallback): void;
  getProfile(accessToken: string, callback: ProfileCallback): void;
}
