/**
 * Realistic container log lines by image (nginx, haproxy, redis, postgres, a generic
 * app in Rails, Node, Go or JSON style), some with ANSI colour, on stdout and stderr,
 * with the odd stack trace and very long line: what a log viewer must cope with.
 * Each line depends only on the Prng's draws and the time, so a seed replays a run.
 */
import { imageKind } from './image-kind';
import { hashString, type Prng } from './prng';

export interface GeneratedLogLine {
  type: 'stdout' | 'stderr';
  data: string;
}

const ESC = '\u001b[';
const RESET = `${ESC}0m`;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

interface Parts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
}

function parts(atMs: number): Parts {
  const t = new Date(atMs);
  return {
    y: t.getUTCFullYear(),
    mo: t.getUTCMonth(),
    d: t.getUTCDate(),
    h: t.getUTCHours(),
    mi: t.getUTCMinutes(),
    s: t.getUTCSeconds(),
    ms: t.getUTCMilliseconds(),
  };
}

const hms = (p: Parts): string => `${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`;
const month = (p: Parts): string => MONTHS[p.mo] ?? 'Jan';
/** nginx/apache access log: 06/Apr/2017:15:38:17 +0000 */
const clfTime = (p: Parts): string => `${pad(p.d)}/${month(p)}/${p.y}:${hms(p)} +0000`;
/** nginx error log: 2017/04/06 15:38:17 */
const nginxErrorTime = (p: Parts): string => `${p.y}/${pad(p.mo + 1)}/${pad(p.d)} ${hms(p)}`;
/** redis: 06 Apr 2017 15:38:17.123 */
const redisTime = (p: Parts): string => `${pad(p.d)} ${month(p)} ${p.y} ${hms(p)}.${pad(p.ms, 3)}`;
/** haproxy request log: 06/Apr/2017:15:38:17.123 */
const haproxyTime = (p: Parts): string => `${pad(p.d)}/${month(p)}/${p.y}:${hms(p)}.${pad(p.ms, 3)}`;
/** haproxy messages: day of year / hhmmss, "095/153817" */
function haproxyShortTime(atMs: number, p: Parts): string {
  const dayOfYear = Math.floor((atMs - Date.UTC(p.y, 0, 1)) / 86_400_000);
  return `${pad(dayOfYear, 3)}/${pad(p.h)}${pad(p.mi)}${pad(p.s)}`;
}
const sqlTime = (p: Parts): string => `${p.y}-${pad(p.mo + 1)}-${pad(p.d)} ${hms(p)}.${pad(p.ms, 3)} UTC`;
const isoTime = (atMs: number): string => new Date(atMs).toISOString();

const out = (data: string): GeneratedLogLine => ({ type: 'stdout', data });
const err = (data: string): GeneratedLogLine => ({ type: 'stderr', data });

/** Picks by weight: entries are [weight, value]. */
function weighted<T>(rng: Prng, entries: readonly (readonly [number, T])[]): T {
  const total = entries.reduce((sum, [w]) => sum + w, 0);
  let roll = rng.next() * total;
  for (const [w, value] of entries) {
    roll -= w;
    if (roll < 0) return value;
  }
  const lastEntry = entries[entries.length - 1];
  if (lastEntry === undefined) throw new Error('weighted pick from an empty list');
  return lastEntry[1];
}

function fixed(rng: Prng, min: number, max: number, digits: number): string {
  return (min + rng.next() * (max - min)).toFixed(digits);
}

// ── shared vocabulary ──────────────────────────────────────────────────────────

const CLIENT_NETS = ['203.0.113', '198.51.100', '192.0.2', '81.175.8', '62.78.110', '185.41.233'];
const clientIp = (rng: Prng): string => `${rng.pick(CLIENT_NETS)}.${rng.int(2, 254)}`;
/** The weave overlay network containers talk on. */
const overlayIp = (rng: Prng): string => `10.81.${rng.int(0, 3)}.${rng.int(2, 250)}`;

const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/57.0.2987.133 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_12_4) AppleWebKit/603.1.30 (KHTML, like Gecko) Version/10.1 Safari/603.1.30',
  'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:52.0) Gecko/20100101 Firefox/52.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 10_3 like Mac OS X) AppleWebKit/603.1.30 (KHTML, like Gecko) Version/10.0 Mobile/14E277 Safari/602.1',
  'Mozilla/5.0 (Linux; Android 7.0; SM-G930F Build/NRD90M) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/57.0.2987.132 Mobile Safari/537.36',
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'curl/7.52.1',
  'Go-http-client/1.1',
  'python-requests/2.13.0',
  'Prometheus/1.5.2',
];

const HOSTS = ['shop.example.com', 'api.example.com', 'www.example.com'];
const USERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi'];
const RESOURCES = ['orders', 'users', 'products', 'carts', 'invoices', 'sessions'];
const CONTROLLERS: Record<string, string> = {
  orders: 'OrdersController',
  users: 'UsersController',
  products: 'ProductsController',
  carts: 'CartsController',
  invoices: 'InvoicesController',
  sessions: 'SessionsController',
};

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  499: 'Client Closed Request',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

interface HttpRequest {
  method: string;
  path: string;
  status: number;
  bytes: number;
  /** Served by the app behind the proxy (has upstream times), not a static file. */
  proxied: boolean;
}

function httpRequest(rng: Prng): HttpRequest {
  const resource = rng.pick(RESOURCES);
  const id = rng.int(1, 99_999);
  const path = weighted<() => [string, boolean]>(rng, [
    [20, () => [`/api/v1/${resource}`, true]],
    [18, () => [`/api/v1/${resource}/${id}`, true]],
    [6, () => [`/api/v1/${resource}?page=${rng.int(1, 40)}&per_page=${rng.pick([20, 50, 100])}`, true]],
    [8, () => ['/', true]],
    [10, () => [`/assets/application-${rng.hex(32)}.${rng.pick(['js', 'css'])}`, false]],
    [5, () => [`/images/${rng.pick(['logo', 'hero', 'avatar', 'banner'])}.${rng.pick(['png', 'jpg', 'svg'])}`, false]],
    [4, () => ['/favicon.ico', false]],
    [8, () => ['/healthz', true]],
    [3, () => [`/search?q=${rng.pick(['boots', 'red+shirt', 'gift+card', 'sale', 'k%C3%A4nguru'])}`, true]],
    [2, () => ['/login', true]],
    [1, () => ['/robots.txt', false]],
    [1, () => [rng.pick(['/wp-login.php', '/phpmyadmin/index.php', '/.env', '/admin/config.php']), false]],
  ])();
  const [pathText, proxied] = path;
  const method = pathText.startsWith('/api/')
    ? weighted(rng, [
        [70, 'GET'],
        [15, 'POST'],
        [8, 'PUT'],
        [4, 'DELETE'],
        [3, 'PATCH'],
      ])
    : pathText === '/login'
      ? rng.pick(['GET', 'POST'])
      : 'GET';
  let status = weighted(rng, [
    [75, 200],
    [3, 201],
    [2, 204],
    [8, 304],
    [2, 301],
    [1, 302],
    [2, 401],
    [1, 403],
    [4, 404],
    [1, 499],
    [1.5, 500],
    [1, 502],
    [0.5, 503],
    [0.5, 504],
  ]);
  if (pathText.startsWith('/wp-') || pathText.startsWith('/phpmyadmin') || pathText.startsWith('/.env') || pathText.startsWith('/admin/'))
    status = 404;
  if (method === 'POST' && status === 200) status = 201;
  const bytes =
    status === 204 || status === 304 ? 0 : status >= 400 ? rng.int(150, 600) : proxied ? rng.int(80, 24_000) : rng.int(1_200, 380_000);
  return { method, path: pathText, status, bytes, proxied };
}

function requestId(rng: Prng): string {
  const h = rng.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A rare very long line: a payload dump, a cookie jar, a generated query. */
function longPayload(rng: Prng, items: number): string {
  const rows: string[] = [];
  for (let i = 0; i < items; i++) {
    rows.push(
      `{"sku":"SKU-${rng.hex(8).toUpperCase()}","qty":${rng.int(1, 9)},"price":${fixed(rng, 1, 300, 2)},"note":"${rng.pick(USERS)} ${rng.hex(12)}"}`,
    );
  }
  return `[${rows.join(',')}]`;
}

// ── nginx ─────────────────────────────────────────────────────────────────────

function nginxLine(rng: Prng, atMs: number): GeneratedLogLine {
  const p = parts(atMs);
  const roll = rng.next();
  if (roll < 0.9) {
    const r = httpRequest(rng);
    let path = r.path;
    // A rare very long request line: a tracking link with an enormous query string.
    if (rng.chance(0.004)) path = `/api/v1/track?utm_source=newsletter&payload=${encodeURIComponent(longPayload(rng, rng.int(20, 50)))}`;
    const referer = rng.chance(0.55) ? `https://${rng.pick(HOSTS)}${rng.pick(['/', '/products', '/cart', '/search?q=sale'])}` : '-';
    const user = rng.chance(0.03) ? rng.pick(USERS) : '-';
    const rt = r.proxied ? Number(fixed(rng, 0.002, r.status >= 500 ? 30 : 0.9, 3)) : Number(fixed(rng, 0, 0.004, 3));
    const upstream =
      r.proxied && r.status !== 499
        ? `uct="${fixed(rng, 0, 0.002, 3)}" uht="${rt.toFixed(3)}" urt="${rt.toFixed(3)}"`
        : 'uct="-" uht="-" urt="-"';
    return out(
      `${clientIp(rng)} - ${user} [${clfTime(p)}] "${r.method} ${path} HTTP/1.1" ${r.status} ${r.bytes} "${referer}" "${rng.pick(USER_AGENTS)}" rt=${rt.toFixed(3)} ${upstream}`,
    );
  }
  const conn = rng.int(1, 250_000);
  const worker = rng.int(6, 9);
  const host = rng.pick(HOSTS);
  const client = clientIp(rng);
  const resource = rng.pick(RESOURCES);
  const upstreamAddr = `${overlayIp(rng)}:${rng.pick([3000, 8080, 9292])}`;
  const head = `${nginxErrorTime(p)} `;
  const pid = `${worker}#${worker}: *${conn}`;
  return err(
    weighted(rng, [
      [
        3,
        `${head}[error] ${pid} connect() failed (111: Connection refused) while connecting to upstream, client: ${client}, server: ${host}, request: "GET /api/v1/${resource} HTTP/1.1", upstream: "http://${upstreamAddr}/api/v1/${resource}", host: "${host}"`,
      ],
      [
        2,
        `${head}[error] ${pid} upstream timed out (110: Connection timed out) while reading response header from upstream, client: ${client}, server: ${host}, request: "POST /api/v1/${resource} HTTP/1.1", upstream: "http://${upstreamAddr}/api/v1/${resource}", host: "${host}"`,
      ],
      [
        3,
        `${head}[error] ${pid} open() "/usr/share/nginx/html/favicon.ico" failed (2: No such file or directory), client: ${client}, server: localhost, request: "GET /favicon.ico HTTP/1.1", host: "${host}"`,
      ],
      [
        2,
        `${head}[warn] ${pid} an upstream response is buffered to a temporary file /var/cache/nginx/proxy_temp/${rng.int(1, 9)}/${pad(rng.int(0, 99))}/00000${rng.int(10_000, 99_999)} while reading upstream, client: ${client}, server: ${host}, request: "GET /api/v1/${resource}?per_page=100 HTTP/1.1", upstream: "http://${upstreamAddr}/api/v1/${resource}?per_page=100", host: "${host}"`,
      ],
      [
        1,
        `${head}[warn] ${pid} a client request body is buffered to a temporary file /var/cache/nginx/client_temp/00000${rng.int(10_000, 99_999)}, client: ${client}, server: ${host}, request: "POST /api/v1/uploads HTTP/1.1", host: "${host}"`,
      ],
      [1, `${head}[notice] 1#1: signal 1 (SIGHUP) received, reconfiguring`],
      [1, `${head}[info] ${pid} client ${client} closed keepalive connection`],
    ]),
  );
}

// ── haproxy (kontena/lb) ───────────────────────────────────────────────────────

function haproxyLine(rng: Prng, atMs: number): GeneratedLogLine {
  const p = parts(atMs);
  const backend = `${rng.pick(['web', 'api', 'shop'])}`;
  const server = `${backend}-${rng.int(1, 4)}`;
  if (rng.chance(0.93)) {
    const r = httpRequest(rng);
    const tq = rng.int(0, 3);
    const tw = rng.chance(0.95) ? 0 : rng.int(1, 40);
    const tc = r.status === 503 ? -1 : rng.int(0, 2);
    const tr = r.status === 503 ? -1 : rng.int(1, r.status >= 500 ? 30_000 : 900);
    const tt = Math.max(0, tq) + tw + Math.max(0, tc) + Math.max(0, tr) + rng.int(0, 3);
    const termination = r.status === 503 ? 'SC--' : r.status === 499 ? 'CD--' : r.status === 504 ? 'sH--' : '----';
    const active = rng.int(1, 60);
    const target = r.status === 503 ? `${backend}/<NOSRV>` : `${backend}/${server}`;
    return out(
      `${clientIp(rng)}:${rng.int(1024, 65_535)} [${haproxyTime(p)}] http-in ${target} ${tq}/${tw}/${tc}/${tr}/${tt} ${r.status} ${r.bytes} - - ${termination} ${active}/${active}/${rng.int(0, active)}/${rng.int(0, 10)}/0 0/0 "${r.method} ${r.path} HTTP/1.1"`,
    );
  }
  const head = `[${rng.pick(['WARNING', 'WARNING', 'ALERT'])}] ${haproxyShortTime(atMs, p)} (1) :`;
  return err(
    weighted(rng, [
      [
        3,
        `${head} Server ${backend}/${server} is DOWN, reason: Layer4 connection problem, info: "Connection refused", check duration: 0ms. ${rng.int(0, 3)} active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.`,
      ],
      [
        3,
        `${head} Server ${backend}/${server} is UP, reason: Layer4 check passed, check duration: ${rng.int(0, 2)}ms. ${rng.int(1, 4)} active and 0 backup servers online. 0 sessions requeued, 0 total in queue.`,
      ],
      [1, `${head} backend '${backend}' has no server available!`],
      [2, `${head} Reexecuting Master process`],
      [2, `${isoTime(atMs)} ${rng.hex(12)} confd[${rng.int(10, 99)}]: INFO Target config /etc/haproxy/haproxy.cfg out of sync`],
    ]),
  );
}

// ── redis ─────────────────────────────────────────────────────────────────────

function redisLine(rng: Prng, atMs: number): GeneratedLogLine {
  const p = parts(atMs);
  const t = redisTime(p);
  // The background saver's pid changes with each save cycle (every 5 minutes or so).
  const child = 40 + (Math.floor(atMs / 300_000) % 900);
  // Redis logs everything, warnings included, to stdout.
  return out(
    weighted(rng, [
      [6, `1:M ${t} * ${rng.pick([1, 10, 100, 10_000])} changes in ${rng.pick([60, 300, 900])} seconds. Saving...`],
      [6, `1:M ${t} * Background saving started by pid ${child}`],
      [6, `${child}:C ${t} * DB saved on disk`],
      [5, `${child}:C ${t} * RDB: ${rng.int(0, 12)} MB of memory used by copy-on-write`],
      [6, `1:M ${t} * Background saving terminated with success`],
      [3, `1:M ${t} - Accepted ${overlayIp(rng)}:${rng.int(30_000, 60_000)}`],
      [2, `1:M ${t} - Client closed connection`],
      [
        2,
        `1:M ${t} - DB 0: ${rng.int(100, 90_000)} keys (${rng.int(0, 500)} volatile) in ${rng.pick([131_072, 262_144, 524_288])} slots HT.`,
      ],
      [
        0.5,
        `1:M ${t} # WARNING overcommit_memory is set to 0! Background save may fail under low memory condition. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.`,
      ],
      [
        0.3,
        `1:M ${t} # WARNING you have Transparent Huge Pages (THP) support enabled in your kernel. This will create latency and memory usage issues with Redis. To fix this issue run the command 'echo never > /sys/kernel/mm/transparent_hugepage/enabled' as root, and add it to your /etc/rc.local in order to retain the setting after a reboot. Redis must be restarted after THP is disabled.`,
      ],
      [0.3, `1:M ${t} # Background saving error`],
      [0.2, `1:M ${t} # Error writing to the AOF file: No space left on device`],
    ]),
  );
}

// ── postgres ──────────────────────────────────────────────────────────────────

const TABLES = ['orders', 'users', 'products', 'line_items', 'sessions', 'payments'];

function postgresLine(rng: Prng, atMs: number, image: string): GeneratedLogLine {
  const p = parts(atMs);
  // 9.x logs with an empty log_line_prefix; 10 and later default to "%m [%p] ".
  const prefix = /:9\./.test(image) ? '' : `${sqlTime(p)} [${rng.int(60, 4000)}] `;
  const table = rng.pick(TABLES);
  const user = rng.pick(USERS);
  const bufs = rng.int(1, 4000);
  const write = 0.01 + rng.next() * 240;
  const sync = rng.next() * 0.2;
  const line = weighted<() => string>(rng, [
    [5, () => 'LOG:  checkpoint starting: time'],
    [
      5,
      () =>
        `LOG:  checkpoint complete: wrote ${bufs} buffers (${((bufs / 16_384) * 100).toFixed(1)}%); 0 transaction log file(s) added, 0 removed, ${rng.int(0, 3)} recycled` +
        `; write=${write.toFixed(3)} s, sync=${sync.toFixed(3)} s, total=${(write + sync + 0.004).toFixed(3)} s; sync files=${rng.int(1, 80)}, longest=${fixed(rng, 0, 0.1, 3)} s, average=${fixed(rng, 0, 0.01, 3)} s; distance=${rng.int(10, 90_000)} kB, estimate=${rng.int(10, 90_000)} kB`,
    ],
    [3, () => `ERROR:  duplicate key value violates unique constraint "${table}_pkey"`],
    [2, () => `ERROR:  duplicate key value violates unique constraint "users_email_key"`],
    [2, () => `DETAIL:  Key (email)=(${user}@example.com) already exists.`],
    [2, () => `STATEMENT:  INSERT INTO "users" ("email", "name", "created_at", "updated_at") VALUES ($1, $2, $3, $4) RETURNING "id"`],
    [
      2,
      () =>
        `LOG:  duration: ${fixed(rng, 500, 9000, 3)} ms  statement: SELECT "${table}".* FROM "${table}" WHERE "${table}"."user_id" = ${rng.int(1, 9999)} ORDER BY "${table}"."created_at" DESC LIMIT 100`,
    ],
    [2, () => `LOG:  automatic vacuum of table "app.public.${table}": index scans: 1`],
    [2, () => `LOG:  could not receive data from client: Connection reset by peer`],
    [1, () => 'LOG:  unexpected EOF on client connection with an open transaction'],
    [1, () => `FATAL:  password authentication failed for user "${user}"`],
    [1, () => 'WARNING:  there is no transaction in progress'],
    [1, () => `ERROR:  relation "${table}_archive" does not exist at character 15`],
    [1, () => `ERROR:  canceling statement due to statement timeout`],
    [0.5, () => `FATAL:  terminating connection due to administrator command`],
    [
      0.2,
      () =>
        `LOG:  duration: ${fixed(rng, 1000, 30_000, 3)} ms  statement: SELECT * FROM "products" WHERE "products"."id" IN (${Array.from({ length: rng.int(150, 400) }, () => rng.int(1, 99_999)).join(', ')})`,
    ],
  ])();
  // The official image sends the server log to stderr, whatever the level.
  return err(`${prefix}${line}`);
}

// ── a generic app ─────────────────────────────────────────────────────────────

type AppStyle = 'rails' | 'node' | 'go' | 'json';
const APP_STYLES: readonly AppStyle[] = ['rails', 'node', 'go', 'json'];
type Level = 'debug' | 'info' | 'warn' | 'error';

function appLevel(rng: Prng): Level {
  return weighted(rng, [
    [12, 'debug'],
    [76, 'info'],
    [8, 'warn'],
    [4, 'error'],
  ]);
}

const STACK_FRAMES_NODE = [
  '    at TCPConnectWrap.afterConnect [as oncomplete] (net.js:1085:14)',
  '    at Object.<anonymous> (/usr/src/app/lib/cache.js:42:17)',
  '    at Layer.handle [as handle_request] (/usr/src/app/node_modules/express/lib/router/layer.js:95:5)',
  '    at next (/usr/src/app/node_modules/express/lib/router/route.js:137:13)',
  '    at Query.callback (/usr/src/app/lib/db.js:118:11)',
  '    at process._tickCallback (internal/process/next_tick.js:109:7)',
];
const STACK_FRAMES_RUBY = [
  "/app/app/controllers/orders_controller.rb:12:in `show'",
  "/usr/local/bundle/gems/actionpack-5.0.2/lib/action_controller/metal/basic_implicit_render.rb:4:in `send_action'",
  "/usr/local/bundle/gems/activerecord-5.0.2/lib/active_record/core.rb:173:in `find'",
  "/app/app/models/order.rb:48:in `total_with_tax'",
  "/usr/local/bundle/gems/puma-3.8.2/lib/puma/thread_pool.rb:120:in `block in spawn_thread'",
];
const STACK_FRAMES_GO = [
  'goroutine 1337 [running]:',
  'main.(*Server).handleOrder(0xc4200a6000, 0x9a4e80, 0xc4201c2000, 0xc420214100)',
  '\t/go/src/github.com/example/shop/server.go:212 +0x3a5',
  'net/http.HandlerFunc.ServeHTTP(0xc4200f8010, 0x9a4e80, 0xc4201c2000, 0xc420214100)',
  '\t/usr/local/go/src/net/http/server.go:1942 +0x44',
];

function appMessage(rng: Prng, level: Level): string {
  const resource = rng.pick(RESOURCES);
  switch (level) {
    case 'debug':
      return rng.pick([
        `cache hit key=${resource}:${rng.int(1, 99_999)}`,
        `cache miss key=${resource}:${rng.int(1, 99_999)}`,
        `job ${rng.hex(8)} picked up by worker ${rng.int(1, 8)}`,
        `connection pool: ${rng.int(1, 20)}/20 in use`,
      ]);
    case 'info':
      return rng.pick([
        `${resource} request served`,
        `job SendReceiptEmail ${rng.hex(8)} done in ${rng.int(40, 900)}ms`,
        `user ${rng.pick(USERS)} signed in`,
        `order ${rng.int(10_000, 99_999)} paid`,
        `refreshed exchange rates (${rng.int(30, 170)} currencies)`,
      ]);
    case 'warn':
      return rng.pick([
        `slow query on ${resource}.find (${rng.int(500, 4000)}ms)`,
        `retrying request to payments API (attempt ${rng.int(2, 5)} of 5)`,
        `deprecated API used: GET /api/v0/${resource}`,
        `connection pool exhausted, waited ${rng.int(100, 5000)}ms`,
      ]);
    case 'error':
      return rng.pick([
        `Error: connect ECONNREFUSED ${overlayIp(rng)}:6379`,
        `failed to charge card: payment gateway timeout after 30000ms`,
        `Unhandled rejection TypeError: Cannot read property 'id' of undefined`,
        `could not send email to ${rng.pick(USERS)}@example.com: 421 4.7.0 Try again later`,
      ]);
  }
}

function appLine(rng: Prng, atMs: number, image: string): GeneratedLogLine {
  const style = APP_STYLES[hashString(image) % APP_STYLES.length] ?? 'json';
  const p = parts(atMs);
  // A stack trace line now and then, and a very long line rarely.
  if (rng.chance(0.02)) {
    const frames = style === 'rails' ? STACK_FRAMES_RUBY : style === 'go' ? STACK_FRAMES_GO : STACK_FRAMES_NODE;
    return err(rng.pick(frames));
  }
  if (rng.chance(0.004)) {
    return out(
      `{"level":"debug","time":"${isoTime(atMs)}","msg":"cart payload","request_id":"${requestId(rng)}","items":${longPayload(rng, rng.int(25, 60))}}`,
    );
  }
  const level = appLevel(rng);
  const toStderr = (level === 'warn' || level === 'error') && rng.chance(0.7);
  const emit = toStderr ? err : out;
  switch (style) {
    case 'rails':
      return emit(railsLine(rng, atMs, p, level));
    case 'node':
      return emit(nodeLine(rng, level));
    case 'go':
      return emit(goLine(rng, atMs, level));
    case 'json':
      return emit(jsonLine(rng, atMs, level));
  }
}

function railsLine(rng: Prng, atMs: number, p: Parts, level: Level): string {
  const letter = level === 'warn' ? 'W' : level.charAt(0).toUpperCase();
  const label = level === 'warn' ? 'WARN' : level.toUpperCase();
  const micros = pad(p.ms, 3) + pad(rng.int(0, 999), 3);
  const head = `${letter}, [${isoTime(atMs).slice(0, 19)}.${micros} #1] ${label.padStart(5)} -- : [${requestId(rng)}]`;
  if (level === 'debug') {
    const model = rng.pick(['Order', 'User', 'Product', 'LineItem']);
    const table = `${model.toLowerCase()}s`;
    // Rails colours its SQL log lines.
    return `${head}   ${ESC}1m${ESC}36m${model} Load (${fixed(rng, 0.2, 12, 1)}ms)${RESET}  ${ESC}1m${ESC}34mSELECT  "${table}".* FROM "${table}" WHERE "${table}"."id" = $1 LIMIT $2${RESET}  [["id", ${rng.int(1, 99_999)}], ["LIMIT", 1]]`;
  }
  if (level !== 'info') {
    return `${head} ${rng.pick([`ActiveRecord::RecordNotFound (Couldn't find Order with 'id'=${rng.int(1, 99_999)}):`, `Redis::CannotConnectError (Error connecting to Redis on ${overlayIp(rng)}:6379 (Errno::ECONNREFUSED)):`, appMessage(rng, level)])}`;
  }
  const r = httpRequest(rng);
  const resource = rng.pick(RESOURCES);
  return rng.pick([
    `${head} Started ${r.method} "${r.path}" for ${overlayIp(rng)} at ${p.y}-${pad(p.mo + 1)}-${pad(p.d)} ${hms(p)} +0000`,
    `${head} Processing by ${CONTROLLERS[resource] ?? 'ApplicationController'}#${rng.pick(['index', 'show', 'create', 'update'])} as JSON`,
    `${head} Completed ${r.status} ${STATUS_TEXT[r.status] ?? 'OK'} in ${rng.int(2, 900)}ms (Views: ${fixed(rng, 0.1, 80, 1)}ms | ActiveRecord: ${fixed(rng, 0.2, 200, 1)}ms)`,
  ]);
}

function nodeLine(rng: Prng, level: Level): string {
  const colour = { debug: '34', info: '32', warn: '33', error: '31' }[level];
  const tag = `${ESC}${colour}m${level}${ESC}39m`;
  if (level === 'info' && rng.chance(0.6)) {
    const r = httpRequest(rng);
    return `${tag}: ${r.method} ${r.path} ${r.status} ${fixed(rng, 0.4, 900, 3)} ms - ${r.bytes}`;
  }
  return `${tag}: ${appMessage(rng, level)}`;
}

function goLine(rng: Prng, atMs: number, level: Level): string {
  const colour = { debug: '37', info: '32', warn: '33', error: '31' }[level];
  const label = level.toUpperCase();
  const fields = `method=${rng.pick(['GET', 'POST'])} path=/api/v1/${rng.pick(RESOURCES)} duration=${fixed(rng, 0.3, 400, 1)}ms`;
  return `${isoTime(atMs)} ${ESC}${colour}m${label}${RESET} ${appMessage(rng, level)}  ${fields}`;
}

function jsonLine(rng: Prng, atMs: number, level: Level): string {
  const r = httpRequest(rng);
  const record: Record<string, unknown> = { level, time: isoTime(atMs), msg: appMessage(rng, level), request_id: requestId(rng) };
  if (level === 'info')
    Object.assign(record, { method: r.method, path: r.path, status: r.status, duration_ms: Number(fixed(rng, 0.3, 600, 1)) });
  return JSON.stringify(record);
}

/** One log line a container of `image` could print at time `atMs`. */
export function generateLogLine(image: string, rng: Prng, atMs: number): GeneratedLogLine {
  switch (imageKind(image)) {
    case 'nginx':
      return nginxLine(rng, atMs);
    case 'haproxy':
      return haproxyLine(rng, atMs);
    case 'redis':
      return redisLine(rng, atMs);
    case 'postgres':
      return postgresLine(rng, atMs, image);
    case 'app':
      return appLine(rng, atMs, image);
  }
}

/** Mean log lines per second a container of `image` prints (so generators can pace it). */
export function logRatePerSecond(image: string): number {
  switch (imageKind(image)) {
    case 'nginx':
      return 2;
    case 'haproxy':
      return 1.5;
    case 'redis':
      return 0.2;
    case 'postgres':
      return 0.1;
    case 'app':
      return 1;
  }
}
