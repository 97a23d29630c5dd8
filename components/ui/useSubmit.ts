"use client";

import { useCallback, useRef, useState } from "react";

/**
 * What a submit action returns once it has left the form for good — the page is being replaced, or a
 * callback took over (the next sign-in step, a new project's page): the form stays busy, its button
 * disabled, instead of coming back for the moment before it goes.
 */
export const STAY_BUSY = Symbol("stay busy");

export type SubmitAction = () => Promise<void | typeof STAY_BUSY>;

/** The line a form shows for a failed submit: the error's message (an ApiRequestError's is the server's), else `fallback`. */
export function submitErrorMessage(error: unknown, fallback: string): string {
  return error instanceof Error ? error.message : fallback;
}

export interface SubmitState {
  /** True while an action runs; read at once, so a second submit before the next render is ignored too. */
  running: { current: boolean };
  setBusy: (busy: boolean) => void;
  setError: (error: string | null) => void;
}

/**
 * `useSubmit`'s `run`, apart from React: ignored while an action runs; otherwise busy, the error
 * cleared, the action awaited; a thrown error becomes its message (`onError` instead of the error
 * line when given, e.g. a toast); busy again false afterwards unless the action returned STAY_BUSY.
 */
export async function runSubmit(state: SubmitState, action: SubmitAction, fallback: string, onError?: (message: string) => void): Promise<void> {
  if (state.running.current) return;
  state.running.current = true;
  state.setBusy(true);
  state.setError(null);
  let stayBusy = false;
  try {
    stayBusy = (await action()) === STAY_BUSY;
  } catch (e) {
    const message = submitErrorMessage(e, fallback);
    if (onError) onError(message);
    else state.setError(message);
  } finally {
    if (!stayBusy) {
      state.running.current = false;
      state.setBusy(false);
    }
  }
}

/**
 * A form's submit state: `busy` while its request runs, the `error` line it shows (`initialError`
 * first; `setError` for checks made before the request), and `run(action, fallback, onError?)`.
 */
export function useSubmit(initialError: string | null = null) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(initialError);
  const running = useRef(false);
  const run = useCallback(
    (action: SubmitAction, fallback: string, onError?: (message: string) => void) => runSubmit({ running, setBusy, setError }, action, fallback, onError),
    [],
  );
  return { busy, error, setError, run };
}
