// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { BreakableName } from './breakable-name';

describe('BreakableName', () => {
  it.each([
    ['api-1.production.kontena.local', 3],
    ['production/null/api', 2],
    ['redis', 0],
  ])('%s reads as one string with %i break opportunities, after its dots and slashes', (text, breaks) => {
    const { container } = render(<BreakableName text={text} />);
    expect(container.textContent).toBe(text);
    const wbrs = [...container.querySelectorAll('wbr')];
    expect(wbrs).toHaveLength(breaks);
    for (const wbr of wbrs) expect(wbr.previousSibling?.textContent).toMatch(/[./]$/);
  });
});
