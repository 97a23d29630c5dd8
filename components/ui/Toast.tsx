"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { XMarkIcon } from "@/components/ui/Icons";
import { toastLifetime, withToast, type ToastItem, type ToastKind } from "@/lib/client/toastStack";

interface ToastApi {
  showToast: (message: string, kind?: ToastKind) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

/**
 * Small stack of messages. Two live regions are always on the page, empty until a message comes:
 * screen readers announce what is added to a region they already know, and often miss a region
 * inserted with its text (so neither is ever hidden, only empty). Errors go to the assertive one and
 * stay until dismissed; successes go to the polite one and leave after a few seconds, not while
 * pointed at or focused.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const showToast = useCallback((message: string, kind: ToastKind = "error") => {
    const id = nextId.current++;
    setToasts((list) => withToast(list, { id, kind, message }));
  }, []);
  const api = useMemo(() => ({ showToast }), [showToast]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2 px-4 sm:items-end sm:px-6">
        {(["error", "success"] as const).map((kind) => (
          <div
            key={kind}
            role={kind === "error" ? "alert" : "status"}
            aria-live={kind === "error" ? "assertive" : "polite"}
            // Each new message is read alone, not the whole stack again.
            aria-atomic={false}
            data-testid={kind === "error" ? "toast-alerts" : "toast-status"}
            className="flex w-full max-w-sm flex-col gap-2"
          >
            {toasts
              .filter((t) => t.kind === kind)
              .map((t) => (
                <Toast key={t.id} toast={t} onDismiss={dismiss} />
              ))}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

/** One message with its Dismiss button; a success's timer waits while the pointer is on it or focus is in it. */
function Toast({ toast, onDismiss }: { toast: ToastItem; onDismiss: (id: number) => void }) {
  const [pointed, setPointed] = useState(false);
  const [focused, setFocused] = useState(false);
  const lifetime = toastLifetime(toast.kind);
  useEffect(() => {
    if (lifetime === null || pointed || focused) return;
    const timer = setTimeout(() => onDismiss(toast.id), lifetime);
    return () => clearTimeout(timer);
  }, [lifetime, pointed, focused, toast.id, onDismiss]);

  return (
    <div
      data-testid="toast"
      onPointerEnter={() => setPointed(true)}
      onPointerLeave={() => setPointed(false)}
      onFocus={() => setFocused(true)}
      onBlur={(e) => setFocused(e.currentTarget.contains(e.relatedTarget))}
      className={`pointer-events-auto flex w-full items-start gap-3 rounded-lg px-4 py-3 text-sm shadow-lg ring-1 ${
        toast.kind === "error"
          ? "bg-red-50 text-red-800 ring-red-200 dark:bg-red-950 dark:text-red-200 dark:ring-red-900"
          : "bg-green-50 text-green-800 ring-green-200 dark:bg-green-950 dark:text-green-200 dark:ring-green-900"
      }`}
    >
      <p className="flex-1 break-words">{toast.message}</p>
      <button type="button" onClick={() => onDismiss(toast.id)} aria-label="Dismiss" className="rounded p-0.5 hover:bg-black/5">
        <XMarkIcon className="h-4 w-4" />
      </button>
    </div>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast must be used inside <ToastProvider>");
  return api;
}
