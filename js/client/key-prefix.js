// The prefix of every name metalock writes where other code of the origin sees it: token store
// keys (token-manager.js) and Web Locks names (refresh-lock.js), as auth0-spa-js's '@@auth0spajs@@::'.
export const KEY_PREFIX = '@@metalock@@::';
