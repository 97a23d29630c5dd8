"use client";

import { useState } from "react";
import { formatDistanceToNow } from "date-fns";
import { Badge } from "@/components/ui/Badge";
import { button } from "@/components/ui/buttonStyles";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState } from "@/components/ui/Spinner";
import { useToast } from "@/components/ui/Toast";
import { RevokeKeyDialog } from "@/components/settings/RevokeKeyDialog";
import { useIngestKeysQuery, useRevokeIngestKeyMutation } from "@/lib/client/hooks/useIngestKeysQuery";
import type { IngestKeySummary } from "@/lib/projects/listIngestKeys";

const ago = (iso: string) => formatDistanceToNow(new Date(iso), { addSuffix: true });

/** A project's keys by prefix, with revoke behind a confirmation. */
export function IngestKeyList({ projectId }: { projectId: string }) {
  const keys = useIngestKeysQuery(projectId);
  const revoke = useRevokeIngestKeyMutation(projectId);
  const { showToast } = useToast();
  const [pending, setPending] = useState<IngestKeySummary | null>(null);

  if (keys.isLoading) return <LoadingState label="Loading keys…" className="py-6" />;
  if (keys.error && !keys.data) return <ErrorState error={keys.error} onRetry={() => void keys.refetch()} className="py-6" />;
  const items = keys.data?.items ?? [];
  if (items.length === 0) return <EmptyState title="No ingest keys yet" className="py-6">Create one to start sending errors.</EmptyState>;

  return (
    <>
      <ul data-testid="key-list" className="divide-y divide-gray-100 dark:divide-gray-800">
        {items.map((k) => (
          <li key={k.id} data-testid="key-row" className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center">
            <div className="min-w-0 flex-1">
              <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-gray-900 dark:text-gray-100">
                {k.name}
                <code className="rounded bg-gray-100 px-1.5 py-0.5 font-mono text-xs font-normal text-gray-700 dark:bg-gray-800 dark:text-gray-300">{k.keyPrefix}…</code>
                {k.revokedAt && <Badge className="bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300">revoked</Badge>}
              </p>
              <p className="text-xs text-gray-500 dark:text-gray-400">
                created {ago(k.createdAt)} · {k.lastUsedAt ? `last used ${ago(k.lastUsedAt)}` : "never used"}
                {k.revokedAt && ` · revoked ${ago(k.revokedAt)}`}
              </p>
            </div>
            {!k.revokedAt && (
              <button type="button" onClick={() => setPending(k)} className={button.secondary} aria-label={`Revoke key ${k.name}`}>
                Revoke
              </button>
            )}
          </li>
        ))}
      </ul>
      <RevokeKeyDialog
        ingestKey={pending}
        isPending={revoke.isPending}
        onClose={() => setPending(null)}
        onConfirm={() =>
          pending &&
          revoke.mutate(
            { keyId: pending.id },
            {
              onSuccess: () => showToast(`Key “${pending.name}” revoked`, "success"),
              onError: (e) => showToast(`Key not revoked: ${e.message}`),
              onSettled: () => setPending(null),
            },
          )
        }
      />
    </>
  );
}
