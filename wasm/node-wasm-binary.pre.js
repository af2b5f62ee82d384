// --pre-js (inside the module factory; no import.meta here: the 3.1.6 optimizer crashes on it).
// On Node the glue would fetch() the .wasm by a file: URL, which Node's fetch refuses; read
// the binary next to this script instead, unless the caller already handed one over. The file
// name is filled in per module (metalock_add_wasm_module configures this file).
if (typeof process == 'object' && typeof process.versions == 'object' &&
    typeof process.versions.node == 'string' && !Module['wasmBinary'] && typeof __dirname == 'string') {
  Module['wasmBinary'] = require('fs')['readFileSync'](require('path')['join'](__dirname, '@MODULE_WASM_FILE@'));
}
