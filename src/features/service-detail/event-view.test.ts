import { describe, expect, it } from 'vitest';
import { eventNodeName, eventTypeLabel, fromLocalInput, readEventsView, toLocalInput, writeEventsView } from './event-view';

describe('event columns', () => {
  it('drops the service: prefix from the type, like the CLI', () => {
    expect(eventTypeLabel('service:deploy')).toBe('deploy');
    expect(eventTypeLabel('service:create_instance')).toBe('create_instance');
    expect(eventTypeLabel('scheduler')).toBe('scheduler');
    expect(eventTypeLabel(null)).toBe('—');
  });
  it('names the node by the last segment of its relationship id', () => {
    expect(eventNodeName({ relationships: [{ id: 'prod', type: 'grid' }, { id: 'prod/node-1.example', type: 'node' }] })).toBe('node-1.example');
    expect(eventNodeName({ relationships: [{ id: 'prod', type: 'grid' }] })).toBeNull();
  });
});

describe('events view in the URL', () => {
  it('reads defaults, clamps lines and ignores a bad since', () => {
    expect(readEventsView(new URLSearchParams(''))).toEqual({ lines: 100, since: null, follow: true });
    expect(readEventsView(new URLSearchParams('lines=50000&since=nope&follow=0'))).toEqual({ lines: 1000, since: null, follow: false });
    expect(readEventsView(new URLSearchParams('lines=0'))).toMatchObject({ lines: 1 });
    expect(readEventsView(new URLSearchParams('since=2017-04-06T12:00:00Z')).since).toBe('2017-04-06T12:00:00.000Z');
  });
  it('writes only what differs from the defaults and keeps other params', () => {
    expect(writeEventsView(new URLSearchParams('x=1'), { lines: 100, since: null, follow: true }).toString()).toBe('x=1');
    expect(writeEventsView(new URLSearchParams(''), { lines: 20, since: '2017-04-06T12:00:00.000Z', follow: false }).toString()).toBe(
      'lines=20&since=2017-04-06T12%3A00%3A00.000Z&follow=0',
    );
  });
  it('round-trips a local date-time input', () => {
    const iso = new Date(2017, 3, 6, 9, 5, 7).toISOString();
    expect(toLocalInput(iso)).toBe('2017-04-06T09:05:07');
    expect(fromLocalInput('2017-04-06T09:05:07')).toBe(iso);
    expect(fromLocalInput('')).toBeNull();
    expect(toLocalInput(null)).toBe('');
    expect(toLocalInput('not a time')).toBe('');
  });
});
