// The page bundle's copy of the Emscripten glue (build/wasm/wasm/metalock.mjs, 3.1.6, closure
// output) without runtime pieces that 3.1.6 writes unconditionally and no page of metalock can
// reach; no emcc setting of 3.1.6 leaves them out. Each trim names what it removes and why it
// is dead; each must match exactly once, or the build stops (another Emscripten, or a glue
// that now uses the piece, shows up here instead of shipping a wrong trim). Measured alone on
// dist/metalock.js (gzip -9): the heap views -33 B, the image/audio tables -21, the data: check -26,
// the streaming path -73, the two export wrappers -57, the error classes -11; together -221 B.
import { readFileSync } from 'node:fs';

// The glue's Module.<export> wrapper of a wasm export that nothing in JS calls through Module.
const unusedExportWrapper = (name, why) => ({
  what: `Module.${name}, ${why}`,
  pattern: new RegExp(`(\\w+)\\.${name}=function\\(\\)\\{return\\(\\1\\.${name}=\\1\\.asm\\.\\w+\\)\\.apply\\(null,arguments\\)\\};`),
  replacement: '',
});

// Embind's error classes, published on Module for code that holds Module; pages never do (the
// SDK wraps every failure in a MetalockError). The glue keeps its own reference.
const unpublishedErrorClass = (name) => ({
  what: `Module.${name}`,
  pattern: new RegExp(`=\\w+\\.${name}=`),
  replacement: '=',
});

const TRIMS = [
  {
    // Module.preloadedImages/Audios: filled by the file packager's image and audio plugins
    // (library_browser.js, SDL); the module links neither, and nothing outside reads Module.
    what: 'the preloaded image and audio tables',
    pattern: /(\w+)\.preloadedImages=\{\};\1\.preloadedAudios=\{\};/,
    replacement: '',
  },
  {
    // The heap views on Module: the SDK reads Module.HEAPU8 only (js/core/facade.js), and Embind
    // reads its integer views through the glue's own locals, which stay. The float views have
    // no local: only Embind's float types would read them, and none is registered
    // (wasm/embind_types.cpp); a glue that needs them assigns a local, which this does not match.
    what: 'the heap views on Module other than HEAPU8',
    pattern: new RegExp(['(\\w+)\\.HEAP8=(\\w+=new Int8Array\\((\\w+)\\))', '\\1\\.HEAP16=(\\w+=new Int16Array\\(\\3\\))',
      '\\1\\.HEAP32=(\\w+=new Int32Array\\(\\3\\))', '(\\1\\.HEAPU8=\\w+=new Uint8Array\\(\\3\\))',
      '\\1\\.HEAPU16=(\\w+=new Uint16Array\\(\\3\\))', '\\1\\.HEAPU32=(\\w+=new Uint32Array\\(\\3\\))',
      '\\1\\.HEAPF32=new Float32Array\\(\\3\\)', '\\1\\.HEAPF64=new Float64Array\\(\\3\\)\\}'].join(';')),
    replacement: '$2;$4;$5;$6;$7;$8}',
  },
  {
    // The glue's own fetch with instantiateStreaming and its fallback. Pages reach the glue's
    // loading in two ways: with the bytes at hand (init({ binary }), or a { url } the package
    // fetched), where the glue already took the ArrayBuffer path that stays; or where
    // WebAssembly.compileStreaming is missing (wasm-compile.js compiles and hands over the
    // module everywhere else), so instantiateStreaming is missing too and the same ArrayBuffer
    // path runs.
    what: 'the instantiateStreaming path',
    pattern: /return \w+\|\|"function"!=typeof WebAssembly\.instantiateStreaming\|\|\w+\(\)\|\|"function"!=typeof fetch\?(\w+\(\w+\)):fetch\(\w+,\{credentials:"same-origin"\}\)\.then\(function\((\w+)\)\{return WebAssembly\.instantiateStreaming\(\2,\w+\)\.then\(\w+,function\((\w+)\)\{\w+\("wasm streaming compile failed: "\+\3\);\w+\("falling back to ArrayBuffer instantiation"\);return \1\}\)\}\)/,
    replacement: 'return $1',
  },
  {
    // The data: URL check of the glue's own .wasm location ('metalock.wasm', or a URL made of
    // it): only a -sSINGLE_FILE build embeds the .wasm as a data: URL. A URL an app gives
    // reaches the glue as bytes or as a compiled module, never as this location.
    what: 'the data: URL check',
    pattern: /function (\w+)\(\)\{return \w+\.startsWith\("data:application\/octet-stream;base64,"\)\}/,
    replacement: 'function $1(){return!1}',
  },
  unusedExportWrapper('___wasm_call_ctors', 'which the glue calls through the instance\'s export'),
  unusedExportWrapper('___embind_register_native_and_builtin_types',
    'a constructor (wasm/embind_types.cpp) that only a pthreads worker calls from JS'),
  unpublishedErrorClass('BindingError'),
  unpublishedErrorClass('InternalError'),
  unpublishedErrorClass('UnboundTypeError'),
];

export function trimGlue(text, file = 'the glue') {
  let trimmed = text;
  for (const { what, pattern, replacement } of TRIMS) {
    const matches = trimmed.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
    if (matches !== 1) {
      throw new Error(`glue-trim: ${what} matched ${matches} times in ${file} (expected once): check scripts/glue-trim.mjs `
        + 'against this Emscripten glue');
    }
    trimmed = trimmed.replace(pattern, replacement);
  }
  return trimmed;
}

// An esbuild plugin: the page glue (`#core-glue`'s browser target) is bundled trimmed. A build
// that never loaded that file (the import resolved elsewhere) stops too, rather than ship the
// glue untrimmed.
export const trimmedGlue = (glueFile) => ({
  name: 'trimmed-glue',
  setup(build) {
    let trimmed = false;
    build.onStart(() => { trimmed = false; });
    build.onLoad({ filter: /[\\/]metalock\.mjs$/ }, (args) => {
      if (args.path !== glueFile) return undefined;
      trimmed = true;
      return { contents: trimGlue(readFileSync(args.path, 'utf8'), args.path), loader: 'js' };
    });
    build.onEnd((result) => {
      if (!trimmed && result.errors.length === 0) {
        throw new Error(`glue-trim: the page bundle never loaded ${glueFile}: check #core-glue in package.json`);
      }
    });
  },
});
