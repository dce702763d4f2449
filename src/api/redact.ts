/**
 * Tokens must never reach an error message or a log line. The current session's tokens
 * are registered here by session.ts; as a second net, any free-standing run of exactly
 * 64 or 128 hex digits (the master's access/refresh token lengths) is masked too.
 */
const known = new Set<string>();
const TOKEN_LIKE = /(?<![0-9a-fA-F])(?:[0-9a-fA-F]{128}|[0-9a-fA-F]{64})(?![0-9a-fA-F])/g;

const REDACTED = '[redacted]';

export function registerSecret(secret: string | null | undefined): void {
  if (secret && secret.length >= 8) known.add(secret);
  // Bounded: only the last few sessions' tokens are worth remembering.
  while (known.size > 16) {
    const first = known.values().next();
    if (first.done === true) break;
    known.delete(first.value);
  }
}

export function redactSecrets(text: string): string {
  let out = text;
  for (const secret of known) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out.replace(TOKEN_LIKE, REDACTED);
}
