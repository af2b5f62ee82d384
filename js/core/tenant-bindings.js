// The bindings only the tenant's module holds (wasm/contract.json "modules": access-token
// claims, sign-up body, scopes, client metadata, custom claims, and a profile from a body alone,
// which tests hold profileResponse to), as facade.js lists the
// browser's: JS arguments -> the texts each binding takes. Only tenant/core.js imports this
// file, so pages, whose module lacks these bindings, do not carry them either.
import { browserBindings, dataJson, toJson, toText } from './facade.js';

/** @typedef {import('./core.js').MetalockTenantCore} MetalockTenantCore */
/** @typedef {import('./core.js').MetalockCore} MetalockCore */

/** @type {import('./facade.js').BindingArguments<Omit<MetalockTenantCore, keyof MetalockCore>>} */
const tenantOnly = {
  scopeContains: (scope, required) => [toText(scope), toText(required)],
  validateClientMetadata: (metadata) => [dataJson(metadata)],
  applyClientMetadataPatch: (current, changes) => [dataJson(current ?? null), dataJson(changes)],
  checkCustomClaim: (name) => [toText(name)],
  validateSignupBody: (body) => [dataJson(body)],
  verifyAccessTokenClaims: (token, expectations = {}) => [toText(token), toJson(expectations)],
  normalizeProfile: (userinfo, options = {}) =>
    [typeof userinfo === 'string' ? userinfo : toJson(userinfo), toJson(options)],
};

export const tenantBindings = { ...browserBindings, ...tenantOnly };
