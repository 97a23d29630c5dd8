"use client";

import { useEffect, useRef } from "react";
import { button } from "@/components/ui/buttonStyles";
import { Spinner } from "@/components/ui/Spinner";
import { useToast } from "@/components/ui/Toast";
import { useConfirm } from "@/components/ui/useConfirm";
import { focusAfterRemoval } from "@/lib/client/focusAfterRemoval";
import { countOf } from "@/lib/client/format";
import { useMergeErrorsMutation, useSimilarErrorsQuery } from "@/lib/client/hooks/useGroupingQueries";
import { isLoggedMessage, issueTitle } from "@/lib/domain/issueTitle";
import type { SimilarError } from "@/lib/grouping/similar/findSimilarErrors";

interface SimilarIssuesProps {
  errorId: string;
  /** Members and admins may merge; viewers only see the list. */
  canMerge: boolean;
}

/**
 * Issues that look like the same bug (type, message, shared frames), each with a merge into this one
 * (asked first: a stray Enter on the button must not move events). Once the merged issue leaves the
 * list, focus goes to the next one's button (the previous one's for the last), else to the heading.
 */
export function SimilarIssues({ errorId, canMerge }: SimilarIssuesProps) {
  const similar = useSimilarErrorsQuery(errorId);
  const merge = useMergeErrorsMutation();
  const { showToast } = useToast();
  const { ask, dialog } = useConfirm();
  const items = similar.data?.items;
  const heading = useRef<HTMLHeadingElement>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  // The issue just merged and the one whose button takes focus when it has left the list.
  const refocus = useRef<{ merged: string; next: string | null } | null>(null);

  // (Once the merge is over too: the buttons are disabled while it runs.)
  useEffect(() => {
    const pending = refocus.current;
    if (!pending || merge.isPending || !items || items.some((i) => i.errorId === pending.merged)) return;
    refocus.current = null;
    const next = pending.next ? buttons.current.get(pending.next) : undefined;
    if (next) next.focus();
    else heading.current?.focus();
  }, [items, merge.isPending]);

  async function mergeIn(item: SimilarError) {
    const confirmed = await ask({
      title: "Merge into this issue?",
      body: (
        <>
          <p className="break-words">
            <span className="font-medium">{issueTitle(item, 200)}</span> ({countOf(item.occurrences, "event")}) joins this issue: its events move here, and its new events
            arrive here too.
          </p>
          <p className="mt-2">It can be split off again under &ldquo;Fingerprints in this issue&rdquo;.</p>
        </>
      ),
      confirmLabel: "Merge",
    });
    if (!confirmed) return;
    refocus.current = { merged: item.errorId, next: focusAfterRemoval((items ?? []).map((i) => i.errorId), item.errorId) };
    merge.mutate(
      { targetId: errorId, sourceIds: [item.errorId] },
      {
        onSuccess: (r) => showToast(`Merged: ${countOf(r.occurrences, "event")} moved into this issue`, "success"),
        onError: (e) => {
          refocus.current = null;
          showToast(`Merge failed: ${e.message}`);
        },
      },
    );
  }

  return (
    <section aria-labelledby="similar-issues-title" data-testid="similar-issues" className="border-t border-gray-200 px-4 py-3 sm:px-6 dark:border-gray-800">
      <h3 id="similar-issues-title" ref={heading} tabIndex={-1} className="mb-2 flex items-center gap-2 text-sm font-medium text-gray-900 focus:outline-none dark:text-gray-100">
        Similar issues {similar.isFetching && <Spinner className="h-3.5 w-3.5" />}
      </h3>
      {similar.error ? (
        <p className="text-sm text-red-600 dark:text-red-400">Could not load similar issues: {similar.error.message}</p>
      ) : !items || items.length === 0 ? (
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
                  ref={(el) => {
                    if (el) buttons.current.set(item.errorId, el);
                    else buttons.current.delete(item.errorId);
                  }}
                  className={button.secondary}
                  disabled={merge.isPending}
                  onClick={() => void mergeIn(item)}
                >
                  Merge into this issue
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {dialog}
    </section>
  );
}
