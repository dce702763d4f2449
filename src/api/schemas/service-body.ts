/**
 * Request bodies of `POST /v1/grids/G/services` and `PUT /v1/services/G/S/N`
 * (kontena-api.md §5). They are defined once, in lib/options/service-body.ts, where the
 * option parsers and the CLI command reader build them; the api names are kept here.
 */
export type {
  DeployOptsBody,
  HealthCheckBody,
  HookBody,
  LinkBody as ServiceLinkBody,
  PortBody as ServicePortBody,
  SecretBody as ServiceSecretBody,
  ServiceCommonBody,
  ServiceCreateBody,
  ServiceUpdateBody,
} from '../../lib/options/service-body';
