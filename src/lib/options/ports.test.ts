import { describe, expect, it } from 'vitest';
import { formatPort, parsePort, parsePortCli, portToCli, portWithDefaults } from './ports';

describe('parsePortCli (the CLI parse_ports, quirks included)', () => {
  it.each([
    ['8080:80', { ip: '0.0.0.0', node_port: '8080', container_port: '80', protocol: 'tcp' }],
    ['53:53/udp', { ip: '0.0.0.0', node_port: '53', container_port: '53', protocol: 'udp' }],
    ['127.0.0.1:8080:80', { ip: '127.0.0.1', node_port: '8080', container_port: '80', protocol: 'tcp' }],
    // Extra fields before the last three are dropped silently.
    ['a:b:80:81', { ip: 'b', node_port: '80', container_port: '81', protocol: 'tcp' }],
    // A trailing ':' disappears (Ruby split), a leading one gives an empty ip.
    ['80:81:', { ip: '0.0.0.0', node_port: '80', container_port: '81', protocol: 'tcp' }],
    [':80:81', { ip: '', node_port: '80', container_port: '81', protocol: 'tcp' }],
    ['x:y/sctp/z', { ip: '0.0.0.0', node_port: 'x', container_port: 'y', protocol: 'sctp' }],
  ])('%s → %j', (value, port) => {
    expect(parsePortCli(value)).toEqual({ ok: true, value: port });
  });

  it.each(['80', '', '80:', '/udp', ':'])('%j → Invalid port value', (value) => {
    expect(parsePortCli(value)).toEqual({ ok: false, error: `Invalid port value ${value}` });
  });
});

describe('parsePort', () => {
  it.each([
    ['8080:80', { ip: '0.0.0.0', node_port: 8080, container_port: 80, protocol: 'tcp' }],
    [' 8080:80 ', { ip: '0.0.0.0', node_port: 8080, container_port: 80, protocol: 'tcp' }],
    ['53:53/udp', { ip: '0.0.0.0', node_port: 53, container_port: 53, protocol: 'udp' }],
    ['10.0.0.1:443:8443/tcp', { ip: '10.0.0.1', node_port: 443, container_port: 8443, protocol: 'tcp' }],
    ['1:65535', { ip: '0.0.0.0', node_port: 1, container_port: 65535, protocol: 'tcp' }],
  ])('%j → %j', (value, port) => {
    expect(parsePort(value)).toEqual({ ok: true, value: port });
  });

  it.each([
    ['80', 'Invalid port value 80'],
    ['', 'Invalid port value '],
    ['a:b:80:81', 'Invalid port value a:b:80:81: use [ip:]node_port:container_port[/protocol], e.g. 8080:80 or 127.0.0.1:8080:80/udp'],
    ['80:81:', 'Invalid port value 80:81:: use [ip:]node_port:container_port[/protocol], e.g. 8080:80 or 127.0.0.1:8080:80/udp'],
    [':80:81', 'Invalid port value :80:81: use [ip:]node_port:container_port[/protocol], e.g. 8080:80 or 127.0.0.1:8080:80/udp'],
    ['80:81/', 'Invalid port value 80:81/: use [ip:]node_port:container_port[/protocol], e.g. 8080:80 or 127.0.0.1:8080:80/udp'],
    ['80:81/udp/x', 'Invalid port value 80:81/udp/x: use [ip:]node_port:container_port[/protocol], e.g. 8080:80 or 127.0.0.1:8080:80/udp'],
    ['300.0.0.1:80:80', "Invalid IP address '300.0.0.1' in port value 300.0.0.1:80:80: use an IPv4 address such as 0.0.0.0"],
    ['localhost:80:80', "Invalid IP address 'localhost' in port value localhost:80:80: use an IPv4 address such as 0.0.0.0"],
    ['0:80', "Node port must be a port number from 1 to 65535, not '0'"],
    ['70000:80', "Node port must be a port number from 1 to 65535, not '70000'"],
    ['http:80', "Node port must be a port number from 1 to 65535, not 'http'"],
    ['80:1.5', "Container port must be a port number from 1 to 65535, not '1.5'"],
    ['80:-1', "Container port must be a port number from 1 to 65535, not '-1'"],
    ['80:80/sctp', "Invalid protocol 'sctp' in port value 80:80/sctp: use tcp or udp"],
    ['80:80/TCP', "Invalid protocol 'TCP' in port value 80:80/TCP: use tcp or udp"],
  ])('%j → %s', (value, error) => {
    expect(parsePort(value)).toEqual({ ok: false, error });
  });
});

describe('formatPort', () => {
  it.each([
    [{ ip: '0.0.0.0', node_port: 8080, container_port: 80, protocol: 'tcp' }, '8080:80'],
    [{ node_port: 8080, container_port: 80 }, '8080:80'],
    [{ ip: '0.0.0.0', node_port: 53, container_port: 53, protocol: 'udp' }, '53:53/udp'],
    [{ ip: '127.0.0.1', node_port: 8080, container_port: 80, protocol: 'tcp' }, '127.0.0.1:8080:80'],
    [{ ip: '127.0.0.1', node_port: 8080, container_port: 80, protocol: 'udp' }, '127.0.0.1:8080:80/udp'],
    [{ ip: '0.0.0.0', node_port: '8080', container_port: '80', protocol: 'tcp' }, '8080:80'],
  ])('%j → %s', (port, text) => {
    expect(formatPort(port)).toBe(text);
  });

  it('reads back what it writes', () => {
    for (const text of ['8080:80', '53:53/udp', '127.0.0.1:8080:80', '127.0.0.1:1:2/udp']) {
      const parsed = parsePort(text);
      expect(parsed.ok && formatPort(parsed.value)).toBe(text);
    }
  });
});

describe('port forms', () => {
  it('fills the defaults of a body port', () => {
    expect(portWithDefaults({ node_port: 1, container_port: 2 })).toEqual({
      ip: '0.0.0.0',
      node_port: 1,
      container_port: 2,
      protocol: 'tcp',
    });
  });

  it('gives the CLI wire form with string ports', () => {
    expect(portToCli({ ip: '0.0.0.0', node_port: 8080, container_port: 80, protocol: 'tcp' })).toEqual({
      ip: '0.0.0.0',
      container_port: '80',
      node_port: '8080',
      protocol: 'tcp',
    });
  });
});
