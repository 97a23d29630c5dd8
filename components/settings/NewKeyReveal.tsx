"use client";

import { button } from "@/components/ui/buttonStyles";
import { CopyButton } from "@/components/ui/CopyButton";
import { IngestInstructions } from "@/components/settings/IngestInstructions";
import type { CreatedIngestKey } from "@/lib/client/hooks/useIngestKeysQuery";

/** A key just created, with the DSN and curl example filled in (the key list's Show brings it back later). */
export function NewKeyReveal({ created, projectPublicId, onDone }: { created: CreatedIngestKey; projectPublicId: number; onDone: () => void }) {
  return (
    <div role="region" aria-label="New ingest key" className="space-y-4 rounded-lg bg-amber-50 p-4 ring-1 ring-amber-200 dark:bg-amber-950/30 dark:ring-amber-900">
      <div>
        <p className="text-sm font-medium text-amber-900 dark:text-amber-200">
          Key “{created.name}” created. Copy it below; admins can copy it and its DSN again from the key list.
        </p>
        <div className="mt-2 flex items-center gap-2">
          <code data-testid="new-key" className="min-w-0 flex-1 break-all rounded bg-white px-2 py-1.5 font-mono text-sm text-gray-900 ring-1 ring-amber-200 dark:bg-gray-900 dark:text-gray-100 dark:ring-amber-900">
            {created.key}
          </code>
          <CopyButton text={created.key} />
        </div>
      </div>
      <IngestInstructions ingestKey={created.key} projectPublicId={projectPublicId} />
      <button type="button" onClick={onDone} className={button.secondary}>
        I have copied it
      </button>
    </div>
  );
}
