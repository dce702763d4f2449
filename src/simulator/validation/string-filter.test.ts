// The simulated master keeps a string input as the real one does (docs/kontena-api.md §3.1,
// the `mutations` StringFilter): runs of what Ruby's [[:print:]] leaves out (controls
// other than tab/CR/LF, U+2028/U+2029, surrogates) become one space, format characters
// (U+202E, U+200B, an emoji's ZWJ) stay, and only ASCII blanks are stripped.
import { describe, expect, it } from 'vitest';
import { HOSTILE_CASES } from '../../../test/app/hostile-strings';
import { createTestMaster, obj } from '../../../test/simulator/test-support';
import { string } from './filters';

describe('a string input, hostile text included', () => {
  it.each(HOSTILE_CASES)('%s', (_, hostile) => {
    const out = string().run(hostile.value, 'user');
    expect(out).toEqual(hostile.masterStores === null ? { ok: false, symbol: 'empty' } : { ok: true, value: hostile.masterStores });
  });

  it.each([
    ['keeps a no-break space and U+3000 at the ends (Ruby strips ASCII blanks only)', '\u00A0a\u3000', '\u00A0a\u3000'],
    ['turns a line separator into a space', 'a\u2028b', 'a b'],
    ['keeps a byte-order mark and private-use characters', '\uFEFFa\uE000', '\uFEFFa\uE000'],
    ['turns a run of controls into one space', 'a\u0001\u0002\u0003b', 'a b'],
  ])('%s', (_, raw, kept) => {
    expect(string().run(raw, 'user')).toEqual({ ok: true, value: kept });
  });

  it('is what POST …/envs stores, emoji sequences whole', async () => {
    const t = await createTestMaster({ live: false });
    try {
      for (const entry of ['E1=👩‍💻👨‍👩‍👧‍👦', 'E2=a\u0000b', 'E3=invoice\u202Etxt']) {
        expect((await t.api('POST', '/v1/services/production/null/redis/envs', { body: { env: entry } })).status).toBe(200);
      }
      const env = obj((await t.api('GET', '/v1/services/production/null/redis')).body).env;
      expect(env).toEqual(expect.arrayContaining(['E1=👩‍💻👨‍👩‍👧‍👦', 'E2=a b', 'E3=invoice\u202Etxt']));
    } finally {
      t.master.dispose();
    }
  });
});
