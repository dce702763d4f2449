/**
 * What kind of software a container image runs, judged from its name: log lines and
 * resource profiles differ by kind (an nginx prints access logs and moves bytes, a
 * postgres holds memory and checkpoints).
 */
export type ImageKind = 'nginx' | 'haproxy' | 'redis' | 'postgres' | 'app';

const known = new Map<string, ImageKind>();
/** Bounded, in case a long-running simulator sees endless distinct images. */
const KNOWN_LIMIT = 1000;

/** Image names repeat across thousands of containers and every log line: each is classified once. */
export function imageKind(image: string): ImageKind {
  let kind = known.get(image);
  if (kind === undefined) {
    kind = classify(image);
    if (known.size >= KNOWN_LIMIT) known.clear();
    known.set(image, kind);
  }
  return kind;
}

function classify(image: string): ImageKind {
  // Only the repository part: "registry:5000/team/nginx-proxy:1.11" → "registry:5000/team/nginx-proxy".
  const name = image
    .replace(/@.*$/, '')
    .replace(/:[^/:]*$/, '')
    .toLowerCase();
  // kontena/lb is the bundled haproxy load balancer.
  if (name.includes('haproxy') || /(^|\/)kontena\/lb$/.test(name)) return 'haproxy';
  if (name.includes('nginx') || name.includes('openresty')) return 'nginx';
  if (name.includes('redis')) return 'redis';
  if (name.includes('postgres') || name.includes('postgis')) return 'postgres';
  return 'app';
}
