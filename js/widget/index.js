// The `metalock/widget` entry (dist/widget.js): re-exports only.
export { Lock } from './lock.js';
