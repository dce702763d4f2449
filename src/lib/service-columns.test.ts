import { describe, expect, it } from 'vitest';
import { columnChars, MAX_COLUMN_CHARS } from './service-columns';

const row = (label: string, image: string, ports = '') => ({ label, ports, service: { image } });

describe('the services list’s text columns', () => {
  it.each([
    ['no services', [], { name: 8, image: 8, ports: 8 }],
    ['short values: room for the headers', [row('lb', 'redis')], { name: 8, image: 8, ports: 8 }],
    [
      'the longest of each column',
      [
        row('api', 'myorg/api:2.4.1'),
        row('monitoring/node-exporter', 'prom/node-exporter:v0.13.0'),
        row('lb', 'kontena/lb:latest', '0.0.0.0:80->80/tcp, 0.0.0.0:443->443/tcp'),
      ],
      { name: 24, image: 26, ports: 40 },
    ],
    [
      'one overlong value gives way',
      [row('x'.repeat(200), 'i'.repeat(61), 'p'.repeat(60))],
      { name: MAX_COLUMN_CHARS, image: MAX_COLUMN_CHARS, ports: 60 },
    ],
  ])('%s', (_, rows, chars) => {
    expect(columnChars(rows)).toEqual(chars);
  });
});
