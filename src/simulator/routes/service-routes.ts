/** `/v1/services/G/S/N…` (docs/kontena-api.md §4.4–§4.12). */
import { HttpError, json, notFound, unprocessable } from '../http';
import { auditOf } from '../model/audit';
import { resolveVolumes } from '../model/volume-mounts';
import { destroyService, linkingServices, liveContainers, NULL_STACK, olderFirst } from '../model/store';
import { applyUpdate, setEnv } from '../model/service-mutations';
import type { Router } from '../router';
import { boolean, integer, numberValue, runHash, string, stringValue } from '../validation/filters';
import { checkUpdate } from '../validation/service-inputs';
import { containerJson } from '../views/container-json';
import { deployJson } from '../views/deploy-json';
import { serviceJson } from '../views/service-json';
import { loadService } from './helpers';
import { containerLogsResponse, eventLogsResponse } from './log-routes';
import { metricsResponse, statsResponse } from './stats-routes';

const BASE = '/v1/services/:grid/:stack/:name';
const DEPLOYABLE_STATES = ['initialized', 'running', 'deploying', 'stopped'];

export function serviceRoutes(router: Router): void {
  router.get(BASE, ({ auth, params }, ctx) => json(200, serviceJson(loadService(ctx, auth, params))));

  router.put(BASE, async (req, ctx) => {
    const service = loadService(ctx, req.auth, req.params);
    const body = await req.json();
    const checked = checkUpdate(body, { grid: service.grid, stack: service.stack, existing: service });
    if (!checked.ok) throw unprocessable(checked.errors);
    const mounts = checked.input.volumes;
    if (mounts && service.stack.name === NULL_STACK) checked.input.volumes = resolveVolumes(service.grid, mounts);
    applyUpdate(ctx.store, service, checked.input, checked.links);
    req.audit(auditOf.service(service, 'update'));
    return json(200, serviceJson(service));
  });

  router.delete(BASE, ({ auth, params, audit }, ctx) => {
    const service = loadService(ctx, auth, params);
    audit(auditOf.service(service, 'delete'));
    const linking = linkingServices(service);
    if (linking.length > 0) {
      const names = linking.map((s) => s.name).join(', ');
      throw unprocessable({ service: `Cannot delete service that is linked to another service (${names})` });
    }
    ctx.engine.serviceRemoved(service);
    destroyService(ctx.store, service);
    return json(200, {});
  });

  router.post(`${BASE}/deploy`, async (req, ctx) => {
    const service = loadService(ctx, req.auth, req.params);
    const body = await req.json();
    const result = runHash({ optional: { force: boolean() } }, body, true);
    if (result.errors) throw unprocessable(result.errors);
    if (!DEPLOYABLE_STATES.includes(service.state)) {
      throw unprocessable({ state: `Cannot deploy because service state is ${service.state}` });
    }
    const force = result.value.force === true;
    const now = ctx.clock.now();
    service.state = 'running';
    service.deployRequestedAt = now;
    if (force) service.updatedAt = now;
    const deploy = ctx.engine.createDeploy(service, { force });
    req.audit(auditOf.service(service, 'deploy'));
    return json(200, deployJson(deploy));
  });

  router.post(`${BASE}/scale`, async (req, ctx) => {
    const service = loadService(ctx, req.auth, req.params);
    const body = await req.json();
    // The route passes `instances: data['instances']`, so a missing key arrives as nil.
    const result = runHash({ required: { instances: integer() } }, { instances: body.instances ?? null }, false);
    if (result.errors) throw unprocessable(result.errors);
    service.instances = numberValue(result.value.instances);
    const deploy = ctx.engine.createDeploy(service, { force: false });
    req.audit(auditOf.service(service, 'scale'));
    return json(200, deployJson(deploy));
  });

  router.post(`${BASE}/start`, ({ auth, params, audit }, ctx) => {
    ctx.engine.startService(loadService(ctx, auth, params));
    audit(auditOf.service(loadService(ctx, auth, params), 'start'));
    return json(200, {});
  });
  router.post(`${BASE}/stop`, ({ auth, params, audit }, ctx) => {
    ctx.engine.stopService(loadService(ctx, auth, params));
    audit(auditOf.service(loadService(ctx, auth, params), 'stop'));
    return json(200, {});
  });
  router.post(`${BASE}/restart`, ({ auth, params, audit }, ctx) => {
    ctx.engine.restartService(loadService(ctx, auth, params));
    audit(auditOf.service(loadService(ctx, auth, params), 'restart'));
    return json(200, {});
  });

  router.get(`${BASE}/deploys/:deploy`, ({ auth, params }, ctx) => {
    const service = loadService(ctx, auth, params);
    const deploy = service.deploys.find((d) => d.id === params.deploy && !d.removed);
    if (!deploy) throw notFound();
    return json(200, deployJson(deploy));
  });

  router.get(`${BASE}/containers`, ({ auth, params }, ctx) => {
    const service = loadService(ctx, auth, params);
    const containers = liveContainers(service)
      .filter((c) => c.containerId !== '')
      .sort(olderFirst);
    return json(200, { containers: containers.map(containerJson) });
  });

  router.get(`${BASE}/stats`, ({ auth, params, url }, ctx) => statsResponse(ctx, loadService(ctx, auth, params), url));
  router.get(`${BASE}/metrics`, ({ auth, params, url }, ctx) => metricsResponse(ctx, loadService(ctx, auth, params), url));

  router.post(`${BASE}/envs`, async (req, ctx) => {
    const service = loadService(ctx, req.auth, req.params);
    const body = await req.json();
    const result = runHash({ required: { env: string() } }, { env: body.env ?? null }, false);
    // The env routes answer 422 without the usual {"error": …} wrapper.
    if (result.errors) throw new HttpError(422, result.errors);
    setEnv(ctx.store, service, [...service.env, stringValue(result.value.env)]);
    req.audit(auditOf.service(service, 'add_env'));
    return json(200, {});
  });

  router.delete(`${BASE}/envs/:env`, ({ auth, params, audit }, ctx) => {
    const service = loadService(ctx, auth, params);
    audit(auditOf.service(service, 'remove_env'));
    const key = params.env ?? '';
    const kept = service.env.filter((e) => {
      const eq = e.indexOf('=');
      return (eq < 0 ? e : e.slice(0, eq)) !== key;
    });
    if (kept.length !== service.env.length) setEnv(ctx.store, service, kept);
    return json(200, {});
  });

  router.get(`${BASE}/container_logs`, (req, ctx) => {
    const service = loadService(ctx, req.auth, req.params);
    return containerLogsResponse(req, ctx, { services: [service], instanceFilter: true, containerFilter: true });
  });

  router.get(`${BASE}/event_logs`, (req, ctx) => {
    const service = loadService(ctx, req.auth, req.params);
    return eventLogsResponse(req, ctx, { kind: 'service', service });
  });
}
