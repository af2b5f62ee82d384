// The `metalock/widget` entry (dist/widget.js): the package's Lock, re-exported. The dist
// build keeps this import external (./metalock.js), so both entries share one copy of the SDK.
export { Lock } from '../index.js';
