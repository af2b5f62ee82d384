// Users as the API returns them, and the user_metadata changes it sends.

import type { JsonObject, JsonValue } from './json.js';

/** A normalized profile: every claim kept, metadata always present ({} when none). */
export interface UserProfile {
  sub?: string;
  user_id?: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  nickname?: string;
  given_name?: string;
  family_name?: string;
  picture?: string;
  updated_at?: string;
  user_metadata: JsonObject;
  app_metadata: JsonObject;
  [claim: string]: unknown;
}

/** A PATCH /api/v2/users/{id} body. */
export interface MetadataPatch {
  user_metadata?: { [key: string]: JsonValue };
  app_metadata?: { [key: string]: JsonValue };
  [field: string]: unknown;
}

/** user_metadata keys to set; `null` deletes a key. Nested values replace wholesale. */
export type MetadataChanges = { [key: string]: JsonValue };
