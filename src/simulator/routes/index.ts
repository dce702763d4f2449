/** The master's route table. */
import { Router } from '../router';
import { auditRoutes } from './audit-routes';
import { containerRoutes } from './container-routes';
import { gridRoutes } from './grid-routes';
import { miscRoutes } from './misc-routes';
import { nodeRoutes } from './node-routes';
import { oauthRoutes } from './oauth-routes';
import { secretRoutes } from './secret-routes';
import { serviceRoutes } from './service-routes';
import { stackRoutes } from './stack-routes';
import { volumeRoutes } from './volume-routes';
import { userRoutes } from './user-routes';

export function buildRouter(): Router {
  const router = new Router();
  miscRoutes(router);
  oauthRoutes(router);
  gridRoutes(router);
  userRoutes(router);
  serviceRoutes(router);
  secretRoutes(router);
  containerRoutes(router);
  nodeRoutes(router);
  stackRoutes(router);
  volumeRoutes(router);
  auditRoutes(router);
  return router;
}
