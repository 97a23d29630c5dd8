/**
 * `pending`'s outcome if it settles within `ms`, else a rejection with `timeoutError()` (pending's
 * late outcome, value or error, is then dropped; `onLate` may put a late value away). For waits on
 * PostgreSQL that a frozen server would otherwise hold forever. `ms` ≤ 0: no deadline.
 */
export async function settleWithin<T>(pending: Promise<T>, ms: number, timeoutError: () => Error, onLate?: (value: T) => void): Promise<T> {
  if (!(ms > 0)) return pending;
  let timer: NodeJS.Timeout | undefined;
  let late = false;
  pending.then(
    (value) => {
      if (late) onLate?.(value);
    },
    () => undefined,
  );
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      late = true;
      reject(timeoutError());
    }, ms);
  });
  try {
    return await Promise.race([pending, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** A timeout error read as "database unavailable" (lib/http/databaseUnavailable.ts: code ETIMEDOUT). */
export function databaseTimeout(what: string, ms: number): Error {
  return Object.assign(new Error(`${what} took longer than ${ms} ms`), { code: "ETIMEDOUT" });
}
