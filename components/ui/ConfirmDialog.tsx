"use client";

import type { ReactNode } from "react";
import { button } from "@/components/ui/buttonStyles";
import { ModalDialog } from "@/components/ui/ModalDialog";

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What happens when confirmed (and whether it can be undone). */
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  isPending: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** Asks before a destructive action (revoking a key or a token): Cancel, or the red button. */
export function ConfirmDialog({ open, title, children, confirmLabel, pendingLabel, isPending, onConfirm, onClose }: ConfirmDialogProps) {
  return (
    <ModalDialog open={open} title={title} onClose={onClose}>
      <div className="text-sm text-gray-600 dark:text-gray-300">{children}</div>
      <div className="mt-6 flex justify-end gap-2">
        <button type="button" onClick={onClose} className={button.secondary}>
          Cancel
        </button>
        <button type="button" onClick={onConfirm} disabled={isPending} className={button.danger}>
          {isPending ? pendingLabel : confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
