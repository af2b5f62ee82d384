// The public client: orchestrates the core (decisions, requests, parsing), the transport
// (fetch) and the token manager (storage). It decides nothing itself.
import { MetalockError } from '../errors.js';
import { mapSignupFieldsWith } from '../signup/field-specs.js';
import {
  invalidArgument, isPlainObject, optionalString, requireObject, requireString,
} from './arguments.js';
import { metadataUpdateRequest } from './metadata-update.js';
import { tokenSubject } from './token-subject.js';
import { loginRequired } from './token-manager.js';

function asMetalockError(error) {
  throw MetalockError.from(error);
}

// Runs a Lock-style callback outside the promise chain: an exception it throws surfaces
// as an uncaught error (as with Lock) instead of a silent rejection, and it is never
// called twice.
function settle(promise, callback) {
  promise.then(
    (value) => queueMicrotask(() => callback(null, value)),
    (error) => queueMicrotask(() => callback(error)),
  );
}

export class Client {
  #core;
  #base;
  #settings;
  #tokens;
  #transport;
  #verifyIdToken;
  #audience;               // of the last login of this client (else the configured one)
  #lastSubject = null;     // { accessToken, idToken, subject }: decoded once per token; logout forgets it
  #lastUserinfo = null;    // { accessToken, request }: the core describes GET /userinfo once per token

  constructor({ core, base, settings, tokens, transport, verifyIdToken }) {
    this.#core = core;
    this.#base = base;
    this.#settings = settings;
    this.#tokens = tokens;
    this.#transport = transport;
    this.#verifyIdToken = verifyIdToken;
    this.#audience = settings.audience;
  }

  // POST /dbconnections/signup -> the tenant's response body ({_id, email, email_verified, ...}).
  async signup(options) {
    requireObject(options, 'signup options');
    const { connection, email, password, username, additionalSignUpFields, values } = options;
    const base = {
      client_id: this.#settings.clientId,
      connection: requireString(connection, 'connection'),
      email: requireString(email, 'email'),
      password: requireString(password, 'password'),
    };
    if (optionalString(username, 'username') !== undefined) base.username = username;
    // auth0-js's form: sent, combined with the additionalSignUpFields values, under the same
    // limits (the core's mapSignup checks both).
    if (options.user_metadata !== undefined) {
      base.user_metadata = requireObject(options.user_metadata, 'user_metadata');
    }
    const body = await mapSignupFieldsWith(this.#core, additionalSignUpFields ?? [], values ?? {}, base);
    return this.#transport.send(this.#core.signupRequest(this.#base, body), { idempotent: false });
  }

  // The password-realm grant. The tokens are cached under the requested audience and scope.
  async login(options) {
    requireObject(options, 'login options');
    const audience = optionalString(options.audience, 'audience') ?? this.#settings.audience;
    const scope = optionalString(options.scope, 'scope') ?? this.#settings.scope;
    const grant = {
      clientId: this.#settings.clientId,
      username: requireString(options.username, 'username'),
      password: requireString(options.password, 'password'),
      realm: requireString(options.realm, 'realm'),
      audience,
      scope,
    };
    const epoch = this.#tokens.epoch();
    const body = await this.#transport.send(this.#core.passwordRealmRequest(this.#base, grant), { idempotent: false });
    const idTokenPayload = body?.id_token ? await this.#verifyIdToken(body.id_token) : undefined;
    const entry = await this.#tokens.store(body, this.#tokens.key({ audience, scope }), epoch);
    if (epoch === this.#tokens.epoch()) this.#audience = audience;
    const result = {
      accessToken: entry.accessToken,
      idToken: entry.idToken || undefined,
      expiresIn: body.expires_in,
      scope: entry.scope,
      tokenType: entry.tokenType,
      idTokenPayload,
    };
    if (entry.refreshToken) result.refreshToken = entry.refreshToken;
    return result;
  }

  // GET /userinfo -> the normalized profile. With a callback (Lock's form), returns nothing.
  getUserInfo(accessToken, callback) {
    if (typeof accessToken === 'function' && callback === undefined) {
      callback = accessToken;
      accessToken = undefined;
    }
    if (callback !== undefined && typeof callback !== 'function') {
      return Promise.reject(invalidArgument('callback must be a function', 'callback'));
    }
    const profile = this.#userInfo(accessToken).catch(asMetalockError);
    if (callback === undefined) return profile;
    settle(profile, callback);
    return undefined;
  }

  // GET /api/v2/users/{id} with the Management API token; the id defaults to its subject.
  async getUser(userId) {
    const token = await this.#managementToken('getUser');
    const id = this.#userIdFor(userId, token);
    const request = this.#core.getUserRequest(this.#base, id, token.accessToken);
    return this.#sendForProfile(request);
  }

  // updateUserMetadata(changes) or (userId, changes): sends `changes` as given. The empty
  // change set sends no PATCH and resolves the user as the server has it now (one GET).
  async updateUserMetadata(...args) {
    const [userIdArgument, changes] = args.length >= 2 ? args : [undefined, args[0]];
    if (!isPlainObject(changes)) throw invalidArgument('changes must be a plain object of user_metadata keys', 'changes');
    const token = await this.#managementToken('updateUserMetadata');
    const userId = this.#userIdFor(userIdArgument, token);
    const request = metadataUpdateRequest(this.#core, {
      base: this.#base, userId, accessToken: token.accessToken, changes, scope: token.scope, subject: this.#subjectOf(token),
    });
    if (request === null) return this.getUser(userId);
    // Idempotent: a top-level merge applied twice gives the same user.
    return this.#sendForProfile(request);
  }

  // DELETE /api/v2/users/{id}/multifactor/{provider}; the id defaults to the token's subject.
  // A token whose scope cannot allow it (update:users) is refused before the network.
  async deleteMultifactorProvider(provider, userId) {
    requireString(provider, 'provider');
    const token = await this.#managementToken('deleteMultifactorProvider');
    const id = this.#userIdFor(userId, token);
    this.#core.validateMultifactorDeletion(provider, { scope: token.scope });
    const request = this.#core.deleteMultifactorRequest(this.#base, id, provider, token.accessToken);
    // Idempotent: removing a configuration twice leaves the same user.
    await this.#transport.send(request, { idempotent: true });
  }

  // Forgets the stored tokens. From the moment it returns (awaited or not) no call uses a
  // token from before it; the promise settles once the store has let go of them too.
  logout() {
    this.#audience = this.#settings.audience;
    this.#lastSubject = null;
    this.#lastUserinfo = null;
    return this.#tokens.forget();
  }

  async #userInfo(accessToken) {
    let token = accessToken;
    if (token === undefined || token === null) {
      const entry = await this.#tokens.get(this.#tokens.key({ audience: this.#audience, scope: 'openid' }));
      if (!entry) throw loginRequired('getUserInfo needs an access token: log in first or pass one');
      token = entry.accessToken;
    } else {
      requireString(token, 'accessToken');
    }
    if (this.#lastUserinfo?.accessToken !== token) {
      this.#lastUserinfo = { accessToken: token, request: Object.freeze(this.#core.userinfoRequest(this.#base, token)) };
    }
    return this.#sendForProfile(this.#lastUserinfo.request);
  }

  // The cached token for the Management API audience (`${base}/api/v2/`), any scope.
  async #managementToken(operation) {
    const audience = `${this.#base}/api/v2/`;
    const entry = await this.#tokens.get(this.#tokens.key({ audience, scope: '' }));
    if (!entry) throw loginRequired(`${operation} needs a token for ${audience}: log in with that audience`);
    return entry;
  }

  #userIdFor(userId, entry) {
    if (userId !== undefined && userId !== null) return requireString(userId, 'userId');
    const subject = this.#subjectOf(entry);
    if (!subject) throw invalidArgument('userId is required: the token names no user', 'userId');
    return subject;
  }

  // The user an entry's tokens act for (token-subject.js), decoded once per pair of tokens.
  #subjectOf(entry) {
    const last = this.#lastSubject;
    if (last?.accessToken !== entry.accessToken || last.idToken !== entry.idToken) {
      this.#lastSubject = { accessToken: entry.accessToken, idToken: entry.idToken, subject: tokenSubject(this.#core, entry) };
    }
    return this.#lastSubject.subject;
  }

  // Sends an idempotent request whose answer is a user; the core parses the response and
  // normalizes the profile in one crossing.
  #sendForProfile(request) {
    const options = { userMetadataClaim: this.#settings.userMetadataClaim, appMetadataClaim: this.#settings.appMetadataClaim };
    return this.#transport.send(request, { idempotent: true, read: (response) => this.#core.profileResponse(response, options) });
  }
}

// Every promise of the API rejects with a MetalockError, even on a failure nobody foresaw.
for (const name of ['signup', 'login', 'getUser', 'updateUserMetadata', 'deleteMultifactorProvider', 'logout']) {
  const method = Client.prototype[name];
  Object.defineProperty(Client.prototype, name, {
    value(...args) {
      return method.apply(this, args).catch(asMetalockError);
    },
    writable: true,
    configurable: true,
  });
}
