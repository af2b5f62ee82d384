// Seed users from the config: created on start when their email is not in the store yet,
// so a restart never duplicates them and never undoes changes made since.
import { findConnection } from './config.js';
import { hashPassword } from './passwords.js';
import { createUserRecord, ROOT_ATTRIBUTES } from './user-record.js';

export async function seedUsers(config, store) {
  const missing = config.users.filter((seed, index) => {
    if (!seed || typeof seed.email !== 'string' || typeof seed.password !== 'string') {
      throw new Error(`config: users[${index}] needs an email and a password`);
    }
    const connection = seed.connection ?? config.defaultConnection;
    if (seed.multifactor !== undefined && !(Array.isArray(seed.multifactor) && seed.multifactor.every((name) => typeof name === 'string'))) {
      throw new Error(`config: users[${index}].multifactor must be a list of provider names`);
    }
    if (!findConnection(config, connection)) throw new Error(`config: users[${index}].connection "${connection}" is not a configured connection`);
    return !store.findUser(connection, { email: seed.email });
  });
  // Hashing runs on libuv's thread pool: several seeds hash in parallel.
  const hashes = await Promise.all(missing.map((seed) => hashPassword(seed.password)));
  missing.forEach((seed, index) => {
    const objectId = typeof seed.user_id === 'string' ? seed.user_id.replace(/^auth0\|/, '') : undefined;
    const user = createUserRecord({
      connection: seed.connection ?? config.defaultConnection,
      email: seed.email,
      username: seed.username,
      passwordHash: hashes[index],
      userMetadata: seed.user_metadata,
      appMetadata: seed.app_metadata,
      root: Object.fromEntries(ROOT_ATTRIBUTES.filter((name) => seed[name] !== undefined).map((name) => [name, seed[name]])),
      emailVerified: seed.email_verified === true,
      ...(objectId ? { objectId } : {}),
    });
    store.putUser(seed.multifactor?.length ? { ...user, multifactor: [...seed.multifactor] } : user);
  });
  return missing.length;
}
