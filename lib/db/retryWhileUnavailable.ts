/**
 * Runs `write` again while it fails because the database is unavailable (`isUnavailable`), waiting
 * 250 ms, then twice as long each time up to 2 s, for as long as another wait still ends before
 * `deadlineMs` (wall clock); then its last error is thrown. For the write that records a delivery's
 * outcome: the receiver has answered, and PostgreSQL restarting just then must not let the lease run
 * out with the delivery unrecorded — another instance would send it again.
 */
export async function retryWhileUnavailable<T>(
  write: () => Promise<T>,
  options: { deadlineMs: number; isUnavailable: (error: unknown) => boolean; now?: () => number; sleep?: (ms: number) => Promise<void> },
): Promise<T> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let delayMs = 250; ; delayMs = Math.min(2_000, delayMs * 2)) {
    try {
      return await write();
    } catch (error) {
      if (!options.isUnavailable(error) || now() + delayMs >= options.deadlineMs) throw error;
    }
    await sleep(delayMs);
  }
}
