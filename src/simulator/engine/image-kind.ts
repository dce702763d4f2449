/**
 * What kind of software a container image runs, judged from its name: log lines and
 * resource profiles differ by kind (an nginx prints access logs and moves bytes, a
 * postgres holds memory and checkpoints).
 */
export type ImageKind = 'nginx' | 'haproxy' | 'redis' | 'postgres' | 'app';

export function imageKind(image: string): ImageKind {
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
