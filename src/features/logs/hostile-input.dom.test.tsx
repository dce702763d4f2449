// @vitest-environment jsdom
// The fuzz pass over the log view's query bar and search (#15 item 7): every hostile
// string into Lines, the custom Since time and Search. Lines always becomes a whole
// number of lines from 1 to 10,000 (`2e3` is 2000, as the number box means it); a time
// the box cannot hold changes nothing; a search is any text, taken as typed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { HOSTILE_STRINGS, injectedMarkup } from '../../../test/app/hostile-strings';
import { DEFAULT_LOG_VIEW_OPTIONS, MAX_LINES } from '../../lib/log-view-options';
import { LogQueryBar } from './log-query-bar';
import { LogSearch } from './log-search';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the query bar', () => {
  it('turns anything typed into Lines into 1 to 10,000 whole lines', () => {
    const onChange = vi.fn();
    render(<LogQueryBar options={DEFAULT_LOG_VIEW_OPTIONS} onChange={onChange} />);
    const lines = screen.getByLabelText('Lines');
    for (const hostile of HOSTILE_STRINGS) {
      onChange.mockClear();
      fireEvent.change(lines, { target: { value: hostile.value } });
      fireEvent.blur(lines);
      const [patch] = onChange.mock.calls.at(-1) ?? [];
      const sent = (patch as { lines?: number } | undefined)?.lines;
      expect(Number.isInteger(sent) && (sent ?? 0) >= 1 && (sent ?? 0) <= MAX_LINES, hostile.id).toBe(true);
    }
    expect(injectedMarkup(document.body)).toEqual([]);
  });

  it.each([
    ['2e3', 2000],
    // Not a finite number: the box holds nothing, which is the default.
    ['1e309', 100],
    ['-0', 1],
    ['12.7', 12],
  ])('reads %j in Lines as %d lines', (typed, expected) => {
    const onChange = vi.fn();
    render(<LogQueryBar options={DEFAULT_LOG_VIEW_OPTIONS} onChange={onChange} />);
    const lines = screen.getByLabelText('Lines');
    fireEvent.change(lines, { target: { value: typed } });
    fireEvent.keyDown(lines, { key: 'Enter' });
    expect(onChange).toHaveBeenLastCalledWith({ lines: expected });
  });

  it('changes nothing for a custom Since time the box cannot hold', () => {
    const onChange = vi.fn();
    render(<LogQueryBar options={{ ...DEFAULT_LOG_VIEW_OPTIONS, since: '2017-04-06T15:38:17.000Z' }} onChange={onChange} />);
    const since = screen.getByLabelText('Since (local time)');
    for (const hostile of HOSTILE_STRINGS) fireEvent.change(since, { target: { value: hostile.value } });
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe('the search', () => {
  it('takes any text as typed, and shows it as text', () => {
    vi.useFakeTimers();
    const onQuery = vi.fn();
    render(<LogSearch query="" grep={false} results={null} onQuery={onQuery} onGrep={vi.fn()} onFind={vi.fn()} />);
    const search = screen.getByRole('searchbox', { name: 'Search' });
    for (const hostile of HOSTILE_STRINGS) {
      fireEvent.change(search, { target: { value: hostile.value } });
      const typed = (search as HTMLInputElement).value;
      act(() => vi.advanceTimersByTime(250));
      expect(onQuery, hostile.id).toHaveBeenLastCalledWith(typed);
      expect(injectedMarkup(document.body), hostile.id).toEqual([]);
    }
  });
});
