export type ToastKind = "error" | "success";

export interface ToastItem {
  id: number;
  kind: ToastKind;
  message: string;
}

/** At most this many toasts at once. */
export const MAX_TOASTS = 3;
/** How long a success stays on screen, counted while nobody points at it or has focus in it. */
export const SUCCESS_VISIBLE_MS = 6_000;

/**
 * How long a toast stays by itself: a success for SUCCESS_VISIBLE_MS; an error (what the person has
 * to read: "Change not saved: …") until dismissed (WCAG 2.2.1: no time limit on reading it).
 */
export function toastLifetime(kind: ToastKind): number | null {
  return kind === "success" ? SUCCESS_VISIBLE_MS : null;
}

/**
 * The stack with one more toast, newest last: the same message shown again moves to the end instead
 * of stacking a copy; over MAX_TOASTS the oldest success before it leaves first, else the oldest error
 * (the new one always shows).
 */
export function withToast(stack: ToastItem[], toast: ToastItem): ToastItem[] {
  const next = [...stack.filter((t) => t.kind !== toast.kind || t.message !== toast.message), toast];
  while (next.length > MAX_TOASTS) {
    const oldestSuccess = next.slice(0, -1).findIndex((t) => t.kind === "success");
    next.splice(oldestSuccess === -1 ? 0 : oldestSuccess, 1);
  }
  return next;
}
