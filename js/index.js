// The package entry (dist/metalock.js): re-exports only.
export { MetalockError } from './errors.js';
export { buildMetadataPatch, applyMetadataPatch, mapSignupFields } from './helpers.js';
export { createClient } from './client/create-client.js';
export { Lock } from './widget/lock.js';
