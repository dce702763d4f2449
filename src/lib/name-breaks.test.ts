import { describe, expect, it } from 'vitest';
import { nameSegments } from './name-breaks';

describe('where a DNS name or an id may wrap', () => {
  it.each([
    ['api.production.kontena.local', ['api.', 'production.', 'kontena.', 'local']],
    ['api-1.production.kontena.local', ['api-1.', 'production.', 'kontena.', 'local']],
    ['production/null/api', ['production/', 'null/', 'api']],
    ['monitoring/node-exporter', ['monitoring/', 'node-exporter']],
    ['redis', ['redis']],
    ['', ['']],
    ['trailing.', ['trailing.']],
    ['.leading', ['.leading']],
    ['a..b//c', ['a..', 'b//', 'c']],
  ])('%j → %j', (text, segments) => {
    expect(nameSegments(text)).toEqual(segments);
    expect(segments.join('')).toBe(text);
  });
});
