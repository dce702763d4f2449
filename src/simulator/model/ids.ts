/**
 * Identifiers the way the master makes them: Mongo ObjectIds (8 hex seconds, 10 hex
 * machine, 6 hex counter) for records, and a global monotonic 24-hex id for container
 * logs and events so that `from=<id>` is a plain string comparison.
 */
import type { Prng } from '../engine/prng';

export interface IdFactory {
  /** A record id whose time part is `atMs` (default now); ids made later sort later within a second. */
  objectId(atMs?: number): string;
  /** Strictly increasing 24-hex id (8 hex seconds + 16 hex sequence). */
  sequenceId(): string;
  /** n random lowercase hex characters. */
  hex(n: number): string;
  /** Where the counters are: a world restored from it goes on making ids that sort after the old ones. */
  state(): IdState;
}

export interface IdState {
  machine: string;
  counter: number;
  seq: number;
  lastSeconds: number;
}

function hexPad(n: number, width: number): string {
  return Math.floor(n).toString(16).padStart(width, '0').slice(-width);
}

export function createIdFactory(now: () => number, rng: Prng, from?: IdState): IdFactory {
  const machine = from?.machine ?? rng.hex(10);
  let counter = from?.counter ?? rng.int(0, 0xffff);
  let seq = from?.seq ?? 0;
  let lastSeconds = from?.lastSeconds ?? 0;
  return {
    objectId(atMs = now()) {
      counter = (counter + 1) % 0x1000000;
      return hexPad(Math.max(0, atMs / 1000), 8) + machine + hexPad(counter, 6);
    },
    sequenceId() {
      // Never let the time part go backwards, so ids stay ordered even if the clock is set back.
      lastSeconds = Math.max(lastSeconds, Math.floor(now() / 1000));
      seq += 1;
      return hexPad(lastSeconds, 8) + hexPad(seq, 16);
    },
    hex: (n) => rng.hex(n),
    state: () => ({ machine, counter, seq, lastSeconds }),
  };
}
