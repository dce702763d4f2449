// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ToastRegion } from './toast-region';
import { clearToasts, showToast, TOAST_MS } from './toasts';

afterEach(() => {
  cleanup();
  clearToasts();
  vi.useRealTimers();
});

describe('toasts', () => {
  it('a success goes after a while; an error stays until dismissed', () => {
    vi.useFakeTimers();
    render(<ToastRegion />);
    act(() => {
      showToast({ tone: 'success', title: 'Deploy of web started' });
      showToast({ tone: 'error', title: 'Stop of api failed', body: 'HTTP 500' });
    });
    expect(screen.getByText('Deploy of web started')).toBeVisible();
    expect(screen.getByText('HTTP 500')).toBeVisible();

    act(() => vi.advanceTimersByTime(TOAST_MS));
    expect(screen.queryByText('Deploy of web started')).toBeNull();
    expect(screen.getByText('Stop of api failed')).toBeVisible();

    fireEvent.click(screen.getByRole('button', { name: 'Dismiss: Stop of api failed' }));
    expect(screen.queryByText('Stop of api failed')).toBeNull();
  });

  it('an action runs once and takes its toast away', () => {
    const retry = vi.fn();
    render(<ToastRegion />);
    act(() => void showToast({ tone: 'error', title: 'Stop of api failed', action: { label: 'Retry', onAction: retry } }));
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(retry).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('Stop of api failed')).toBeNull();
  });
});
