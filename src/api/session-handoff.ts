/**
 * A tab opened without a session (a link opened in a new tab, the wall builder's "Open
 * the wall") asks the other tabs of this browser for one. A signed-in tab answers, mints
 * a one-time code through the master's own API (POST /oauth2/authorize) and passes it
 * over a BroadcastChannel (same origin only, never a URL or storage); the new tab
 * exchanges it for a token of its own, so the two tabs never share a refresh token that
 * one of them would use up. A session kept in localStorage ("remember on this device")
 * needs none of this: every tab reads it.
 *
 *   new tab: ask ──► every tab with a session: offer ──► new tab: claim (the first offer)
 *   ──► that tab: code (or refused) ──► new tab: exchange
 */
import { createSignInCode, exchangeCode } from './auth';
import { getSession } from './session';
import type { Session } from './session';

export const HANDOFF_CHANNEL = 'kontena-dashboard.session-handoff';

/** The code lives this long: it is exchanged at once, the token then refreshes itself. */
const HANDOFF_CODE_LIFE_S = 300;
/** How long a new tab waits for any signed-in tab to answer (a tab with no peers waits this long for nothing). */
const OFFER_WAIT_MS = 300;
/** How long it waits for the code once a tab has offered (a request to the master). */
const CODE_WAIT_MS = 10_000;

type HandoffMessage =
  | { type: 'ask'; nonce: string }
  | { type: 'offer'; nonce: string; from: string }
  | { type: 'claim'; nonce: string; to: string }
  | { type: 'code'; nonce: string; code: string }
  | { type: 'refused'; nonce: string };

/** The part of BroadcastChannel used here (tests pass two channels of one name). */
interface HandoffChannel {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

function openChannel(): HandoffChannel | null {
  return typeof BroadcastChannel === 'function' ? new BroadcastChannel(HANDOFF_CHANNEL) : null;
}

function randomId(): string {
  return globalThis.crypto.randomUUID();
}

interface ServeOptions {
  channel?: HandoffChannel | null;
  hasSession?: () => boolean;
  /** Mints the code to hand over (default: POST /oauth2/authorize as this tab's user). */
  mint?: () => Promise<string>;
}

/** Answers the other tabs' asks while this tab has a session. Returns the stop function. */
export function serveSessionToOtherTabs(options: ServeOptions = {}): () => void {
  const channel = options.channel === undefined ? openChannel() : options.channel;
  if (channel === null) return () => undefined;
  const hasSession = options.hasSession ?? (() => getSession() !== null);
  const mint = options.mint ?? (async () => (await createSignInCode(HANDOFF_CODE_LIFE_S)).code);
  const me = randomId();
  const listener = (event: MessageEvent): void => {
    const message = event.data as HandoffMessage;
    if (message.type === 'ask' && hasSession())
      channel.postMessage({ type: 'offer', nonce: message.nonce, from: me } satisfies HandoffMessage);
    if (message.type === 'claim' && message.to === me) {
      mint().then(
        (code) => channel.postMessage({ type: 'code', nonce: message.nonce, code } satisfies HandoffMessage),
        // This tab's token may not mint codes (a token without the "user" scope): the new tab signs in by hand.
        () => channel.postMessage({ type: 'refused', nonce: message.nonce } satisfies HandoffMessage),
      );
    }
  };
  channel.addEventListener('message', listener);
  return () => {
    channel.removeEventListener('message', listener);
    if (options.channel === undefined) channel.close();
  };
}

interface AskOptions {
  channel?: HandoffChannel | null;
  exchange?: (code: string) => Promise<Session>;
  offerWaitMs?: number;
  codeWaitMs?: number;
}

/**
 * Asks the other tabs for a session; resolves with the one it signed in with, or null when
 * no tab answered in time or the hand-off failed (the sign-in page then asks the user).
 */
export function askOtherTabsForSession(options: AskOptions = {}): Promise<Session | null> {
  const channel = options.channel === undefined ? openChannel() : options.channel;
  if (channel === null) return Promise.resolve(null);
  const exchange = options.exchange ?? ((code: string) => exchangeCode(code, false, 'code-expiry'));
  const nonce = randomId();
  return new Promise<Session | null>((resolve) => {
    let claimed = false;
    let timer: ReturnType<typeof setTimeout>;
    const finish = (session: Session | null): void => {
      clearTimeout(timer);
      channel.removeEventListener('message', listener);
      if (options.channel === undefined) channel.close();
      resolve(session);
    };
    const listener = (event: MessageEvent): void => {
      const message = event.data as HandoffMessage;
      if (message.nonce !== nonce) return;
      if (message.type === 'offer' && !claimed) {
        claimed = true;
        clearTimeout(timer);
        timer = setTimeout(() => finish(null), options.codeWaitMs ?? CODE_WAIT_MS);
        channel.postMessage({ type: 'claim', nonce, to: message.from } satisfies HandoffMessage);
      } else if (message.type === 'code') {
        clearTimeout(timer);
        exchange(message.code).then(finish, () => finish(null));
      } else if (message.type === 'refused') {
        finish(null);
      }
    };
    channel.addEventListener('message', listener);
    timer = setTimeout(() => finish(null), options.offerWaitMs ?? OFFER_WAIT_MS);
    channel.postMessage({ type: 'ask', nonce } satisfies HandoffMessage);
  });
}
