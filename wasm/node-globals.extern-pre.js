// --extern-pre-js (outside the module factory, so import.meta is allowed here).
// The Emscripten 3.1.6 ES-module glue still reaches for CommonJS names on Node (require,
// __dirname, __filename), which an ES module does not have: give it real ones, derived from
// this file's own URL. process.getBuiltinModule (Node 20.16+) keeps this synchronous and
// free of any import a browser bundler would try to resolve. In browsers and workers the
// names stay undefined and the glue never looks.
var metalockOnNode = typeof process == 'object' && typeof process.versions == 'object' &&
  typeof process.versions.node == 'string' && typeof process['getBuiltinModule'] == 'function';
var require = metalockOnNode
  ? process['getBuiltinModule']('module')['createRequire'](import.meta.url) : undefined;
var __filename = metalockOnNode
  ? process['getBuiltinModule']('url')['fileURLToPath'](import.meta.url) : undefined;
var __dirname = metalockOnNode ? process['getBuiltinModule']('path')['dirname'](__filename) : undefined;
