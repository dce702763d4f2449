// The events tab's Lines box and URL parameters with hostile input (#15 item 7): only a
// whole number from 1 is lines, the refusal quotes the text safely, and whatever a link
// says, the view is whole lines, a real time or none, and a follow flag.
import { describe, expect, it } from 'vitest';
import { HOSTILE_CASES } from '../../../test/app/hostile-strings';
import { parseLines, readEventsView } from './event-view';

const HIDDEN = /\p{Cc}|\p{Cs}|\p{Zl}|\p{Zp}|(?![\u200C\u200D])\p{Cf}/u;

describe('the Lines box', () => {
  it.each(HOSTILE_CASES)('%s is refused, with a message safe to show', (_, { value }) => {
    const lines = parseLines(value);
    expect(lines.ok).toBe(false);
    if (!lines.ok) {
      expect(lines.error).not.toMatch(HIDDEN);
      expect(lines.error.length).toBeLessThan(200);
    }
  });
});

describe('the view from a link', () => {
  it.each(HOSTILE_CASES)('%s in every parameter gives the defaults or valid values', (_, { value }) => {
    const view = readEventsView(new URLSearchParams({ lines: value, since: value, follow: value }));
    expect(view.lines).toBe(100);
    expect(view.since === null || !Number.isNaN(Date.parse(view.since))).toBe(true);
    expect(typeof view.follow).toBe('boolean');
  });
});
