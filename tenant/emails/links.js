// The link a verification email carries. The tenant serves no verification page: the link
// shows the shape of Auth0's (a one-time ticket), and its ticket is never a token.
import { randomBytes } from 'node:crypto';

export function verificationLink(tenant, user) {
  const ticket = randomBytes(16).toString('base64url');
  return `${tenant.baseUrl}/u/email-verification?ticket=${ticket}#user=${encodeURIComponent(user.user_id)}`;
}
