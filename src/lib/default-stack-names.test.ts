import { describe, expect, it } from 'vitest';
import { withDefaultStackNames } from './default-stack-names';

describe('service names of the default stack in the master’s words', () => {
  it.each([
    ['Service null/api does not exist', 'Service api does not exist'],
    ['service production/null/api deployed', 'service api deployed'],
    ['null/redis is already linked', 'redis is already linked'],
    [
      'Cannot delete service that is linked to another service (null/web, shop/app)',
      'Cannot delete service that is linked to another service (web, shop/app)',
    ],
    ['“null/web” and ‘staging/null/api’', '“web” and ‘api’'],
    // Other stacks, and texts that merely contain "null/", stay as they are.
    ['Service shop/api does not exist', 'Service shop/api does not exist'],
    ['service production/shop/api deployed', 'service production/shop/api deployed'],
    ['mounted /dev/null/x read-only', 'mounted /dev/null/x read-only'],
    ['nullish/api', 'nullish/api'],
    ['value is null/', 'value is null/'],
    ['', ''],
  ])('%j → %j', (text, shown) => {
    expect(withDefaultStackNames(text)).toBe(shown);
  });
});
