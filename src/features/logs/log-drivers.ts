/**
 * Docker log drivers the Kontena agent can read back (`docker logs` works only with
 * these), so the master receives the container's output. With any other driver
 * (syslog, fluentd, gelf, awslogs, splunk, none…) the output goes elsewhere.
 */
const READABLE = new Set(['json-file', 'journald', 'local']);

/** null (the node's default, json-file) or a readable driver. */
export function driverStreamsToMaster(driver: string | null | undefined): boolean {
  return driver === null || driver === undefined || driver === '' || READABLE.has(driver);
}
