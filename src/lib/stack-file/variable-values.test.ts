import { describe, expect, it } from 'vitest';
import { buildStackInstallBody } from './build-stack-body';
import { parseStackFile, type ParsedStackFile } from './parse-stack-file';
import {
  checkVariableValues,
  describeVariables,
  type VariableCheck,
  type VariableContext,
  type VariableField,
  type VariableInput,
} from './variable-values';

const CONTEXT: VariableContext = { stackName: 'shop', grid: 'staging', random: () => 0 };

/** A stack file with these lines under `variables:` and one service that uses nothing. */
function fileWith(...variableLines: string[]): ParsedStackFile {
  const source = [
    'stack: test/shop',
    'variables:',
    ...variableLines.map((line) => `  ${line}`),
    'services:',
    '  web:',
    '    image: nginx',
    '',
  ].join('\n');
  const parsed = parseStackFile(source);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
  return parsed.value;
}

describe('describeVariables: the form’s fields', () => {
  it('a string with a prompt and a default', () => {
    const file = fileWith(
      'admin:',
      '  type: string',
      '  description: The first user',
      '  default: root',
      '  from:',
      '    prompt: Admin user name',
    );
    const expected: VariableField[] = [
      {
        name: 'admin',
        type: 'string',
        label: 'Admin user name',
        description: 'The first user',
        default: 'root',
        required: true,
        options: null,
        canBeOther: false,
        secret: false,
        generatedWhenEmpty: null,
      },
    ];
    expect(describeVariables(file, {}, CONTEXT)).toEqual(expected);
  });

  const rows: [title: string, lines: string[], expected: Record<string, unknown>[]][] = [
    [
      'label when there is no prompt',
      ['size:', '  type: integer', '  label: Size', '  default: 2'],
      [{ name: 'size', label: 'Size', default: 2, type: 'integer' }],
    ],
    ['required: false', ['note:', '  type: string', '  required: false'], [{ name: 'note', required: false }]],
    ['a boolean is never required (empty is false)', ['debug:', '  type: boolean'], [{ name: 'debug', required: false }]],
    [
      'enum options as a list',
      ['zone:', '  type: enum', '  default: 5.5', '  options:', '    - usa', '    - eu', '    - 5.5'],
      [
        {
          name: 'zone',
          default: '5.5',
          options: [
            { value: 'usa', label: 'usa', description: 'usa' },
            { value: 'eu', label: 'eu', description: 'eu' },
            { value: '5.5', label: '5.5', description: '5.5' },
          ],
        },
      ],
    ],
    [
      'enum options with labels, can be other',
      [
        'zone:',
        '  type: enum',
        '  can_be_other: true',
        '  options:',
        '    - value: eu',
        '      label: Europe',
        '      description: Frankfurt',
      ],
      [{ options: [{ value: 'eu', label: 'Europe', description: 'Frankfurt' }], canBeOther: true }],
    ],
    ['echo: false asks like a password', ['pw:', '  type: string', '  echo: false'], [{ name: 'pw', secret: true }]],
    ['a fixed value: is not asked', ['image:', '  type: string', '  value: mysql'], []],
    ['random before the prompt: not asked', ['pw:', '  type: string', '  from:', '    random_string: 16', '    prompt: Password'], []],
    [
      'prompt, then random: asked, and says what an empty answer gets',
      ['pw:', '  type: string', '  from:', '    prompt: Password', '    random_string: 16'],
      [{ name: 'pw', generatedWhenEmpty: 'a random 16-character text (alphanumeric)' }],
    ],
    [
      '${STACK} in a default',
      ['host:', '  type: string', '  default: db.${STACK}.${GRID}.kontena.local'],
      [{ default: 'db.shop.staging.kontena.local' }],
    ],
  ];
  it.each(rows)('%s', (_title, lines, expected) => {
    const fields = describeVariables(fileWith(...lines), {}, CONTEXT);
    expect(fields).toHaveLength(expected.length);
    expected.forEach((field, index) => expect(fields[index]).toMatchObject(field));
  });

  it('only_if hides a variable until its condition holds', () => {
    const file = fileWith('use_db:', '  type: boolean', 'db_host:', '  type: string', '  only_if: use_db');
    expect(describeVariables(file, {}, CONTEXT).map((f) => f.name)).toEqual(['use_db']);
    expect(describeVariables(file, { use_db: true }, CONTEXT).map((f) => f.name)).toEqual(['use_db', 'db_host']);
  });

  it('on upgrade the installed values are the defaults', () => {
    const file = fileWith('admin:', '  type: string', '  default: root');
    expect(describeVariables(file, {}, { ...CONTEXT, previousValues: { admin: 'alice' } })[0]?.default).toBe('alice');
  });
});

describe('checkVariableValues: types, required, enum, sources', () => {
  const rows: [title: string, lines: string[], input: VariableInput, expected: Record<string, unknown>][] = [
    ['the default when the answer is empty', ['a:', '  type: string', '  default: x'], { a: '' }, { values: { a: 'x' } }],
    ['the answer over the default', ['a:', '  type: string', '  default: x'], { a: 'y' }, { values: { a: 'y' } }],
    ['required and empty', ['a:', '  type: string'], {}, { errors: { a: 'a needs a value' } }],
    ['blank is empty (empty_is_nil)', ['a:', '  type: string'], { a: '   ' }, { errors: { a: 'a needs a value' } }],
    ['required: false and empty → null', ['a:', '  type: string', '  required: false'], {}, { values: { a: null } }],
    ['string transformations', ['a:', '  type: string', '  upcase: true', '  strip: true'], { a: ' abc ' }, { values: { a: 'ABC' } }],
    ['min_length', ['a:', '  type: string', '  min_length: 8'], { a: 'short' }, { errors: { a: 'a is too short: at least 8 characters' } }],
    ['max_length', ['a:', '  type: string', '  max_length: 2'], { a: 'long' }, { errors: { a: 'a is too long: at most 2 characters' } }],
    ['integer', ['n:', '  type: integer'], { n: '3' }, { values: { n: 3 } }],
    ['integer default from the file', ['n:', '  type: integer', '  default: 2'], {}, { values: { n: 2 } }],
    ['integer not a number', ['n:', '  type: integer'], { n: 'three' }, { errors: { n: 'n must be a whole number, not "three"' } }],
    ['integer below the default min 0', ['n:', '  type: integer'], { n: '-1' }, { errors: { n: 'n must be at least 0' } }],
    ['integer max', ['n:', '  type: integer', '  max: 5'], { n: '9' }, { errors: { n: 'n must be at most 5' } }],
    ['boolean truthy words', ['b:', '  type: boolean'], { b: 'Yes' }, { values: { b: true } }],
    ['boolean anything else is false', ['b:', '  type: boolean'], { b: 'nope' }, { values: { b: false } }],
    ['boolean empty is false', ['b:', '  type: boolean'], {}, { values: { b: false } }],
    ['boolean from a checkbox', ['b:', '  type: boolean', '  default: false'], { b: true }, { values: { b: true } }],
    [
      'enum keeps the option’s own value',
      ['v:', '  type: enum', '  options:', '    - 5.5', '    - latest'],
      { v: '5.5' },
      { values: { v: 5.5 } },
    ],
    [
      'enum not an option',
      ['v:', '  type: enum', '  options:', '    - a', '    - b'],
      { v: 'c' },
      { errors: { v: 'v must be one of a, b' } },
    ],
    ['enum can be other', ['v:', '  type: enum', '  can_be_other: true', '  options:', '    - a'], { v: 'c' }, { values: { v: 'c' } }],
    ['uri http(s) by default', ['u:', '  type: uri'], { u: 'https://example.com' }, { values: { u: 'https://example.com' } }],
    [
      'uri other scheme',
      ['u:', '  type: uri'],
      { u: 'ftp://example.com' },
      { errors: { u: 'u must be a URI starting with http:// or https://' } },
    ],
    [
      'uri schemes option',
      ['u:', '  type: uri', '  schemes:', '    - redis'],
      { u: 'redis://r:6379' },
      { values: { u: 'redis://r:6379' } },
    ],
    ['in:', ['a:', '  type: string', '  in:', '    - x', '    - y'], { a: 'z' }, { errors: { a: 'a must be one of x, y' } }],
    ['a fixed value: wins over the answer', ['a:', '  type: string', '  value: fixed'], { a: 'typed' }, { values: { a: 'fixed' } }],
    ['random_string (test random)', ['pw:', '  type: string', '  from:', '    random_string: 4'], {}, { values: { pw: '0000' } }],
    [
      'random_string charset',
      ['pw:', '  type: string', '  from:', '    random_string:', '      length: 3', '      charset: upcase'],
      {},
      { values: { pw: 'AAA' } },
    ],
    ['random_number', ['n:', '  type: integer', '  from:', '    random_number:', '      min: 5', '      max: 9'], {}, { values: { n: 5 } }],
    [
      'prompt answered, random unused',
      ['pw:', '  type: string', '  from:', '    prompt: Password', '    random_string: 4'],
      { pw: 'secret' },
      { values: { pw: 'secret' } },
    ],
    [
      'interpolate from other values',
      [
        'name:',
        '  type: string',
        '  default: World',
        'greeting:',
        '  type: string',
        '  from:',
        '    interpolate: Hello, ${name} in ${STACK}!',
      ],
      {},
      { values: { name: 'World', greeting: 'Hello, World in shop!' } },
    ],
    [
      'skipped by only_if: null and not required',
      ['use:', '  type: boolean', 'host:', '  type: string', '  only_if: use'],
      {},
      { values: { use: false, host: null } },
    ],
    [
      'skip_if with a value',
      ['mode:', '  type: string', '  default: simple', 'extra:', '  type: string', '  skip_if:', '    mode: simple'],
      {},
      { values: { mode: 'simple', extra: null } },
    ],
    [
      'only_if a later variable',
      ['host:', '  type: string', '  only_if:', '    - use', 'use:', '  type: boolean', '  default: true'],
      { host: 'h' },
      { values: { host: 'h', use: true } },
    ],
  ];
  it.each(rows)('%s', (_title, lines, input, expected) => {
    const checked: VariableCheck = checkVariableValues(fileWith(...lines), input, CONTEXT);
    expect(checked.ok ? { values: checked.values } : { errors: checked.errors }).toEqual(expected);
  });

  it('Math.random when the caller gives no random source', () => {
    const checked = checkVariableValues(
      fileWith('id:', '  type: string', '  from:', '    random_uuid: true'),
      {},
      { stackName: 's', grid: 'g' },
    );
    expect(checked.ok && checked.values.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('interpolation into the file, as the CLI does it', () => {
  function envOf(variableLines: string[], envLines: string[], input: VariableInput): string[] | undefined {
    const source = [
      'stack: test/shop',
      'variables:',
      ...variableLines.map((l) => `  ${l}`),
      'services:',
      '  web:',
      '    image: nginx',
      '    environment:',
      ...envLines.map((l) => `      ${l}`),
      '',
    ].join('\n');
    const parsed = parseStackFile(source);
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
    const built = buildStackInstallBody(parsed.value, input, { grid: 'staging', name: 'shop-1' });
    if (!built.ok) throw new Error(JSON.stringify(built));
    return built.body.services[0]?.env;
  }
  const V = ['v:', '  type: string', '  required: false'];
  const rows: [title: string, variableLines: string[], envLines: string[], input: VariableInput, env: string[]][] = [
    ['${v} and $v', V, ['- A=${v}', '- B=$v-x'], { v: 'one' }, ['A=one', 'B=one-x']],
    ['$$ is a literal $', V, ['- A=$${v}', '- B=$$v', '- C=cost $$5'], { v: 'one' }, ['A=${v}', 'B=$v', 'C=cost $5']],
    [
      '${STACK} is the install name, ${GRID} the grid',
      [],
      ['- HOST=db.${STACK}.${GRID}.kontena.local'],
      {},
      ['HOST=db.shop-1.staging.kontena.local'],
    ],
    ['an empty value is the empty string', V, ['- A=[${v}]'], {}, ['A=[]']],
    ['a value with a quote is written as a Ruby string', V, ['- A=${v}'], { v: `it's` }, ['A="it\'s"']],
    ['a value with a newline stays on its line, escaped', V, ['- A=${v}', '- B="${v}"'], { v: 'a\nb' }, ['A="a\\nb"', 'B=""a\\nb""']],
    ['false is the empty string (Ruby truthiness)', ['b:', '  type: boolean'], ['- A=${b}', '- B=x'], { b: 'no' }, ['A=', 'B=x']],
    [
      'true and numbers as text',
      ['b:', '  type: boolean', 'n:', '  type: integer'],
      ['- A=${b}', '- B=${n}'],
      { b: 'yes', n: '0' },
      ['A=true', 'B=0'],
    ],
    [
      'to: env makes another name read the variable',
      ['img:', '  type: string', '  value: mariadb', '  to:', '    env: db_image'],
      ['- IMAGE=${db_image}'],
      {},
      ['IMAGE=mariadb'],
    ],
  ];
  it.each(rows)('%s', (_title, variableLines, envLines, input, env) => {
    expect(envOf(variableLines, envLines, input)).toEqual(env);
  });

  it('a refused value comes back per variable, with no body', () => {
    const parsed = parseStackFile(
      'stack: a/b\nvariables:\n  n:\n    type: integer\nservices:\n  web:\n    image: nginx\n    instances: ${n}\n',
    );
    if (!parsed.ok) throw new Error('parse');
    expect(buildStackInstallBody(parsed.value, { n: 'x' }, { grid: 'g' })).toEqual({
      ok: false,
      variables: { n: 'n must be a whole number, not "x"' },
      problems: [],
    });
    const built = buildStackInstallBody(parsed.value, { n: '4' }, { grid: 'g' });
    expect(built.ok && [built.body.services[0]?.instances, built.body.variables]).toEqual([4, { n: 4 }]);
  });

  it('services and volumes with only_if/skip_if are left out when their condition fails', () => {
    const parsed = parseStackFile(
      [
        'stack: a/b',
        'variables:',
        '  cache:',
        '    type: boolean',
        'services:',
        '  web:',
        '    image: nginx',
        '  redis:',
        '    image: redis',
        '    only_if: cache',
        '  memcached:',
        '    image: memcached',
        '    skip_if: cache',
        '',
      ].join('\n'),
    );
    if (!parsed.ok) throw new Error('parse');
    const names = (input: VariableInput): string[] | false => {
      const built = buildStackInstallBody(parsed.value, input, { grid: 'g' });
      return built.ok && built.body.services.map((s) => s.name);
    };
    expect(names({ cache: true })).toEqual(['web', 'redis']);
    expect(names({ cache: false })).toEqual(['web', 'memcached']);
  });
});
