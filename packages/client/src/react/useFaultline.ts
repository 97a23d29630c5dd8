import { useCallback, useMemo, useState } from "react";
import { getClient } from "../core/hub.js";
import type { CaptureContext, Level, Severity } from "../core/types.js";

export interface FaultlineHook {
  captureException: (error: unknown, capture?: CaptureContext) => string;
  captureMessage: (message: string, severityOrCapture?: Severity | Level | CaptureContext) => string;
  /**
   * Hands an error to the nearest FaultlineErrorBoundary (which reports it and shows its fallback):
   * for errors of event handlers and effects, which boundaries do not catch on their own.
   */
  showBoundary: (error: unknown) => void;
}

/** Reporting from components: capture functions, and showBoundary for errors outside rendering. */
export function useFaultline(): FaultlineHook {
  const [thrown, setThrown] = useState<{ error: unknown } | null>(null);
  const showBoundary = useCallback((error: unknown) => setThrown({ error }), []);
  const hook = useMemo<FaultlineHook>(
    () => ({
      captureException: (error, capture) => getClient()?.captureException(error, capture) ?? "",
      captureMessage: (message, severityOrCapture) => getClient()?.captureMessage(message, severityOrCapture) ?? "",
      showBoundary,
    }),
    [showBoundary],
  );
  if (thrown) throw thrown.error;
  return hook;
}
