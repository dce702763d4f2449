import { describe, expect, it } from 'vitest';
import { secretUsage } from './secret-usage';

describe('secretUsage', () => {
  it('lists each secret’s services with the env name it is injected as', () => {
    const usage = secretUsage([
      {
        id: 'g/null/api',
        name: 'api',
        stack: { name: 'null' },
        secrets: [
          { secret: 'DB', name: 'DATABASE_PASSWORD' },
          { secret: 'KEY', name: 'KEY' },
        ],
      },
      { id: 'g/shop/app', name: 'app', stack: { name: 'shop' }, secrets: [{ secret: 'DB', name: 'PGPASS' }] },
      { id: 'g/null/web', name: 'web', stack: { name: 'null' }, secrets: [] },
    ]);
    expect(usage.get('DB')).toEqual([
      { serviceId: 'g/null/api', stack: 'null', service: 'api', envName: 'DATABASE_PASSWORD' },
      { serviceId: 'g/shop/app', stack: 'shop', service: 'app', envName: 'PGPASS' },
    ]);
    expect(usage.get('KEY')?.map((u) => u.service)).toEqual(['api']);
    expect(usage.get('NOPE')).toBeUndefined();
  });
});
