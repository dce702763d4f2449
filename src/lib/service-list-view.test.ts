import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, parseListView, writeListView } from './service-list-view';

const parse = (qs: string) => parseListView(new URLSearchParams(qs));

describe('list view in the URL', () => {
  it('an empty query is the default view, and the default view writes an empty query', () => {
    expect(parse('')).toEqual(DEFAULT_VIEW);
    expect(writeListView(DEFAULT_VIEW).toString()).toBe('');
  });

  it.each([
    ['q=redis', { q: 'redis' }],
    ['state=running,stopped', { states: ['running', 'stopped'] }],
    ['state=running,,running', { states: ['running'] }],
    ['stack=null', { stack: 'null' }],
    ['stack=', { stack: null }],
    ['sort=updated', { sort: 'updated', dir: 'desc' }],
    ['sort=updated&dir=asc', { sort: 'updated', dir: 'asc' }],
    ['sort=image&dir=desc', { sort: 'image', dir: 'desc' }],
    ['sort=bogus&dir=sideways', { sort: 'name', dir: 'asc' }],
    ['refresh=0', { refresh: 0 }],
    ['refresh=30', { refresh: 30 }],
    ['refresh=7', { refresh: 5 }],
    ['refresh=abc', { refresh: 5 }],
  ])('%s', (qs, expected) => {
    expect(parse(qs)).toEqual({ ...DEFAULT_VIEW, ...expected });
  });

  it('round-trips a full view and keeps other parameters', () => {
    const view = { q: 'api', states: ['running'], stack: 'shop', sort: 'health' as const, dir: 'desc' as const, refresh: 0 };
    const params = writeListView(view, new URLSearchParams('other=1'));
    expect(params.get('other')).toBe('1');
    expect(parseListView(params)).toEqual(view);
  });

  it('leaves the default direction of a column out of the URL', () => {
    expect(writeListView({ ...DEFAULT_VIEW, sort: 'updated', dir: 'desc' }).toString()).toBe('sort=updated');
    expect(writeListView({ ...DEFAULT_VIEW, dir: 'desc' }).toString()).toBe('dir=desc');
  });
});
