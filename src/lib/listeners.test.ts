import { describe, expect, it, vi } from 'vitest';
import { createListeners } from './listeners';

describe('createListeners', () => {
  it('tells every listener, with the arguments, until it unsubscribes', () => {
    const listeners = createListeners<[string, number]>();
    const a = vi.fn();
    const b = vi.fn();
    const offA = listeners.subscribe(a);
    listeners.subscribe(b);
    listeners.notify('x', 1);
    offA();
    listeners.notify('y', 2);
    expect(a.mock.calls).toEqual([['x', 1]]);
    expect(b.mock.calls).toEqual([
      ['x', 1],
      ['y', 2],
    ]);
    expect(listeners.size()).toBe(1);
  });

  it('a listener that unsubscribes another while being told does not stop this round', () => {
    const listeners = createListeners();
    const calls: string[] = [];
    let offSecond = (): void => undefined;
    listeners.subscribe(() => {
      calls.push('first');
      offSecond();
    });
    offSecond = listeners.subscribe(() => calls.push('second'));
    listeners.notify();
    listeners.notify();
    expect(calls).toEqual(['first', 'second', 'first']);
  });

  it('a listener added while being told hears the next round, not this one', () => {
    const listeners = createListeners();
    const late = vi.fn();
    listeners.subscribe(() => {
      listeners.subscribe(late);
    });
    listeners.notify();
    expect(late).not.toHaveBeenCalled();
    listeners.notify();
    expect(late).toHaveBeenCalledTimes(1);
  });

  it('clear forgets everyone', () => {
    const listeners = createListeners();
    const a = vi.fn();
    listeners.subscribe(a);
    listeners.clear();
    listeners.notify();
    expect(a).not.toHaveBeenCalled();
    expect(listeners.size()).toBe(0);
  });
});
