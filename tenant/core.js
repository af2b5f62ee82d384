// The tenant's core: the tenant module (wasm/CMakeLists.txt), which holds the browser's bindings
// and the ones only the tenant calls (access-token claims, sign-up body, scopes, client metadata,
// custom claims). Pages fetch the smaller browser module; this one never reaches a browser.
// Loaded once per process through js/core/load.js's instantiate and recovery.
import createMetalockTenantCore from '#core-tenant-glue';
import { instantiateGlue } from '../js/core/load.js';
import { tenantBindings } from '../js/core/tenant-bindings.js';

// For the error message only: the glue reads the .wasm next to itself.
const TENANT_WASM = { url: 'metalock-tenant.wasm next to the tenant module', byDefault: true };

let loading = null;

// options: the glue's own (wasmBinary, instantiateWasm), for tests.
export function loadTenantCore(options = {}) {
  if (!loading) {
    const attempt = instantiateGlue(createMetalockTenantCore, options,
      options.wasmBinary ? { binary: options.wasmBinary } : TENANT_WASM, tenantBindings);
    loading = attempt;
    attempt.catch(() => {
      if (loading === attempt) loading = null;
    });
  }
  return loading;
}
