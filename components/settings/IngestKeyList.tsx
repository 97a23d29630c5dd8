"use client";

import { useState } from "react";
import { formatDistanceToNow } from "date-fns";
import { Badge } from "@/components/ui/Badge";
import { button } from "@/components/ui/buttonStyles";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState } from "@/components/ui/Spinner";
import { useToast } from "@/components/ui/Toast";
import { CopyableValue } from "@/components/settings/IngestInstructions";
import { RevokeKeyDialog } from "@/components/settings/RevokeKeyDialog";
import type { KeyReveals } from "@/components/settings/useKeyReveals";
import { useIngestKeysQuery, useRevokeIngestKeyMutation } from "@/lib/client/hooks/useIngestKeysQuery";
import type { IngestKeySummary } from "@/lib/projects/listIngestKeys";

const ago = (iso: string) => formatDistanceToNow(new Date(iso), { addSuffix: true });

/** A project's keys by prefix: a live key's DSN copied or shown again (fetched on demand, audited), revoke behind a confirmation. */
export function IngestKeyList({ projectId, reveals }: { projectId: string; reveals: KeyReveals }) {
  const keys = useIngestKeysQuery(projectId);
  const revoke = useRevokeIngestKeyMutation(projectId);
  const { showToast } = useToast();
  const [pending, setPending] = useState<IngestKeySummary | null>(null);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());

  if (keys.isLoading) return <LoadingState label="Loading keys…" className="py-6" />;
  if (keys.error && !keys.data) return <ErrorState error={keys.error} onRetry={() => void keys.refetch()} className="py-6" />;
  const items = keys.data?.items ?? [];
  if (items.length === 0) return <EmptyState title="No ingest keys yet" className="py-6">Create one to start sending errors.</EmptyState>;

  const toggle = (k: IngestKeySummary, show: boolean) => {
    setOpen((o) => {
      const next = new Set(o);
      if (show) next.add(k.id);
      else next.delete(k.id);
      return next;
    });
    if (show) reveals.reveal(k.id).catch(() => undefined); // the panel shows the failure
  };

  async function copyDsn(k: IngestKeySummary) {
    let dsn: string;
    try {
      dsn = (await reveals.reveal(k.id)).dsn;
    } catch (e) {
      showToast(`DSN not shown: ${(e as Error).message}`);
      return;
    }
    try {
      await navigator.clipboard.writeText(dsn);
      showToast(`DSN of “${k.name}” copied`, "success");
    } catch {
      toggle(k, true);
      showToast("The browser blocked the clipboard: the DSN is shown below the key, copy it from there.");
    }
  }

  return (
    <>
      <ul data-testid="key-list" className="divide-y divide-gray-100 dark:divide-gray-800">
        {items.map((k) => {
          const shown = open.has(k.id) && k.revealable;
          const panelId = `key-reveal-${k.id}`;
          return (
            <li key={k.id} data-testid="key-row" className="py-3">
              <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
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
                  {!k.revokedAt && !k.revealable && (
                    <p data-testid="key-not-kept" className="text-xs text-gray-500 dark:text-gray-400">
                      Created before keys were kept: it cannot be shown again. Create a new key to copy a DSN.
                    </p>
                  )}
                </div>
                {!k.revokedAt && (
                  <div className="flex flex-wrap gap-2">
                    {k.revealable && (
                      <>
                        <button type="button" onClick={() => void copyDsn(k)} className={button.secondary} aria-label={`Copy DSN of key ${k.name}`}>
                          Copy DSN
                        </button>
                        <button
                          type="button"
                          onClick={() => toggle(k, !shown)}
                          className={button.secondary}
                          aria-expanded={shown}
                          aria-controls={shown ? panelId : undefined}
                          aria-label={`${shown ? "Hide" : "Show"} key ${k.name}`}
                        >
                          {shown ? "Hide" : "Show"}
                        </button>
                      </>
                    )}
                    <button type="button" onClick={() => setPending(k)} className={button.secondary} aria-label={`Revoke key ${k.name}`}>
                      Revoke
                    </button>
                  </div>
                )}
              </div>
              {shown && <RevealedKey id={panelId} ingestKey={k} reveals={reveals} />}
            </li>
          );
        })}
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

/** One key shown again: its DSN and the key, each with a copy button (or why it cannot be shown). */
function RevealedKey({ id, ingestKey, reveals }: { id: string; ingestKey: IngestKeySummary; reveals: KeyReveals }) {
  const state = reveals.of(ingestKey.id);
  return (
    <div id={id} role="region" aria-label={`Key ${ingestKey.name}`} className="mt-3 space-y-3 rounded-lg bg-gray-50 p-3 text-sm ring-1 ring-gray-200 dark:bg-gray-900 dark:ring-gray-800">
      {state?.status === "shown" ? (
        <>
          <CopyableValue label="Sentry SDK DSN" value={state.value.dsn} testId="revealed-dsn" copyable />
          <CopyableValue label="Ingest key" hint="the X-Faultline-Key header" value={state.value.key} testId="revealed-key" copyable />
        </>
      ) : state?.status === "failed" ? (
        <p role="alert" className="text-red-700 dark:text-red-400">
          {state.error.message}
        </p>
      ) : (
        <p role="status" className="text-gray-500 dark:text-gray-400">
          Loading the key…
        </p>
      )}
    </div>
  );
}
