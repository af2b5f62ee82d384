// Checks of the shape of what callers pass (types only). What the values mean — metadata
// rules, signup rules, scopes — is the core's to decide; this only turns a wrong call into
// an `invalid_argument` MetalockError instead of a TypeError deep inside.
import { isPlainObject } from '../core/json-safe.js';
import { MetalockError } from '../errors.js';

export { isPlainObject };

export function invalidArgument(description, field) {
  return new MetalockError({ code: 'invalid_argument', description, field });
}


export function requireString(value, name) {
  if (typeof value !== 'string' || value.length === 0) {
    throw invalidArgument(`${name} must be a non-empty string`, name);
  }
  return value;
}

export function optionalString(value, name) {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidArgument(`${name} must be a string`, name);
  return value;
}

export function requireObject(value, name) {
  if (!isPlainObject(value)) throw invalidArgument(`${name} must be a plain object`, name);
  return value;
}

export function optionalNumber(value, name, { min = 0, fallback }) {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw invalidArgument(`${name} must be a finite number >= ${min}`, name);
  }
  return value;
}

export function optionalFunction(value, name) {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'function') throw invalidArgument(`${name} must be a function`, name);
  return value;
}
