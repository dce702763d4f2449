import { describe, expect, it } from 'vitest';
import { labelsText, parseLabelsInput } from './node-labels-input';

describe('parseLabelsInput', () => {
  it.each([
    ['', []],
    ['region=eu-west-1', ['region=eu-west-1']],
    ['region=eu\naz=a\n\n', ['region=eu', 'az=a']],
    ['region=eu, az=a role=edge', ['region=eu', 'az=a', 'role=edge']],
    ['  io.kontena/tier=db_1  ', ['io.kontena/tier=db_1']],
    // The value is everything after the first “=”, as docker reads an engine label.
    ['opts=a=b', ['opts=a=b']],
  ])('%j → %j', (text, labels) => {
    expect(parseLabelsInput(text)).toEqual({ ok: true, labels });
  });

  it.each([
    ['fast', '“fast” is not a label: write key=value, e.g. region=eu-west-1.'],
    ['=eu', '“=eu” has no key: write key=value.'],
    ['region=', '“region=” has no value: write key=value.'],
    ['-x=1', expect.stringMatching(/^“-x=1” is not a valid label/)],
    ['az=a\naz=a', '“az=a” is listed twice.'],
  ])('refuses %j', (text, message) => {
    expect(parseLabelsInput(text)).toEqual({ ok: false, message });
  });

  it('shows labels one a line, which reads back the same', () => {
    const labels = ['region=eu', 'az=a'];
    expect(parseLabelsInput(labelsText(labels))).toEqual({ ok: true, labels });
  });
});
