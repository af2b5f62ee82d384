// Where the wasm core comes from: init() and createClient({ wasm }).

/**
 * Where the .wasm comes from, when not from its default location (metalock.wasm next to the
 * metalock module). Exactly one of:
 * - `url`: where the app serves `metalock/metalock.wasm` (relative URLs resolve as fetch
 *   resolves them; on Node also a file: URL or a path);
 * - `binary`: the bytes of that file.
 * Set once per page or process, before the first load: a second, different setting rejects
 * with `invalid_argument` (field 'wasm').
 */
export type WasmSource = { url: string | URL; binary?: never } | { binary: ArrayBuffer | ArrayBufferView; url?: never };

/**
 * Says where the wasm core comes from (optional) and loads it now. Without it the core loads
 * on the first createClient or helper call. Rejects with `wasm_load_failed` (naming the URL it
 * tried) or `invalid_argument`.
 */
export function init(wasm?: WasmSource): Promise<void>;
