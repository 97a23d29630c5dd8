"use client";

import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import type { IngestKeySummary } from "@/lib/projects/listIngestKeys";

interface RevokeKeyDialogProps {
  ingestKey: IngestKeySummary | null;
  isPending: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

export function RevokeKeyDialog({ ingestKey, isPending, onConfirm, onClose }: RevokeKeyDialogProps) {
  return (
    <ConfirmDialog open={ingestKey !== null} title={`Revoke “${ingestKey?.name}”?`} confirmLabel="Revoke key" pendingLabel="Revoking…" isPending={isPending} onConfirm={onConfirm} onClose={onClose}>
      <p>
        Apps sending with the key starting <code className="font-mono">{ingestKey?.keyPrefix}</code> will get 401 from now on. This cannot be undone.
      </p>
    </ConfirmDialog>
  );
}
