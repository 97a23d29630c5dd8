"use client";

import { Dialog, DialogPanel, DialogTitle } from "@headlessui/react";
import type { ReactNode } from "react";
import { button } from "@/components/ui/buttonStyles";

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
    <Dialog open={open} onClose={onClose} className="relative z-50">
      <div className="fixed inset-0 bg-black/40" aria-hidden="true" />
      <div className="fixed inset-0 flex items-center justify-center p-4">
        <DialogPanel className="w-full max-w-md rounded-lg bg-white p-6 shadow-xl dark:bg-gray-900">
          <DialogTitle className="break-words text-lg font-semibold text-gray-900 dark:text-gray-100">{title}</DialogTitle>
          <div className="mt-2 text-sm text-gray-600 dark:text-gray-300">{children}</div>
          <div className="mt-6 flex justify-end gap-2">
            <button type="button" onClick={onClose} className={button.secondary}>
              Cancel
            </button>
            <button type="button" onClick={onConfirm} disabled={isPending} className={button.danger}>
              {isPending ? pendingLabel : confirmLabel}
            </button>
          </div>
        </DialogPanel>
      </div>
    </Dialog>
  );
}
