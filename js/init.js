// init({ url | binary }): says where the wasm core comes from and loads it now, so that a
// bundled app can point at the .wasm it serves and see a load failure at start-up. Without
// init the core loads lazily, on the first createClient or helper call, from its default
// location (metalock.wasm next to the module).
import { loadCore, useWasm } from './core/load.js';

export async function init(wasm) {
  if (wasm !== undefined && wasm !== null) useWasm(wasm);
  await loadCore();
}
