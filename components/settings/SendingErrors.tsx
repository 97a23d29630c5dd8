"use client";

import { useState } from "react";
import { input } from "@/components/ui/buttonStyles";
import { IngestInstructions } from "@/components/settings/IngestInstructions";
import type { KeyReveals } from "@/components/settings/useKeyReveals";
import { useIngestKeysQuery } from "@/lib/client/hooks/useIngestKeysQuery";

/**
 * The "Sending errors" panel: ingest URL, curl and Sentry DSN examples. Admins can fill in one of the
 * project's live keys instead of the placeholder (revealed on demand, like the key list's Show).
 */
export function SendingErrors({ projectId, projectName, projectPublicId, isAdmin, reveals }: { projectId: string; projectName: string; projectPublicId: number; isAdmin: boolean; reveals: KeyReveals }) {
  const keys = useIngestKeysQuery(projectId, isAdmin);
  const [chosenId, setChosenId] = useState("");
  const items = keys.data?.items ?? [];
  const revealable = items.filter((k) => k.revealable);
  // A key revoked meanwhile drops out of the choice (and out of the examples).
  const chosen = revealable.find((k) => k.id === chosenId);
  const state = chosen ? reveals.of(chosen.id) : undefined;
  const ingestKey = state?.status === "shown" ? state.value.key : undefined;

  function choose(keyId: string) {
    setChosenId(keyId);
    if (keyId) reveals.reveal(keyId).catch(() => undefined); // shown below the choice
  }

  return (
    <>
      <p className="mb-4 text-sm text-gray-600 dark:text-gray-300">
        Project <span className="font-medium text-gray-900 dark:text-gray-100">{projectName}</span> · DSN project id <code className="font-mono">{projectPublicId}</code>
      </p>
      {revealable.length > 0 && (
        <div className="mb-4 text-sm">
          <label className="block">
            <span className="text-gray-700 dark:text-gray-300">Fill in a key</span>
            <select value={chosen ? chosen.id : ""} onChange={(e) => choose(e.target.value)} className={`${input} mt-1 block w-full sm:w-auto`}>
              <option value="">None: show &lt;your-ingest-key&gt;</option>
              {revealable.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.name} ({k.keyPrefix}…)
                </option>
              ))}
            </select>
          </label>
          {state?.status === "pending" && (
            <p role="status" className="mt-1 text-xs text-gray-500 dark:text-gray-400">
              Loading the key…
            </p>
          )}
          {state?.status === "failed" && (
            <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-400">
              {state.error.message}
            </p>
          )}
        </div>
      )}
      {revealable.length === 0 && items.some((k) => !k.revokedAt) && (
        <p data-testid="no-kept-keys" className="mb-4 text-xs text-gray-500 dark:text-gray-400">
          This project&apos;s keys were created before keys were kept, so none can be filled in here: create a new key to copy its DSN.
        </p>
      )}
      <IngestInstructions ingestKey={ingestKey} projectPublicId={projectPublicId} />
    </>
  );
}
