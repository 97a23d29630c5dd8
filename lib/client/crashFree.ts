/** 99.5% style: one decimal, never rounded up to 100% while a session crashed. */
export function crashFreeText(rate: number): string {
  // The epsilon keeps an exact 0.999 (999 / 1000 sessions) at 99.9 despite binary rounding.
  const tenths = Math.floor(rate * 1000 + 1e-9) / 10;
  return `${tenths.toFixed(tenths === 100 ? 0 : 1)}%`;
}

/** Red below 95 %, amber below 99 %, green from 99 %. */
export const crashFreeColor = (rate: number) => (rate < 0.95 ? "font-semibold text-red-700 dark:text-red-400" : rate < 0.99 ? "text-amber-700 dark:text-amber-400" : "text-green-700 dark:text-green-400");

/** A 0–1 share as a whole percent ("<1%" for a small non-zero share, so it does not read as none). */
export function shareText(share: number): string {
  if (share > 0 && share < 0.01) return "<1%";
  return `${Math.round(share * 100)}%`;
}
