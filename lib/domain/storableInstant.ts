/** The latest instant accepted anywhere (the end of the year 9999): beyond it a timestamp is garbage. */
const MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * True for an instant from 1970 to the end of the year 9999: what a timestamp from a request may be
 * before it reaches PostgreSQL (year 0000 parses in JavaScript but is no PostgreSQL timestamp).
 */
export function isStorableInstant(ms: number): boolean {
  return ms >= 0 && ms <= MAX_MS;
}
