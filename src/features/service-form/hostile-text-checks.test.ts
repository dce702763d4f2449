// What the form says about any text, whatever its field (found by the fuzz pass, #15
// item 7): a broken character (a lone surrogate) blocks saving at its input; control
// characters, which the master turns into spaces (docs/kontena-api.md §3.1), and blanks it
// strips from the end of an env entry, get a warning saying what it will store; a hidden
// input whose text is not sent is not checked.
import { describe, expect, it } from 'vitest';
import { emptyServiceForm, type ServiceForm } from './service-form-model';
import { validateServiceForm } from './validate-form';

const form = (patch: Partial<ServiceForm>): ServiceForm => ({ ...emptyServiceForm(), name: 'web', image: 'nginx', ...patch });
const create = { mode: 'create' } as const;

describe('any text of the form', () => {
  it('with a broken character is refused at its input', () => {
    expect(validateServiceForm(form({ user: 'a\uD800b' }), create).errors).toEqual([
      {
        path: 'user',
        message: 'This text has a broken character (half of a surrogate pair) in “a\\u{D800}b”: delete it and type the text again',
      },
    ]);
    expect(validateServiceForm(form({ env: [{ key: 'K', value: 'a\uDC00' }] }), create).errors.map((e) => e.path)).toEqual(['env.0.value']);
  });

  it('with control characters is sent, with a warning saying what the master stores', () => {
    const check = validateServiceForm(form({ user: 'a\u0000b', logDriver: 'x\u001b[0m' }), create);
    expect(check.errors).toEqual([]);
    expect(check.warnings).toEqual([
      { path: 'user', message: 'The master turns control characters into spaces: it stores “a b”' },
      { path: 'logDriver', message: 'The master turns control characters into spaces: it stores “x [0m”' },
    ]);
  });

  it('in an input that is hidden and not sent is not looked at', () => {
    expect(validateServiceForm(form({ netMode: 'bridge', netContainer: 'a\uD800' }), create).errors).toEqual([]);
    expect(
      validateServiceForm(
        form({ healthCheck: { protocol: 'tcp', port: '80', uri: 'a\uD800', timeout: '', interval: '', initialDelay: '' } }),
        create,
      ).errors,
    ).toEqual([]);
  });

  it('an env value ending in blanks is warned about: the master strips them', () => {
    expect(validateServiceForm(form({ env: [{ key: 'PASSWORD', value: 'secret  ' }] }), create).warnings).toEqual([
      { path: 'env.0.value', message: 'The master strips blanks from the ends of an entry: PASSWORD is stored as “secret”' },
    ]);
  });

  it('a log option whose name holds = is refused at the name, not split into another name and value', () => {
    expect(validateServiceForm(form({ logOpts: [{ key: 'a=b', value: 'c' }] }), create).errors).toEqual([
      { path: 'logOpts.0.key', message: 'Invalid log option name a=b: a name cannot contain =' },
    ]);
  });

  it('a : in a link’s alias or a secret’s variable is that input’s, not a separator', () => {
    expect(validateServiceForm(form({ links: [{ target: 'redis', alias: 'a:b' }] }), create).errors.map((e) => e.path)).toEqual([
      'links.0.alias',
    ]);
    const secret = validateServiceForm(form({ secrets: [{ secret: 'DB_PASSWORD', name: 'A:B' }] }), create);
    expect(secret.errors).toEqual([]);
    expect(secret.warnings.map((w) => w.path)).toEqual(['secrets.0.name']);
  });
});
