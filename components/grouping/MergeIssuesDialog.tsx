"use client";

import { Dialog, DialogPanel, DialogTitle } from "@headlessui/react";
import { useState } from "react";
import { button } from "@/components/ui/buttonStyles";
import { useToast } from "@/components/ui/Toast";
import { countOf } from "@/lib/client/format";
import { useMergeErrorsMutation } from "@/lib/client/hooks/useGroupingQueries";
import type { ErrorSummary } from "@/lib/errors/errorDto";
import { isLoggedMessage } from "@/lib/domain/issueTitle";

interface MergeIssuesDialogProps {
  /** The issues to merge (two or more, one project); the dialog is open while this is non-empty. */
  issues: ErrorSummary[];
  onClose: () => void;
  onMerged?: (targetId: string) => void;
}

/** Merge issues picked in a list: choose the one the others become part of, then confirm. */
export function MergeIssuesDialog({ issues, onClose, onMerged }: MergeIssuesDialogProps) {
  const [chosen, setChosen] = useState<string | null>(null);
  const merge = useMergeErrorsMutation();
  const { showToast } = useToast();
  const byEvents = [...issues].sort((a, b) => b.occurrences - a.occurrences);
  const targetId = chosen && issues.some((i) => i.errorId === chosen) ? chosen : byEvents[0]?.errorId;
  const projects = new Set(issues.map((i) => i.projectId));

  return (
    <Dialog open={issues.length > 0} onClose={onClose} className="relative z-50">
      <div className="fixed inset-0 bg-black/30" aria-hidden="true" />
      <div className="fixed inset-0 flex items-center justify-center p-4">
        <DialogPanel className="w-full max-w-lg rounded-lg bg-white p-6 shadow-xl dark:bg-gray-900">
          <DialogTitle className="text-lg font-semibold text-gray-900 dark:text-gray-100">Merge {issues.length} issues</DialogTitle>
          {projects.size > 1 ? (
            <p className="mt-2 text-sm text-red-600 dark:text-red-400">Only issues of one project can be merged.</p>
          ) : (
            <>
              <p className="mt-1 text-sm text-gray-600 dark:text-gray-400">
                Their events, users and alerts move into the issue you keep; future events of the others join it. You can split them off again from its issue page.
              </p>
              <fieldset className="mt-4 space-y-2">
                <legend className="text-sm font-medium text-gray-900 dark:text-gray-100">Keep</legend>
                {byEvents.map((issue) => (
                  <label key={issue.errorId} className="flex cursor-pointer items-start gap-2 rounded-md p-2 ring-1 ring-gray-200 dark:ring-gray-800">
                    <input type="radio" name="merge-target" checked={issue.errorId === targetId} onChange={() => setChosen(issue.errorId)} className="mt-1" />
                    <span className="min-w-0">
                      {isLoggedMessage(issue) ? (
                        <span className="block truncate text-sm text-gray-900 dark:text-gray-100">{issue.message}</span>
                      ) : (
                        <>
                          <span className="block truncate font-mono text-sm text-gray-900 dark:text-gray-100">{issue.type}</span>
                          <span className="block truncate text-sm text-gray-600 dark:text-gray-400">{issue.message || "(no message)"}</span>
                        </>
                      )}
                      <span className="text-xs text-gray-500 dark:text-gray-400">{countOf(issue.occurrences, "event")}</span>
                    </span>
                  </label>
                ))}
              </fieldset>
            </>
          )}
          <div className="mt-6 flex justify-end gap-2">
            <button type="button" className={button.secondary} onClick={onClose}>
              Cancel
            </button>
            <button
              type="button"
              className={button.primary}
              disabled={!targetId || projects.size > 1 || merge.isPending}
              onClick={() =>
                targetId &&
                merge.mutate(
                  { targetId, sourceIds: issues.map((i) => i.errorId).filter((id) => id !== targetId) },
                  {
                    onSuccess: (r) => {
                      showToast(`Merged ${r.mergedIds.length + 1} issues into one`, "success");
                      onMerged?.(r.targetId);
                      onClose();
                    },
                    onError: (e) => showToast(`Merge failed: ${e.message}`),
                  },
                )
              }
            >
              Merge
            </button>
          </div>
        </DialogPanel>
      </div>
    </Dialog>
  );
}
