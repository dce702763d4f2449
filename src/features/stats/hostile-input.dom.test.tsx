// @vitest-environment jsdom
// The fuzz pass over the stats window picker (#15 item 7): every hostile string into the
// custom From and To boxes. A time box holds a time or nothing, so each attempt is
// refused with the reason and no window is asked for.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { HOSTILE_STRINGS, injectedMarkup } from '../../../test/app/hostile-strings';
import { WindowPicker } from './window-picker';

afterEach(cleanup);

describe('the custom window', () => {
  it.each(['From', 'To'])('refuses any hostile text in %s and asks for no window', (label) => {
    const onChange = vi.fn();
    render(<WindowPicker window={{ kind: '1h' }} now={Date.parse('2017-04-06T16:00:00Z')} onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: 'Custom…' }));
    const box = screen.getByLabelText(label);
    for (const hostile of HOSTILE_STRINGS) {
      fireEvent.change(box, { target: { value: hostile.value } });
      fireEvent.click(screen.getByRole('button', { name: 'Show' }));
      expect(screen.getByRole('alert'), hostile.id).toBeVisible();
      expect(box).toHaveAttribute('aria-invalid', 'true');
      expect(injectedMarkup(document.body), hostile.id).toEqual([]);
    }
    expect(onChange).not.toHaveBeenCalled();
  });
});
