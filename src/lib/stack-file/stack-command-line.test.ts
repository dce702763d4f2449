import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../cli-command';
import { shellSplit } from '../shellwords';
import { parseStackFile, type ParsedStackFile } from './parse-stack-file';
import { stackInstallCommandLine, stackUpgradeCommandLine } from './stack-command-line';

const FILE: ParsedStackFile = (() => {
  const parsed = parseStackFile(
    [
      'stack: kontena/wordpress',
      'variables:',
      '  admin:',
      '    type: string',
      '  instances:',
      '    type: integer',
      '    default: 2',
      'services:',
      '  web:',
      '    image: nginx',
      '',
    ].join('\n'),
  );
  if (!parsed.ok) throw new Error('parse');
  return parsed.value;
})();

const V_WARNING =
  '-v: Kontena CLI 1.2 has no -v option (later CLIs do); with 1.2, write the values into a YAML file and give it as --values-from FILE';

describe('kontena stack install / upgrade lines', () => {
  const rows: [title: string, line: () => ReturnType<typeof stackInstallCommandLine>, expected: string, warnings: string[]][] = [
    ['install with the file’s name', () => stackInstallCommandLine(FILE, '', {}), 'kontena stack install --name wordpress kontena.yml', []],
    [
      'install with a name, values and a grid',
      () => stackInstallCommandLine(FILE, 'blog', { instances: '3', admin: 'Jane Doe' }, { grid: 'staging', fileName: 'my stack.yml' }),
      "kontena stack install --grid staging --name blog -v 'admin=Jane Doe' -v instances=3 'my stack.yml'",
      [V_WARNING],
    ],
    [
      'install leaves out empty answers',
      () => stackInstallCommandLine(FILE, 'blog', { admin: '' }),
      'kontena stack install --name blog kontena.yml',
      [],
    ],
    ['upgrade', () => stackUpgradeCommandLine(FILE, 'blog', {}), 'kontena stack upgrade blog kontena.yml', []],
    [
      'upgrade with a value and a grid',
      () => stackUpgradeCommandLine(FILE, 'blog', { admin: "o'neil" }, { grid: 'prod' }),
      `kontena stack upgrade --grid prod -v "admin=o'neil" blog kontena.yml`,
      [V_WARNING],
    ],
  ];
  it.each(rows)('%s', (_title, line, expected, warnings) => {
    const rendered = line();
    expect(rendered).toEqual({ line: expected, notExpressible: [], warnings });
  });

  it('every word splits back as given (Ruby’s Shellwords)', () => {
    const { line } = stackInstallCommandLine(FILE, 'blog', { admin: `a "b" $c 'd'` });
    const words = shellSplit(line);
    expect(words.ok && words.value).toEqual(['kontena', 'stack', 'install', '--name', 'blog', '-v', `admin=a "b" $c 'd'`, 'kontena.yml']);
    // Not a service command: the service command reader does not claim it.
    expect('error' in parseCommandLine(line)).toBe(true);
  });
});
