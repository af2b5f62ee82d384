// MetalockError: its fields, and MetalockError.from for whatever was thrown.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyMetadataPatch, MetalockError } from '../../dist/metalock.node.js';

test('a MetalockError carries code, description (as message), statusCode, original and field', () => {
  const original = { statusCode: 400, error: 'Bad Request', message: 'Payload validation error' };
  const error = new MetalockError({ code: 'bad_request', description: 'Payload validation error', statusCode: 400, original, field: 'user_metadata' });
  assert.ok(error instanceof Error);
  assert.equal(error.name, 'MetalockError');
  assert.equal(error.code, 'bad_request');
  assert.equal(error.description, 'Payload validation error');
  assert.equal(error.message, 'Payload validation error');
  assert.equal(error.statusCode, 400);
  assert.equal(error.original, original);
  assert.equal(error.field, 'user_metadata');
  assert.match(error.stack, /MetalockError/);
});

test('a MetalockError without a description uses its code as the message', () => {
  const error = new MetalockError({ code: 'too_deep' });
  assert.equal(error.message, 'too_deep');
  assert.equal(error.description, 'too_deep');
  assert.equal(error.statusCode, undefined);
});

test('MetalockError.from keeps a MetalockError as it is', () => {
  const error = new MetalockError({ code: 'invalid_json', description: 'x' });
  assert.equal(MetalockError.from(error), error);
});

test('MetalockError.from wraps an Error, keeping its message and the error itself', () => {
  const cause = new TypeError('fetch failed');
  const error = MetalockError.from(cause, 'network_error');
  assert.ok(error instanceof MetalockError);
  assert.equal(error.code, 'network_error');
  assert.equal(error.description, 'fetch failed');
  assert.equal(error.original, cause);
  assert.equal(MetalockError.from(new Error('boom')).code, 'unknown_error');
});

test('MetalockError.from turns an error-shaped object into its fields, anything else into text', () => {
  const shaped = MetalockError.from({ code: 'user_exists', description: 'The user already exists.', statusCode: 400 });
  assert.equal(shaped.code, 'user_exists');
  assert.equal(shaped.statusCode, 400);
  const thrown = MetalockError.from('plain text');
  assert.equal(thrown.code, 'unknown_error');
  assert.equal(thrown.description, 'plain text');
  assert.equal(thrown.original, 'plain text');
  assert.equal(MetalockError.from(undefined).description, 'undefined');
});

test('errors decided by the wasm core arrive as MetalockError with the core code and field', async () => {
  await assert.rejects(applyMetadataPatch({ user_metadata: {} }, 'not an object'), (error) => {
    assert.ok(error instanceof MetalockError);
    assert.equal(error.code, 'invalid_body');
    assert.ok(error.description.length > 0);
    return true;
  });
});

test('a value JSON cannot express is refused with a code, not a TypeError', async () => {
  const circular = { user_metadata: {} };
  circular.user_metadata.self = circular;
  await assert.rejects(applyMetadataPatch({}, circular), { name: 'MetalockError', code: 'invalid_json' });
  await assert.rejects(applyMetadataPatch({}, { user_metadata: { n: 1n } }), { name: 'MetalockError', code: 'invalid_json' });
});
