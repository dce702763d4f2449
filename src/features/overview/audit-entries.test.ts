import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../api/audit';
import { auditEntryPath, newestFirst, resourceWord } from './audit-entries';

const entry = (time: string, resource_name: string | null, resource_type = 'GridService'): AuditEntry =>
  ({
    time,
    grid: 'production',
    grid_id: 'g1',
    service: '',
    resource_type,
    resource_name,
    resource_id: 'r1',
    event_name: 'update',
    event_status: 'success',
    source_ip: '127.0.0.1',
    user_agent: null,
    user_identity: { id: 'u1', email: 'admin' },
  }) as AuditEntry;

describe('audit entries on the overview', () => {
  it('lists the newest first, keeping the master’s order (newest last) within one moment', () => {
    const a = entry('2017-04-06T14:00:00.000Z', 'a');
    const b = entry('2017-04-06T14:00:01.000Z', 'b');
    const c = entry('2017-04-06T14:00:01.000Z', 'c');
    expect(newestFirst([a, b, c]).map((e) => e.resource_name)).toEqual(['c', 'b', 'a']);
  });

  it('links each entry to the audit trail narrowed to its resource, by exact name', () => {
    const path = auditEntryPath('production', entry('2017-04-06T14:00:00.000Z', 'web'));
    expect(path.startsWith('/grids/production/audit?')).toBe(true);
    const params = new URLSearchParams(path.split('?')[1]);
    expect(params.get('type')).toBe('GridService');
    expect(params.get('resource')).toBe('"web"');
    expect(auditEntryPath('production', entry('2017-04-06T14:00:00.000Z', null, 'Grid'))).toBe('/grids/production/audit?type=Grid');
  });

  it('says the resource types in words', () => {
    expect(resourceWord('HostNode')).toBe('node');
    expect(resourceWord('Volume')).toBe('Volume');
  });
});
