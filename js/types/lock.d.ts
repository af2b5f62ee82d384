// The Lock-style widget.

import type { AuthResult, CacheLocation, ProfileCallback, SignupResult } from './client.js';
import type { MetalockError } from './errors.js';
import type { SignupField } from './signup.js';

export interface LockAuthOptions {
  audience?: string;
  /** Lock's `auth.params`: scope, audience. */
  params?: { scope?: string; audience?: string; [param: string]: unknown };
  redirect?: boolean;
  responseType?: string;
}

export interface LockOptions {
  /** The id of an element to render into (inline mode) instead of a modal. */
  container?: string;
  allowedConnections?: string[];
  defaultDatabaseConnection?: string;
  additionalSignUpFields?: SignupField[];
  allowSignUp?: boolean;
  allowLogin?: boolean;
  initialScreen?: 'login' | 'signUp';
  closable?: boolean;
  autoclose?: boolean;
  autofocus?: boolean;
  rememberLastLogin?: boolean;
  auth?: LockAuthOptions;
  languageDictionary?: { [key: string]: unknown };
  theme?: { logo?: string; primaryColor?: string };
  /** As in ClientOptions. */
  cacheLocation?: CacheLocation;
  leeway?: number;
  userMetadataClaim?: string;
  appMetadataClaim?: string;
  [option: string]: unknown;
}

export interface LockShowOptions {
  initialScreen?: 'login' | 'signUp';
  flashMessage?: { type: 'success' | 'error' | 'info'; text: string };
  [option: string]: unknown;
}

export interface LockEvents {
  authenticated: (authResult: AuthResult) => void;
  authorization_error: (error: MetalockError) => void;
  unrecoverable_error: (error: MetalockError) => void;
  show: () => void;
  hide: () => void;
  'signin submit': (...args: unknown[]) => void;
  'signup submit': (...args: unknown[]) => void;
  'signup success': (result: SignupResult) => void;
  'signup error': (error: MetalockError) => void;
}

export class Lock {
  constructor(clientId: string, domain: string, options?: LockOptions);
  on<E extends keyof LockEvents>(event: E, listener: LockEvents[E]): this;
  on(event: string, listener: (...args: any[]) => void): this;
  show(options?: LockShowOptions): void;
  hide(): void;
  logout(options?: { [option: string]: unknown }): void;
  getUserInfo(accessToken: string, callback: ProfileCallback): void;
}
