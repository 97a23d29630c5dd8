"use client";

import { useCallback, useState, type ReactNode } from "react";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";

export interface ConfirmRequest {
  title: string;
  /** What happens when confirmed (and whether it can be undone). */
  body: ReactNode;
  confirmLabel: string;
}

interface Pending extends ConfirmRequest {
  resolve: (confirmed: boolean) => void;
}

/**
 * `await ask({...})` in place of `window.confirm`: the app's own confirmation dialog (styled, focus
 * trapped, Escape / backdrop cancel), resolving true only on the red button. Render `dialog` once.
 */
export function useConfirm(): { ask: (request: ConfirmRequest) => Promise<boolean>; dialog: ReactNode } {
  // The request stays after it is settled, so the dialog keeps its text while its leave transition runs.
  const [state, setState] = useState<{ request: Pending | null; open: boolean }>({ request: null, open: false });

  const ask = useCallback(
    (request: ConfirmRequest) =>
      new Promise<boolean>((resolve) => {
        setState((previous) => {
          if (previous.open) previous.request?.resolve(false);
          return { request: { ...request, resolve }, open: true };
        });
      }),
    [],
  );
  const settle = (confirmed: boolean) => {
    if (state.open) state.request?.resolve(confirmed);
    setState((previous) => ({ ...previous, open: false }));
  };

  const { request, open } = state;
  const dialog = (
    <ConfirmDialog
      open={open}
      title={request?.title ?? ""}
      confirmLabel={request?.confirmLabel ?? "Confirm"}
      pendingLabel={request?.confirmLabel ?? "Confirm"}
      isPending={false}
      onConfirm={() => settle(true)}
      onClose={() => settle(false)}
    >
      {request?.body}
    </ConfirmDialog>
  );
  return { ask, dialog };
}
