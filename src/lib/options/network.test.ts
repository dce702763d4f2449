import { describe, expect, it } from 'vitest';
import { parseNet, parsePid } from './network';

describe('parseNet (/^(bridge|host|container:.+)$/)', () => {
  it.each(['bridge', 'host', 'container:web-1', 'container:web-%s'])('%j is valid', (net) => {
    expect(parseNet(net)).toEqual({ ok: true, value: net });
  });

  it.each(['none', 'container:', 'Host', '', 'overlay'])('%j is refused', (net) => {
    expect(parseNet(net)).toEqual({
      ok: false,
      error: `Net isn't in the right format: use bridge, host or container:<name>, not '${net}'`,
    });
  });
});

describe('parsePid', () => {
  it.each([
    ['host', { ok: true, value: 'host' }],
    ['container', { ok: false, error: "Pid isn't in the right format: the only value is host, not 'container'" }],
    ['', { ok: false, error: "Pid isn't in the right format: the only value is host, not ''" }],
  ])('%j → %j', (value, result) => {
    expect(parsePid(value)).toEqual(result);
  });
});
