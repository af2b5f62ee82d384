// Type declarations for the public API of the `metalock` package (design.md, "Public
// JavaScript API"), one file per concept, re-exported here. Hand-written: Emscripten 3.1.6
// has no --emit-tsd. The dist step copies every js/types/*.d.ts to dist/; this file is the
// package's "types" entry (dist/metalock.d.ts).

export * from './json.js';
export * from './errors.js';
export * from './user.js';
export * from './signup.js';
export * from './client.js';
export * from './helpers.js';
export * from './lock.js';
