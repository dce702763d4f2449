/**
 * Which services use a grid's vault secrets. The master has no such endpoint: it is
 * read from each service's `secrets` list (docs/kontena-api.md §4.9).
 */
interface ServiceWithSecrets {
  id: string;
  name: string;
  stack: { name: string };
  secrets: readonly { secret: string; name: string }[];
}

export interface SecretUse {
  /** The service's "G/S/N" id. */
  serviceId: string;
  stack: string;
  service: string;
  /** The environment variable the secret is injected as. */
  envName: string;
}

/** Every use of each secret, keyed by secret name; services in list order. */
export function secretUsage(services: readonly ServiceWithSecrets[]): Map<string, SecretUse[]> {
  const usage = new Map<string, SecretUse[]>();
  for (const service of services) {
    for (const link of service.secrets) {
      const uses = usage.get(link.secret) ?? [];
      uses.push({ serviceId: service.id, stack: service.stack.name, service: service.name, envName: link.name });
      usage.set(link.secret, uses);
    }
  }
  return usage;
}
