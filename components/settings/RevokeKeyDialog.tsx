"use client";

import { Dialog, DialogPanel, DialogTitle } from "@headlessui/react";
import { button } from "@/components/ui/buttonStyles";
import type { IngestKeySummary } from "@/lib/projects/listIngestKeys";

interface RevokeKeyDialogProps {
  ingestKey: IngestKeySummary | null;
  isPending: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

export function RevokeKeyDialog({ ingestKey, isPending, onConfirm, onClose }: RevokeKeyDialogProps) {
  return (
    <Dialog open={ingestKey !== null} onClose={onClose} className="relative z-50">
      <div className="fixed inset-0 bg-black/40" aria-hidden="true" />
      <div className="fixed inset-0 flex items-center justify-center p-4">
        <DialogPanel className="w-full max-w-md rounded-lg bg-white p-6 shadow-xl dark:bg-gray-900">
          <DialogTitle className="text-lg font-semibold text-gray-900 dark:text-gray-100">Revoke “{ingestKey?.name}”?</DialogTitle>
          <p className="mt-2 text-sm text-gray-600 dark:text-gray-300">
            Apps sending with the key starting <code className="font-mono">{ingestKey?.keyPrefix}</code> will get 401 from now on. This cannot be undone.
          </p>
          <div className="mt-6 flex justify-end gap-2">
            <button type="button" onClick={onClose} className={button.secondary}>
              Cancel
            </button>
            <button type="button" onClick={onConfirm} disabled={isPending} className={button.danger}>
              {isPending ? "Revoking…" : "Revoke key"}
            </button>
          </div>
        </DialogPanel>
      </div>
    </Dialog>
  );
}
