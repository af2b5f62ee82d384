// The `metalock/widget` entry: the widget alone (dist/widget.js).
export { Lock } from './lock.js';
export type { LockAuthOptions, LockEvents, LockFlashMessage, LockOptions, LockShowOptions } from './lock.js';
