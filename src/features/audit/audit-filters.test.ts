import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../api/audit';
import { filterNewestFirst, formatAuditSearch, NO_FILTERS, parseAuditFilters } from './audit-filters';

function entry(at: string, type: string, name: string | null, event: string, email = 'admin'): AuditEntry {
  return {
    time: at,
    grid: 'g',
    grid_id: 'gid',
    service: '',
    resource_type: type,
    resource_name: name,
    resource_id: `${type}-${name ?? ''}`,
    event_name: event,
    event_status: 'success',
    source_ip: '127.0.0.1',
    user_agent: null,
    user_identity: { id: email, email },
  };
}

// Oldest first, as the master sends them.
const log = [
  entry('2017-04-06T12:00:00Z', 'GridService', 'web', 'create', 'alice@example.com'),
  entry('2017-04-06T12:01:00Z', 'GridService', 'web-2', 'deploy'),
  entry('2017-04-06T12:02:00Z', 'HostNode', 'node-1', 'remove node'),
  entry('2017-04-06T12:03:00Z', 'Grid', null, 'update'),
];
const events = (filters: Partial<typeof NO_FILTERS>) => filterNewestFirst(log, { ...NO_FILTERS, ...filters }).map((e) => e.event_name);

describe('audit filters', () => {
  it.each([
    [{}, ['update', 'remove node', 'deploy', 'create']],
    [{ user: 'ALICE' }, ['create']],
    [{ type: 'GridService' }, ['deploy', 'create']],
    [{ resource: 'web' }, ['deploy', 'create']],
    [{ resource: '"web"' }, ['create']],
    [{ resource: ' "WEB-2" ' }, ['deploy']],
    [{ action: 'remove node' }, ['remove node']],
    [{ type: 'HostNode', action: 'deploy' }, []],
  ])('%j narrows to %j, newest first', (filters, expected) => {
    expect(events(filters)).toEqual(expected);
  });

  it('round-trips through the URL, leaving defaults out and unknown limits at the default', () => {
    const filters = { user: 'a@b', type: 'HostNode', resource: '"n 1"', action: 'remove node', limit: 3000 };
    const search = formatAuditSearch(filters);
    expect(search).toBe('?user=a%40b&type=HostNode&resource=%22n+1%22&action=remove+node&limit=3000');
    expect(parseAuditFilters(new URLSearchParams(search))).toEqual(filters);
    expect(formatAuditSearch(NO_FILTERS)).toBe('');
    expect(parseAuditFilters(new URLSearchParams('limit=42')).limit).toBe(500);
  });
});
