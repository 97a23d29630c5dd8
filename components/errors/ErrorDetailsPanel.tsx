"use client";

import { useEffect } from "react";
import { ErrorDetails } from "@/components/errors/ErrorDetails";
import { ExceptionChain } from "@/components/grouping/ExceptionChain";
import { SimilarIssues } from "@/components/grouping/SimilarIssues";
import { UnmergePanel } from "@/components/grouping/UnmergePanel";
import { WorkflowActions } from "@/components/errors/WorkflowActions";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState } from "@/components/ui/Spinner";
import { useToast } from "@/components/ui/Toast";
import { useErrorQuery } from "@/lib/client/hooks/useErrorQuery";
import { popupOpen } from "@/lib/client/shortcutKey";
import { useMembersQuery } from "@/lib/client/hooks/useMembersQuery";
import { useTeamsQuery } from "@/lib/client/hooks/useTeamsQuery";
import { useUpdateErrorMutation } from "@/lib/client/hooks/useUpdateErrorMutation";
import type { Me } from "@/lib/workspaces/getMe";
import { languageOfPlatform } from "@/lib/ingest/stacktrace/platformLanguage";

interface ErrorDetailsPanelProps {
  errorId: string;
  me: Me;
  workspace: Me["workspaces"][number];
  onClose: () => void;
}

/** Loads the selected error, wires the workflow (optimistic, rolled back with a toast) and Escape to close. */
export function ErrorDetailsPanel({ errorId, me, workspace, onClose }: ErrorDetailsPanelProps) {
  const { showToast } = useToast();
  const query = useErrorQuery(errorId);
  const canTriage = workspace.role !== "viewer";
  const members = useMembersQuery(workspace.id, canTriage);
  const teams = useTeamsQuery(workspace.id, canTriage);
  const update = useUpdateErrorMutation((message) => showToast(`Change not saved: ${message}`));

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      // Let open menus and listboxes close first (they stop the event themselves), and a dialog
      // opened from the panel (a confirmation): its Escape is heard here before it closes.
      if (e.key === "Escape" && !e.defaultPrevented && !popupOpen(document)) onClose();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  if (query.isLoading) return <LoadingState label="Loading error…" className="rounded-lg bg-white py-16 shadow-sm ring-1 ring-gray-200 dark:bg-gray-900 dark:ring-gray-800" />;
  if (query.error && !query.data) {
    return (
      <div className="rounded-lg bg-white shadow-sm ring-1 ring-gray-200 dark:bg-gray-900 dark:ring-gray-800">
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        <div className="pb-4 text-center">
          <button type="button" onClick={onClose} className="text-sm text-gray-600 underline dark:text-gray-300">
            Close
          </button>
        </div>
      </div>
    );
  }
  if (!query.data) return null;

  const error = query.data;
  const actions = canTriage ? (
    <WorkflowActions
      error={error}
      members={members.data?.items ?? []}
      teams={teams.data?.items ?? []}
      currentUserId={me.user.id}
      isPending={update.isPending}
      onUpdate={(patch) => update.mutate({ errorId: error.errorId, patch, actor: me.user })}
    />
  ) : (
    <p className="border-t border-gray-200 px-4 py-3 text-sm text-gray-500 sm:px-6 dark:border-gray-800 dark:text-gray-400">
      You have view-only access to this workspace.
    </p>
  );

  const chain = error.recentOccurrences.find((o) => o.exceptions && o.exceptions.length > 1)?.exceptions ?? error.exceptions;
  const grouping = (
    <>
      {chain && <ExceptionChain chain={chain} language={languageOfPlatform(error.platform)} />}
      <UnmergePanel errorId={error.errorId} canUnmerge={canTriage} />
      <SimilarIssues errorId={error.errorId} canMerge={canTriage} />
    </>
  );

  return <ErrorDetails error={error} onClose={onClose} actions={actions} grouping={grouping} />;
}
