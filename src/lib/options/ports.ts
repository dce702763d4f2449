import { parsePortNumber } from './integer';
import { fail, ok, type ParseResult } from './result';
import { rubySplit } from './ruby';
import type { PortBody } from './service-body';
import { shownValue } from './shown-value';

/** A published port with every default filled in. */
interface PortSpec {
  ip: string;
  node_port: number;
  container_port: number;
  protocol: string;
}

/** A port exactly as the CLI puts it on the wire: the port numbers are strings. */
interface CliPortSpec {
  ip: string;
  container_port: string;
  node_port: string;
  protocol: string;
}

const PORT_PROTOCOLS = ['tcp', 'udp'] as const;

/**
 * The CLI's `parse_ports` for one value, quirks included: it splits on `/` and then on
 * `:`, takes the last three fields from the end, silently drops anything before them,
 * and checks nothing but that both ports are present.
 */
export function parsePortCli(value: string): ParseResult<CliPortSpec> {
  const [port = '', protocol] = rubySplit(value, '/');
  const elements = rubySplit(port, ':');
  const containerPort = elements[elements.length - 1];
  const nodePort = elements[elements.length - 2];
  const ip = elements[elements.length - 3];
  if (containerPort === undefined || nodePort === undefined) return fail(`Invalid port value ${shownValue(value)}`);
  return ok({ ip: ip ?? '0.0.0.0', container_port: containerPort, node_port: nodePort, protocol: protocol ?? 'tcp' });
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/**
 * `[ip:]node_port:container_port[/protocol]` → a port with integer numbers, as the
 * dashboard sends it. Everything the CLI accepts silently but the master or Docker
 * would choke on (extra fields, a non-numeric port, an IPv6 address) is an error here.
 */
export function parsePort(raw: string): ParseResult<PortSpec> {
  const value = raw.trim();
  const cli = parsePortCli(value);
  if (!cli.ok) return cli;
  const [address = '', ...protocols] = value.split('/');
  const fields = address.split(':');
  if (protocols.length > 1 || protocols[0] === '' || fields.length > 3 || fields.includes('')) {
    return fail(
      `Invalid port value ${shownValue(value)}: use [ip:]node_port:container_port[/protocol], e.g. 8080:80 or 127.0.0.1:8080:80/udp`,
    );
  }
  const { ip, protocol } = cli.value;
  if (!IPV4.test(ip))
    return fail(`Invalid IP address '${shownValue(ip)}' in port value ${shownValue(value)}: use an IPv4 address such as 0.0.0.0`);
  const nodePort = parsePortNumber(cli.value.node_port, 'Node port');
  if (!nodePort.ok) return nodePort;
  const containerPort = parsePortNumber(cli.value.container_port, 'Container port');
  if (!containerPort.ok) return containerPort;
  if (!(PORT_PROTOCOLS as readonly string[]).includes(protocol)) {
    return fail(`Invalid protocol '${shownValue(protocol)}' in port value ${shownValue(value)}: use tcp or udp`);
  }
  return ok({ ip, node_port: nodePort.value, container_port: containerPort.value, protocol });
}

/** The CLI's wire form of a parsed port (numbers as strings). */
export function portToCli(port: PortSpec): CliPortSpec {
  return { ip: port.ip, container_port: String(port.container_port), node_port: String(port.node_port), protocol: port.protocol };
}

/** Fills the master's defaults (ip 0.0.0.0, protocol tcp) into a body port. */
export function portWithDefaults(port: PortBody): PortSpec {
  return { ip: port.ip ?? '0.0.0.0', node_port: port.node_port, container_port: port.container_port, protocol: port.protocol ?? 'tcp' };
}

/** The shortest `-p` value for a port: `0.0.0.0:8080:80/tcp` → `8080:80`. */
export function formatPort(port: PortBody | CliPortSpec): string {
  const ip = port.ip === undefined || port.ip === '0.0.0.0' ? '' : `${port.ip}:`;
  const protocol = port.protocol === undefined || port.protocol === 'tcp' ? '' : `/${port.protocol}`;
  return `${ip}${port.node_port}:${port.container_port}${protocol}`;
}
