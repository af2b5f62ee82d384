// core.scopeContains: the core's one reading of OAuth scope strings (scope.hpp), for the
// tenant (a binding of the tenant module only: the browser SDK never splits scopes).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadTenantCore } from '../../tenant/core.js';

test('scopeContains compares whole words as sets', async () => {
  const core = await loadTenantCore();
  assert.equal(core.scopeContains('openid profile update:users', 'update:users'), true);
  assert.equal(core.scopeContains('  profile\topenid\n', 'openid profile openid'), true);
  assert.equal(core.scopeContains('update:users_app_metadata', 'update:users'), false);   // not a prefix match
  assert.equal(core.scopeContains('openid', 'openid email'), false);
  assert.equal(core.scopeContains('', ''), true);
  assert.equal(core.scopeContains(undefined, 'openid'), false);
  assert.equal(core.scopeContains('openid', undefined), true);
});
