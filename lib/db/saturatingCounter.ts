/**
 * Counters kept in PostgreSQL `integer` columns (rollups, execution and session counts, client
 * discards) add amounts a client chose: `impact.executionsAffected` up to 1e9 per event, session and
 * discard counts up to 1e9 per item. Plain `+` fails past 2^31 − 1 ("integer out of range", a 500),
 * and once a row is near the top every later write to it fails: one hostile request would lock an
 * issue or a day's counts against all further writes. These counters saturate instead.
 */
export const INT4_MAX = 2_147_483_647;

/** `current + delta`, held at INT4_MAX (counts buffered in memory before they are written). */
export function saturatingAdd(current: number, delta: number): number {
  return Math.min(INT4_MAX, current + delta);
}

/** SQL for `current + delta` on an `integer` counter, computed in bigint and held at INT4_MAX. */
export function saturatingAddSql(current: string, delta: string): string {
  return `LEAST((${current})::bigint + (${delta}), ${INT4_MAX})::int`;
}

/** SQL for `sum(expr)` of `integer` values (a bigint in PostgreSQL) as an `integer`, held at INT4_MAX. */
export function saturatingSumSql(expr: string): string {
  return `LEAST(sum(${expr}), ${INT4_MAX})::int`;
}

/**
 * SQL for `current + delta` on an `integer` counter a change may lower (a release-health session
 * moving from one bucket to another: −1 here, +1 there), held within 0 … INT4_MAX: a count never goes
 * negative, even where the row was saturated when the session was added.
 */
export function boundedAddSql(current: string, delta: string): string {
  return `GREATEST(LEAST((${current})::bigint + (${delta}), ${INT4_MAX}), 0)::int`;
}
