// init({ url | binary }): says where the wasm core comes from and loads it now, so that a
// bundled app can point at the .wasm it serves and see a load failure at start-up. Without
// init the core is instantiated on the first createClient or helper call, from its default
// location (metalock.wasm next to the module), which browsers start fetching as soon as the
// package has been evaluated (core/load.js).
import { loadCore, useWasm } from './core/load.js';

export async function init(wasm) {
  if (wasm !== undefined && wasm !== null) useWasm(wasm);
  await loadCore();
}
