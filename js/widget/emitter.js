// Lock's event API: on(event, listener), listeners called in order. A listener that throws
// must not break the widget (Lock's EventEmitter would let it propagate into the UI code):
// the error is reported asynchronously, as an uncaught error, and the others still run.
export class Emitter {
  #listeners = new Map();

  on(event, listener) {
    if (typeof listener !== 'function') throw new TypeError('A listener must be a function');
    if (!this.#listeners.has(event)) this.#listeners.set(event, []);
    this.#listeners.get(event).push(listener);
  }

  emit(event, ...args) {
    for (const listener of [...(this.#listeners.get(event) ?? [])]) {
      try {
        listener(...args);
      } catch (error) {
        queueMicrotask(() => { throw error; });
      }
    }
  }

  clear() {
    this.#listeners.clear();
  }
}
