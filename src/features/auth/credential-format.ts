/**
 * What a one-time code and an access token look like (docs/kontena-api.md §2.2), checked
 * before anything is sent so a typo gets a message next to the field, not a round trip.
 */
const HEX = /^[0-9a-f]+$/i;

/** Removes surrounding white space and a pasted "Bearer " prefix. */
export function cleanCredential(value: string): string {
  return value.trim().replace(/^bearer\s+/i, '');
}

/** A message for a code that cannot be right, or null when it may be. */
export function codeProblem(raw: string): string | null {
  const value = cleanCredential(raw);
  if (value === '') return 'Enter the one-time code.';
  if (!HEX.test(value)) return 'A one-time code has only hex characters (0–9 and a–f), like 3f9a1c0b7d2e.';
  return null;
}

/** A message for an access token that cannot be right, or null when it may be. */
export function tokenProblem(raw: string): string | null {
  const value = cleanCredential(raw);
  if (value === '') return 'Paste the access token.';
  if (!HEX.test(value)) return 'An access token is 64 hex characters (0–9 and a–f); this one has other characters in it.';
  if (value.length !== 64) return `An access token is 64 hex characters (0–9 and a–f); this one has ${value.length}.`;
  return null;
}
