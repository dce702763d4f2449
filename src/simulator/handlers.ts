/**
 * The MSW door: request handlers that hand every master path to the simulator. MSW gives
 * absolute URLs, so the handlers match by pathname on any origin.
 */
import { http } from 'msw';
import type { SimulatedMaster } from './contract';

const V1 = /^[a-z][a-z0-9+.-]*:\/\/[^/]+\/v1\//i;
const OAUTH2 = /^[a-z][a-z0-9+.-]*:\/\/[^/]+\/oauth2\//i;
const ROOT = /^[a-z][a-z0-9+.-]*:\/\/[^/]+\/?(?:[?#].*)?$/i;

export function simulatorHandlers(master: Pick<SimulatedMaster, 'handle'>) {
  const answer = ({ request }: { request: Request }): Promise<Response> => master.handle(request);
  // `GET /` is the master's banner for API clients only: pages and Vite's dev-server ping pass through.
  const banner = ({ request }: { request: Request }): Promise<Response> | undefined => {
    const accept = request.headers.get('Accept') ?? '';
    return accept.includes('text/html') || accept.includes('text/x-vite') ? undefined : master.handle(request);
  };
  return [http.all(V1, answer), http.all(OAUTH2, answer), http.get(ROOT, banner)];
}
