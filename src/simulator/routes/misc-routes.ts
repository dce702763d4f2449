/** `/`, `/v1/ping`, `/v1/auth`, `/v1/user`, and the web-flow paths that need a provider (docs/kontena-api.md §2.2, §4.1). */
import { json, MASTER_VERSION } from '../http';
import type { Router } from '../router';
import { requireUser } from './helpers';

export function miscRoutes(router: Router): void {
  router.get('/', () => json(200, { name: 'Kontena Master', tagline: 'The Container Platform', version: MASTER_VERSION }));
  router.get('/v1/ping', () => json(200, { message: 'pong' }));
  router.post('/v1/auth', ({ request }) => {
    let text = 'This version of Kontena Master does not support user credential authentication.';
    if ((request.headers.get('User-Agent') ?? '').includes('kontena-cli')) text += ' You need to upgrade your Kontena CLI.';
    return json(403, text);
  });
  router.get('/v1/user', ({ auth }) => {
    const user = requireUser(auth);
    return json(200, {
      id: user.id,
      email: user.email,
      name: user.name,
      roles: user.roles.map((r) => ({ name: r.name, description: r.description })),
    });
  });
  // No external OAuth2 provider is configured on the simulated master.
  router.get('/authenticate', () => json(501, { error: 'server_error', error_description: 'Authentication provider not configured' }));
}
