/**
 * `POST /v1/containers/G/N/C/exec` inside a simulated container (docs/kontena-api-grid.md
 * G7.4): `[stdout chunks, stderr chunks, exit code]`. A few common commands answer from
 * what the container would plausibly hold (its env, hostname, the files its image ships);
 * anything else is "command not found" with exit code 127, as a shell says it.
 */
import type { ContainerRecord } from '../model/types';
import { imageKind } from './image-kind';

type ExecResult = [stdout: string[], stderr: string[], exitCode: number];

interface Output {
  out: string[];
  err: string[];
  code: number;
}

/** The environment a process in the container sees: docker's PATH/HOSTNAME/HOME, then the container's env. */
function execEnv(c: ContainerRecord, env: readonly string[]): string[] {
  return [
    'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    `HOSTNAME=${c.hostname ?? c.containerId.slice(0, 12)}`,
    ...env,
    'HOME=/root',
  ];
}

function alpine(c: ContainerRecord): boolean {
  return /alpine/i.test(c.image);
}

/** The files an image of this kind would have, by absolute path. */
function imageFiles(c: ContainerRecord, env: readonly string[]): Map<string, string> {
  const host = c.hostname ?? '';
  const domain = c.domainname ?? '';
  const files = new Map<string, string>([
    ['/etc/hostname', `${host}\n`],
    [
      '/etc/hosts',
      `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n172.17.0.${c.bridgeHost}\t${host}.${domain} ${host}\n`,
    ],
    ['/etc/resolv.conf', `search ${domain} kontena.local\nnameserver 172.17.0.1\noptions ndots:2\n`],
    [
      '/etc/os-release',
      alpine(c)
        ? 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.5.2\nPRETTY_NAME="Alpine Linux v3.5"\nHOME_URL="http://alpinelinux.org"\n'
        : 'PRETTY_NAME="Debian GNU/Linux 8 (jessie)"\nNAME="Debian GNU/Linux"\nVERSION_ID="8"\nVERSION="8 (jessie)"\nID=debian\nHOME_URL="http://www.debian.org/"\n',
    ],
    ['/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n'],
    ['/proc/1/environ', `${execEnv(c, env).join('\0')}\0`],
  ]);
  switch (imageKind(c.image)) {
    case 'nginx':
      files.set(
        '/etc/nginx/nginx.conf',
        'user  nginx;\nworker_processes  1;\n\nevents {\n    worker_connections  1024;\n}\n\nhttp {\n    include       /etc/nginx/mime.types;\n    sendfile        on;\n    keepalive_timeout  65;\n    include /etc/nginx/conf.d/*.conf;\n}\n',
      );
      files.set(
        '/etc/nginx/conf.d/default.conf',
        'server {\n    listen       80;\n    server_name  localhost;\n    location / {\n        root   /usr/share/nginx/html;\n        index  index.html index.htm;\n    }\n}\n',
      );
      files.set(
        '/usr/share/nginx/html/index.html',
        '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n</body>\n</html>\n',
      );
      break;
    case 'haproxy':
      files.set(
        '/usr/local/etc/haproxy/haproxy.cfg',
        'global\n    maxconn 100000\n\ndefaults\n    mode http\n    timeout connect 5000\n    timeout client 60000\n    timeout server 60000\n\nlisten stats\n    bind *:1000\n    stats enable\n',
      );
      break;
    case 'redis':
      files.set('/usr/local/bin/docker-entrypoint.sh', '#!/bin/sh\nset -e\nexec "$@"\n');
      files.set('/data/dump.rdb', 'REDIS0007\n');
      break;
    case 'postgres':
      files.set('/var/lib/postgresql/data/PG_VERSION', '9.6\n');
      files.set('/var/lib/postgresql/data/postgresql.conf', "listen_addresses = '*'\nmax_connections = 100\nshared_buffers = 128MB\n");
      break;
    case 'app':
      files.set(
        '/app/package.json',
        '{\n  "name": "app",\n  "version": "1.0.0",\n  "main": "server.js",\n  "scripts": { "start": "node server.js" }\n}\n',
      );
      files.set(
        '/app/server.js',
        "const http = require('http');\nhttp.createServer((req, res) => res.end('ok')).listen(process.env.PORT || 8080);\n",
      );
      break;
  }
  return files;
}

/** Directory → entries, from the file list plus the usual root directories. */
function directories(files: Map<string, string>): Map<string, Set<string>> {
  const dirs = new Map<string, Set<string>>();
  const add = (dir: string, name: string): void => {
    let set = dirs.get(dir);
    if (!set) {
      set = new Set();
      dirs.set(dir, set);
    }
    set.add(name);
  };
  for (const d of ['bin', 'dev', 'etc', 'home', 'lib', 'proc', 'root', 'run', 'sbin', 'sys', 'tmp', 'usr', 'var']) add('/', d);
  for (const path of files.keys()) {
    const parts = path.split('/').slice(1);
    let dir = '/';
    for (const part of parts) {
      add(dir, part);
      dir = dir === '/' ? `/${part}` : `${dir}/${part}`;
    }
  }
  return dirs;
}

function normalise(path: string, cwd: string): string {
  const abs = path.startsWith('/') ? path : `${cwd === '/' ? '' : cwd}/${path}`;
  const parts: string[] = [];
  for (const p of abs.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return `/${parts.join('/')}`;
}

/** Splits a shell line into words, honouring '…' and "…" quotes (no expansion beyond $VAR). */
function words(line: string, env: Map<string, string>): string[] {
  const out: string[] = [];
  const re = /'([^']*)'|"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) {
    if (m[1] !== undefined) out.push(m[1]);
    else
      out.push(
        (m[2] ?? m[3] ?? '').replace(
          /\$(\w+)|\$\{(\w+)\}/g,
          (_, a: string | undefined, b: string | undefined) => env.get(a ?? b ?? '') ?? '',
        ),
      );
  }
  return out;
}

interface Machine {
  c: ContainerRecord;
  shell: string;
  env: string[];
  files: Map<string, string>;
  dirs: Map<string, Set<string>>;
  cwd: string;
}

function runOne(m: Machine, argv: string[]): Output {
  const [cmd = '', ...args] = argv;
  switch (cmd) {
    case '':
    case 'true':
      return { out: [], err: [], code: 0 };
    case 'false':
      return { out: [], err: [], code: 1 };
    case 'echo': {
      const noNewline = args[0] === '-n';
      const text = (noNewline ? args.slice(1) : args).join(' ');
      return { out: [noNewline ? text : `${text}\n`], err: [], code: 0 };
    }
    case 'env':
    case 'printenv': {
      if (args.length > 0) {
        const values = args.map((name) => m.env.find((e) => e.startsWith(`${name}=`))?.slice(name.length + 1));
        const found = values.filter((v): v is string => v !== undefined);
        return { out: found.length ? [`${found.join('\n')}\n`] : [], err: [], code: found.length === values.length ? 0 : 1 };
      }
      return { out: [`${m.env.join('\n')}\n`], err: [], code: 0 };
    }
    case 'hostname':
      return { out: [`${m.c.hostname ?? ''}\n`], err: [], code: 0 };
    case 'pwd':
      return { out: [`${m.cwd}\n`], err: [], code: 0 };
    case 'whoami':
      return { out: [`${m.c.service?.user ?? 'root'}\n`], err: [], code: 0 };
    case 'ls': {
      const paths = args.filter((a) => !a.startsWith('-'));
      const out: string[] = [];
      const err: string[] = [];
      for (const p of paths.length ? paths : [m.cwd]) {
        const abs = normalise(p, m.cwd);
        const entries = m.dirs.get(abs);
        if (entries) out.push(`${[...entries].sort().join('\n')}\n`);
        else if (m.files.has(abs)) out.push(`${p}\n`);
        else err.push(`ls: cannot access '${p}': No such file or directory\n`);
      }
      return { out, err, code: err.length ? 2 : 0 };
    }
    case 'cat': {
      const out: string[] = [];
      const err: string[] = [];
      for (const p of args) {
        const abs = normalise(p, m.cwd);
        const text = m.files.get(abs);
        if (text !== undefined) out.push(text);
        else if (m.dirs.has(abs)) err.push(`cat: ${p}: Is a directory\n`);
        else err.push(`cat: ${p}: No such file or directory\n`);
      }
      return { out, err, code: err.length ? 1 : 0 };
    }
    default:
      return { out: [], err: [`${m.shell}: ${cmd}: command not found\n`], code: 127 };
  }
}

/** A `sh -c` script: commands joined by `;`, `&&` or `||` (no pipes, no redirections). */
function runScript(m: Machine, script: string): Output {
  const envMap = new Map(m.env.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
  const total: Output = { out: [], err: [], code: 0 };
  const parts = script.split(/(\s*(?:&&|\|\||;)\s*)/);
  let op = ';';
  for (let i = 0; i < parts.length; i += 2) {
    const argv = words(parts[i] ?? '', envMap);
    const skip = (op === '&&' && total.code !== 0) || (op === '||' && total.code === 0);
    if (!skip) {
      const r = runOne(m, argv);
      total.out.push(...r.out);
      total.err.push(...r.err);
      total.code = r.code;
    }
    op = (parts[i + 1] ?? ';').trim();
  }
  return total;
}

/** Runs `cmd` (as sent: an array of words) in a running container whose API env is `env`. */
export function execInContainer(c: ContainerRecord, env: readonly string[], cmd: readonly string[]): ExecResult {
  const files = imageFiles(c, env);
  const m: Machine = {
    c,
    shell: 'sh',
    env: execEnv(c, env),
    files,
    dirs: directories(files),
    cwd: imageKind(c.image) === 'app' ? '/app' : '/',
  };
  const [first = '', ...rest] = cmd;
  const shell = first.split('/').pop() ?? '';
  let r: Output;
  if ((shell === 'sh' || shell === 'bash' || shell === 'ash') && rest[0] === '-c') {
    m.shell = shell;
    r = runScript(m, rest[1] ?? '');
  } else {
    r = runOne(m, [...cmd]);
  }
  return [r.out, r.err, r.code];
}
