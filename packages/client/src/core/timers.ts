/** The longest delay setTimeout takes (2^31 − 1 ms, ≈ 24.8 days); beyond it, timers fire at once. */
export const MAX_TIMER_MS = 2_147_483_647;

export interface LongTimer {
  cancel(): void;
  /** The setTimeout handle of the current leg (Node: to ref or unref it). */
  readonly handle: ReturnType<typeof setTimeout>;
}

/**
 * setTimeout for any finite delay: delays beyond MAX_TIMER_MS run as a chain of shorter timers
 * (a plain setTimeout would fire at once). `onLeg` sees each leg's handle (to unref it in Node).
 */
export function setLongTimeout(callback: () => void, ms: number, onLeg?: (handle: ReturnType<typeof setTimeout>) => void): LongTimer {
  const dueAt = Date.now() + Math.max(0, ms);
  let handle: ReturnType<typeof setTimeout>;
  const arm = (wait: number) => {
    handle = setTimeout(() => {
      const left = dueAt - Date.now();
      if (left > 0) arm(left);
      else callback();
    }, Math.min(MAX_TIMER_MS, Math.max(0, wait)));
    onLeg?.(handle);
  };
  arm(ms);
  return {
    cancel: () => clearTimeout(handle),
    get handle() {
      return handle;
    },
  };
}
