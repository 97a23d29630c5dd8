"use client";

import { button } from "@/components/ui/buttonStyles";
import { Spinner } from "@/components/ui/Spinner";
import { useToast } from "@/components/ui/Toast";
import { countOf } from "@/lib/client/format";
import { useMergeErrorsMutation, useSimilarErrorsQuery } from "@/lib/client/hooks/useGroupingQueries";
import { isLoggedMessage } from "@/lib/domain/issueTitle";

interface SimilarIssuesProps {
  errorId: string;
  /** Members and admins may merge; viewers only see the list. */
  canMerge: boolean;
}

/** Issues that look like the same bug (type, message, shared frames), each with a one-click merge into this one. */
export function SimilarIssues({ errorId, canMerge }: SimilarIssuesProps) {
  const similar = useSimilarErrorsQuery(errorId);
  const merge = useMergeErrorsMutation();
  const { showToast } = useToast();
  const items = similar.data?.items ?? [];

  return (
    <section aria-labelledby="similar-issues-title" data-testid="similar-issues" className="border-t border-gray-200 px-4 py-3 sm:px-6 dark:border-gray-800">
      <h3 id="similar-issues-title" className="mb-2 flex items-center gap-2 text-sm font-medium text-gray-900 dark:text-gray-100">
        Similar issues {similar.isFetching && <Spinner className="h-3.5 w-3.5" />}
      </h3>
      {similar.error ? (
        <p className="text-sm text-red-600 dark:text-red-400">Could not load similar issues: {similar.error.message}</p>
      ) : items.length === 0 ? (
        <p className="text-sm text-gray-500 dark:text-gray-400">{similar.isLoading ? "Looking for look-alikes…" : "No issue looks like this one."}</p>
      ) : (
        <ul className="divide-y divide-gray-100 dark:divide-gray-800">
          {items.map((item) => (
            <li key={item.errorId} data-testid="similar-issue" className="flex items-start justify-between gap-3 py-2">
              <div className="min-w-0">
                {isLoggedMessage(item) ? (
                  <p className="truncate text-sm text-gray-900 dark:text-gray-100">{item.message}</p>
                ) : (
                  <>
                    <p className="truncate font-mono text-sm text-gray-900 dark:text-gray-100">{item.type}</p>
                    <p className="truncate text-sm text-gray-600 dark:text-gray-400">{item.message || "(no message)"}</p>
                  </>
                )}
                <p className="text-xs text-gray-500 dark:text-gray-400">
                  {Math.round(item.score * 100)}% alike · {item.sameType ? "same type" : "other type"} · message {Math.round(item.messageSimilarity * 100)}% ·{" "}
                  {item.sharedFrames} shared frame{item.sharedFrames === 1 ? "" : "s"} · {countOf(item.occurrences, "event")}
                </p>
              </div>
              {canMerge && (
                <button
                  type="button"
                  className={button.secondary}
                  disabled={merge.isPending}
                  onClick={() =>
                    merge.mutate(
                      { targetId: errorId, sourceIds: [item.errorId] },
                      {
                        onSuccess: (r) => showToast(`Merged: ${countOf(r.occurrences, "event")} moved into this issue`, "success"),
                        onError: (e) => showToast(`Merge failed: ${e.message}`),
                      },
                    )
                  }
                >
                  Merge into this issue
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
