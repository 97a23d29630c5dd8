import { MAX_TIMER_MS } from "./timers.js";

export interface NumberRule {
  /** The documented default, used when the option is absent or not a finite number. */
  fallback: number;
  min?: number;
  max?: number;
  /** Rounded down to a whole number. */
  integer?: boolean;
}

/**
 * A numeric option made safe: absent → the default; NaN, ±Infinity or not a number (e.g.
 * `Number(process.env.X)` of an unset variable) → the default, said on `log`; otherwise clamped to
 * [min, max], so a bound never becomes an endless loop or an unbounded queue.
 */
export function numberOption(name: string, value: unknown, rule: NumberRule, log?: (message: string) => void): number {
  if (value === undefined) return rule.fallback;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    log?.(`${name}: ${String(value)} is not a finite number; using the default, ${rule.fallback}`);
    return rule.fallback;
  }
  const whole = rule.integer ? Math.floor(value) : value;
  const clamped = Math.min(rule.max ?? Infinity, Math.max(rule.min ?? -Infinity, whole));
  if (clamped !== value) log?.(`${name}: ${value} is out of range; using ${clamped}`);
  return clamped;
}

/** Delays in ms: 0 up to the longest a timer takes. */
export const delayRule = (fallback: number): NumberRule => ({ fallback, min: 0, max: MAX_TIMER_MS });
