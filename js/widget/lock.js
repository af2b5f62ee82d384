// new Lock(clientId, domain, options): Lock 14's public API. This class is all that a page
// importing `metalock` carries of the widget; the UI (DOM, CSS, dictionaries) is its own
// chunk, loaded on the first show(). getUserInfo and logout need only the client.
import { invalidArgument, requireString } from '../client/arguments.js';
import { createClient } from '../client/create-client.js';
import { loadCore } from '../core/load.js';
import { MetalockError } from '../errors.js';
import { readValidatorOutcome, resolveLockFunctions } from '../signup/field-specs.js';
import { Emitter } from './emitter.js';

// Lock's auth options -> the client's: audience (auth.audience or auth.params.audience) and
// scope (auth.params.scope; without one, the client's default is Lock's, 'openid profile email').
function clientOptions(clientId, domain, options) {
  const auth = options.auth ?? {};
  const params = auth.params ?? {};
  return {
    domain,
    clientId,
    audience: auth.audience ?? params.audience,
    scope: params.scope,
    userMetadataClaim: options.userMetadataClaim,
    appMetadataClaim: options.appMetadataClaim,
    cacheLocation: options.cacheLocation,
    leeway: options.leeway,
  };
}

export class Lock {
  #clientId;
  #domain;
  #options;
  #events = new Emitter();
  #client = null;
  #widget = null;
  #destroyed = false;

  constructor(clientId, domain, options = {}) {
    this.#clientId = requireString(clientId, 'clientId');
    this.#domain = requireString(domain, 'domain');
    if (options === null || typeof options !== 'object') throw invalidArgument('options must be an object', 'options');
    this.#options = options;
  }

  on(event, listener) {
    this.#events.on(event, listener);
    return this;
  }

  show(showOptions = {}) {
    if (this.#destroyed) return;
    this.#ui().then((widget) => widget?.show(showOptions));
  }

  hide() {
    this.#widget?.then((widget) => widget?.hide());
  }

  // Removes the widget from the page and forgets every listener.
  destroy() {
    this.#destroyed = true;
    this.#widget?.then((widget) => widget?.destroy());
    this.#events.clear();
  }

  // Lock's getUserInfo(accessToken, callback(error, profile)); getProfile is its old name.
  getUserInfo(accessToken, callback) {
    this.#getClient().then(
      (client) => client.getUserInfo(accessToken, callback),
      (error) => queueMicrotask(() => callback(error)),
    );
  }

  getProfile(accessToken, callback) {
    this.getUserInfo(accessToken, callback);
  }

  // Forgets the tokens this widget's client stored. No redirect: nothing left the page.
  logout() {
    this.#getClient().then((client) => client.logout(), () => {});
  }

  #getClient() {
    this.#client ??= createClient(clientOptions(this.#clientId, this.#domain, this.#options));
    this.#client.catch(() => { this.#client = null; });
    return this.#client;
  }

  // The UI chunk, imported on first use. A failure to load or start it is an
  // unrecoverable_error, as Lock reports a widget it cannot start.
  #ui() {
    this.#widget ??= import('./ui.js').then(({ createWidget }) => createWidget({
      options: this.#options,
      client: () => this.#getClient(),
      sdk: {
        loadCore, resolveLockFunctions, readValidatorOutcome, asError: (error, code) => MetalockError.from(error, code),
      },
      emit: (event, ...args) => this.#events.emit(event, ...args),
    })).catch((error) => {
      this.#widget = null;
      this.#events.emit('unrecoverable_error', MetalockError.from(error, 'widget_load_failed'));
      return null;
    });
    return this.#widget;
  }
}
