import { describe, expect, it } from 'vitest';
import {
  eventNodeName,
  eventsLimit,
  eventTypeLabel,
  fromLocalInput,
  MAX_EVENTS,
  parseLines,
  readEventsView,
  toLocalInput,
  writeEventsView,
} from './event-view';

describe('event columns', () => {
  it('drops the service: prefix from the type, like the CLI', () => {
    expect(eventTypeLabel('service:deploy')).toBe('deploy');
    expect(eventTypeLabel('service:create_instance')).toBe('create_instance');
    expect(eventTypeLabel('scheduler')).toBe('scheduler');
    expect(eventTypeLabel(null)).toBe('—');
  });
  it('names the node by the last segment of its relationship id', () => {
    expect(
      eventNodeName({
        relationships: [
          { id: 'prod', type: 'grid' },
          { id: 'prod/node-1.example', type: 'node' },
        ],
      }),
    ).toBe('node-1.example');
    expect(eventNodeName({ relationships: [{ id: 'prod', type: 'grid' }] })).toBeNull();
  });
});

describe('the Lines box (--lines N)', () => {
  it.each([
    ['1', 1],
    ['37', 37],
    [' 250 ', 250],
    ['1000', 1000],
    ['1500', 1500],
    ['50000', 50000],
  ])('takes %j as %i, like the CLI', (text, value) => {
    expect(parseLines(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['', /Enter how many/],
    ['0', /1 or more/],
    ['-5', /not a whole number/],
    ['2.5', /not a whole number/],
    ['abc', /“abc” is not a whole number/],
    ['1e3', /not a whole number/],
    ['99999999999999999999', /too large/],
  ])('refuses %j with a message that says what to type', (text, message) => {
    const result = parseLines(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('asks the master for no more than the page keeps', () => {
    expect(eventsLimit(37)).toBe(37);
    expect(eventsLimit(50000)).toBe(MAX_EVENTS);
  });
});

describe('events view in the URL', () => {
  it('reads defaults, any number of lines like the CLI, and ignores a bad since or bad lines', () => {
    expect(readEventsView(new URLSearchParams(''))).toEqual({ lines: 100, since: null, follow: true });
    expect(readEventsView(new URLSearchParams('lines=50000&since=nope&follow=0'))).toEqual({ lines: 50000, since: null, follow: false });
    expect(readEventsView(new URLSearchParams('lines=37'))).toMatchObject({ lines: 37 });
    expect(readEventsView(new URLSearchParams('lines=0'))).toMatchObject({ lines: 100 });
    expect(readEventsView(new URLSearchParams('lines=abc'))).toMatchObject({ lines: 100 });
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
