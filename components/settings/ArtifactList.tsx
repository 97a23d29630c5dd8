"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { button } from "@/components/ui/buttonStyles";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState } from "@/components/ui/Spinner";
import { useToast } from "@/components/ui/Toast";

/** Deletes an uploaded artifact and says how it went ("Mapping … deleted", or why not). */
export function useArtifactRemover() {
  const { showToast } = useToast();
  return async function remove(what: string, run: () => Promise<unknown>) {
    try {
      await run();
      showToast(`${what} deleted`, "success");
    } catch (e) {
      showToast(e instanceof Error ? e.message : `could not delete the ${what.toLowerCase()}`);
    }
  };
}

export interface ArtifactRow {
  id: string;
  detail: string;
  onDelete?: () => void;
}

/** One kind of upload: loading, failed, none yet, or a row per upload (its id, what it holds, Delete). */
export function ArtifactList({ label, noun, query, rows, testId }: { label: string; noun: string; query: UseQueryResult<unknown>; rows: ArtifactRow[]; testId: string }) {
  if (query.isLoading) return <LoadingState label={`Loading ${noun}…`} className="py-4" />;
  if (query.error && !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} className="py-4" />;
  if (rows.length === 0) return <p className="text-sm text-gray-500 dark:text-gray-400">No {noun} uploaded yet.</p>;
  return (
    <ul className="divide-y divide-gray-100 dark:divide-gray-800" aria-label={label}>
      {rows.map((row) => (
        <li key={row.id} data-testid={testId} className="flex flex-wrap items-center gap-2 py-2 text-sm">
          <div className="min-w-0 flex-1">
            <p className="truncate font-mono text-xs text-gray-900 dark:text-gray-100">{row.id}</p>
            <p className="text-xs text-gray-500 dark:text-gray-400">{row.detail}</p>
          </div>
          {row.onDelete && (
            <button type="button" className={button.ghost} onClick={row.onDelete} aria-label={`Delete ${row.id} (${label})`}>
              Delete
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
