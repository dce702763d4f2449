/** A published port as `kontena service ls` prints it: `ip:node_port->container_port/protocol`. */
export interface PortMapping {
  ip: string;
  protocol: string;
  node_port: number;
  container_port: number;
}

function formatPort(port: PortMapping): string {
  return `${port.ip}:${port.node_port}->${port.container_port}/${port.protocol}`;
}

export function formatPorts(ports: readonly PortMapping[]): string {
  return ports.map(formatPort).join(', ');
}
