// Pure helpers over the core (no network). They wait for the wasm module to load.

import type { JsonObject } from './json.js';
import type { MetadataPatch } from './user.js';
import type { SignupBase, SignupBody, SignupField, SignupValues } from './signup.js';

/** The minimal PATCH body turning `before` into `after` (user_metadata objects), or null. */
export function buildMetadataPatch(before: JsonObject, after: JsonObject): Promise<MetadataPatch | null>;
/** The user after Auth0's PATCH semantics. */
export function applyMetadataPatch<U extends object>(user: U, patch: MetadataPatch): Promise<U & { user_metadata?: JsonObject; app_metadata?: JsonObject }>;
/** The /dbconnections/signup body (validators and prefill functions are run first). */
export function mapSignupFields(fields: SignupField[], values: SignupValues, base: SignupBase): Promise<SignupBody>;
